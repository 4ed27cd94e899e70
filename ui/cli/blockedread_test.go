package cli

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestInterruptWhileInputBlocked is a regression test: extract, add and
// the reader waited in the kernel for input that might never come
// (standard input typed at a prompt, a named pipe no one writes to), and
// an interrupt did not end the wait: Ctrl-C did nothing until the input
// ended (ctrl+d), if ever. Each now stops at once with 130.
func TestInterruptWhileInputBlocked(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "page.html")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	t.Cleanup(func() {
		// Lets a wait on opening it end: a writer comes.
		if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	})
	article := filepath.Join(dir, "b.txt")
	writeFilesIn(t, dir, map[string]string{"b.txt": "Bridge vote\n\nThe council voted on Monday to shut the old bridge over the river.\n"})
	for _, args := range [][]string{
		{"extract", fifo},
		{"extract", "-"},
		{"add", filepath.Join(dir, "out"), fifo},
		{"add", filepath.Join(dir, "out"), "-"},
		{"add", filepath.Join(dir, "out"), "--feed", fifo},
		{fifo, article},
		{"-", article},
	} {
		t.Run(args[0]+" "+filepath.Base(args[len(args)-1]), func(t *testing.T) {
			le := newLocalEnv(t, false, "")
			stdin, w := io.Pipe() // a prompt: nothing typed, nothing ended
			t.Cleanup(func() { w.Close() })
			le.Local.Stdin = stdin
			ctx, cancel := context.WithCancelCause(context.Background())
			cancel(interrupted{os.Interrupt})
			done := make(chan int, 1)
			go func() { done <- Run(ctx, args, le.Env) }()
			select {
			case code := <-done:
				if code != 130 {
					t.Errorf("exit %d, want 130; stderr %q", code, le.errb)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("still waiting for its input 10 s after an interrupt")
			}
		})
	}
}
