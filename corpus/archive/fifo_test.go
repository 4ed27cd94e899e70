//go:build unix

package archive

import (
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
)

// TestFIFONotOpened is a regression test: a FIFO named like an article
// was opened to be hashed before the loader refused it as no regular
// file, and opening a FIFO waits for a writer: list hung on such a
// folder. A writer here tells whether the archive opened it (its own
// open returns only then); it must not have, and the FIFO is reported as
// skipped.
func TestFIFONotOpened(t *testing.T) {
	dir := writeArchive(t)
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	var opened atomic.Bool
	done := make(chan struct{})
	go func() {
		defer close(done)
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		opened.Store(true)
		f.WriteString("Pipe\n\nWords from a pipe, which no reader should have waited for.\n")
		f.Close()
	}()
	a := open(t, dir, Options{})
	if opened.Load() {
		t.Error("the archive opened the FIFO")
	}
	// Let the writer go: a reader that does not wait.
	if r, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
		<-done
		r.Close()
	}
	var said bool
	for _, p := range a.Problems() {
		said = said || strings.HasSuffix(p.Path, "pipe.txt") && p.Skipped && strings.Contains(p.Msg, "not a regular file")
	}
	if !said {
		t.Errorf("problems %v, want pipe.txt skipped as not a regular file", a.Problems())
	}
}
