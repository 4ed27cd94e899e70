//go:build unix

package cli

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestInterruptInThePager is a regression test: Ctrl-C while the pager
// showed a command's output, then q, exited 0, as if nothing had been
// interrupted; git exits 130 then. The pager here says when it has the
// output, the command is interrupted, and the pager is then let go.
func TestInterruptInThePager(t *testing.T) {
	dir := t.TempDir()
	started, release := filepath.Join(dir, "started"), filepath.Join(dir, "release")
	for _, f := range []string{started, release} {
		if err := syscall.Mkfifo(f, 0o600); err != nil {
			t.Skipf("no FIFO here: %v", err)
		}
	}
	t.Setenv("STARTED", started)
	t.Setenv("RELEASE", release)
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	go func() {
		// Opening a FIFO waits for the other end: the pager's.
		if f, err := os.Open(started); err == nil {
			f.Close()
		}
		cancel(interrupted{os.Interrupt})
		if f, err := os.OpenFile(release, os.O_WRONLY, 0); err == nil {
			f.Close()
		}
	}()
	le := newLocalEnv(t, true, "")
	le.vars["TERM"] = "xterm-256color"
	le.vars["PAGER"] = `cat > /dev/null; : > "$STARTED"; cat "$RELEASE" > /dev/null`
	le.Local.Size = func() (int, int, error) { return 80, 5, nil }
	if code := Run(ctx, []string{"diff", "003", "004"}, le.Env); code != 130 {
		t.Errorf("exit %d, want 130: %s", code, le.errb)
	}
}
