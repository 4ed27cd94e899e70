package cli

import (
	"bytes"
	"testing"
)

// TestChunkWriter checks that writes across chunk boundaries come out
// whole and in order, after what the buffer already held.
func TestChunkWriter(t *testing.T) {
	for _, sizes := range [][]int{{}, {1}, {chunkSize}, {chunkSize - 1, 2}, {3 * chunkSize / 2, chunkSize, 7}} {
		var w chunkWriter
		want := []byte("before|")
		for i, n := range sizes {
			b := bytes.Repeat([]byte{byte('a' + i)}, n)
			if got, err := w.Write(b); got != n || err != nil {
				t.Fatalf("Write of %d bytes = %d, %v", n, got, err)
			}
			want = append(want, b...)
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
