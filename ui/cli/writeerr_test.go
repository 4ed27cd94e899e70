package cli

import (
	"strings"
	"syscall"
	"testing"
)

// fullDisk is a stdout that takes nothing, as /dev/full does.
type fullDisk struct{}

func (fullDisk) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

// TestLostOutputIsAnError is a regression test: help and index's summary
// were written with the error dropped, so
// "newsdiff --help > /dev/full" and "newsdiff index DIR > /dev/full"
// exited 0 having written nothing, and diff --exit-code said only "the
// texts differ". Every command now exits 1 with one line naming the
// failed write.
func TestLostOutputIsAnError(t *testing.T) {
	dir := archiveDir(t, 0)
	for _, tt := range []struct {
		args []string
		// prints is unset for a command that writes nothing to
		// stdout: nothing is lost, and it succeeds.
		prints bool
	}{
		{[]string{"--help"}, true},
		{[]string{"help", "diff"}, true},
		{[]string{"diff", "--help"}, true},
		{[]string{"--version"}, true},
		{[]string{"index", "-q", dir}, false},
		{[]string{"index", dir}, true},
		{[]string{"diff", "003", "004", "--format", "plain"}, true},
		{[]string{"diff", "--exit-code", "003", "004", "--format", "plain"}, true},
		{[]string{"list", dir}, true},
	} {
		le := newLocalEnv(t, false, "")
		le.Stdout = fullDisk{}
		code := le.run(tt.args...)
		if !tt.prints {
			if code != 0 {
				t.Errorf("%q: exit %d, want 0: %s", tt.args, code, le.errb)
			}
			continue
		}
		lines := strings.Split(strings.TrimSuffix(le.errb.String(), "\n"), "\n")
		if code != ExitError || !strings.Contains(lines[len(lines)-1], "no space left on device") || strings.Count(le.errb.String(), "no space") != 1 {
			t.Errorf("%q: exit %d, stderr %q; want 1 and one line naming the failed write", tt.args, code, le.errb)
		}
	}
}
