package cli

import (
	"bytes"
	"testing"
)

// TestChunkWriter checks that writes across chunk boundaries come out
// whole and in order, after what the buffer already held.
func TestChunkWriter(t *testing.T) {
	for _, sizes := range [][]int{{}, {1}, {firstChunkSize}, {firstChunkSize - 1, 2}, {chunkSize}, {chunkSize - 1, 2}, {3 * chunkSize / 2, chunkSize, 7}, {5 * chunkSize}} {
		var w chunkWriter
		want := []byte("before|")
		for i, n := range sizes {
			b := bytes.Repeat([]byte{byte('a' + i)}, n)
			if got, err := w.Write(b); got != n || err != nil {
				t.Fatalf("Write of %d bytes = %d, %v", n, got, err)
			}
			want = append(want, b...)
		}
		for i, c := range w.chunks {
			if cap(c) > chunkSize || i > 0 && cap(c) < min(2*cap(w.chunks[i-1]), chunkSize) {
				t.Errorf("writes of %v bytes: chunk %d holds %d bytes after one of %d", sizes, i, cap(c), cap(w.chunks[max(i-1, 0)]))
			}
		}
		var out bytes.Buffer
		out.WriteString("before|")
		w.copyTo(&out)
		if !bytes.Equal(out.Bytes(), want) {
			t.Errorf("writes of %v bytes: got %d bytes, want %d, or they differ", sizes, out.Len(), len(want))
		}
		if len(w.chunks) != 0 || w.size != 0 {
			t.Errorf("writes of %v bytes: the writer keeps %d chunks after copying", sizes, len(w.chunks))
		}
	}
}
