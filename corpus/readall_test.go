package corpus

import (
	"bytes"
	"io"
	"testing"
	"testing/iotest"
)

// TestReadAllInto checks that readAllInto reads what io.ReadAll reads,
// whatever the buffer it starts with and however the reader splits its
// bytes.
func TestReadAllInto(t *testing.T) {
	data := bytes.Repeat([]byte("0123456789"), 100)
	for _, n := range []int{0, 1, 500, 999, 1000, 1001, 4096} {
		for name, r := range map[string]func() io.Reader{
			"whole":    func() io.Reader { return bytes.NewReader(data) },
			"one byte": func() io.Reader { return iotest.OneByteReader(bytes.NewReader(data)) },
			"data+EOF": func() io.Reader { return iotest.DataErrReader(bytes.NewReader(data)) },
		} {
			got, err := readAllInto(make([]byte, 0, n), r())
			if err != nil || !bytes.Equal(got, data) {
				t.Errorf("%s, buffer of %d: %d bytes, %v; want %d bytes", name, n, len(got), err, len(data))
			}
		}
	}
	if _, err := readAllInto(nil, iotest.ErrReader(io.ErrUnexpectedEOF)); err != io.ErrUnexpectedEOF {
		t.Errorf("a failing reader: %v, want %v", err, io.ErrUnexpectedEOF)
	}
}
