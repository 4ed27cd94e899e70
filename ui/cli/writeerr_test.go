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
// texts differ". Every command now exits 1 (diff --exit-code 2) with one
// line naming the failed write.
func TestLostOutputIsAnError(t *testing.T) {
	dir := archiveDir(t, 0)
	for _, tt := range []struct {
		args []string
		// prints is unset for a command that writes nothing to
		// stdout: nothing is lost, and it succeeds.
		prints bool
		// status is the exit status for the lost output: 1, and 2 for
		// diff --exit-code, whose 1 says the texts differ (0: prints nothing).
		status int
	}{
		{[]string{"--help"}, true, ExitError},
		{[]string{"help", "diff"}, true, ExitError},
		{[]string{"diff", "--help"}, true, ExitError},
		{[]string{"--version"}, true, ExitError},
		{[]string{"index", "-q", dir}, false, 0},
		{[]string{"index", dir}, true, ExitError},
		{[]string{"diff", "003", "004", "--format", "plain"}, true, ExitError},
		{[]string{"diff", "--exit-code", "003", "004", "--format", "plain"}, true, ExitUsage},
		{[]string{"list", dir}, true, ExitError},
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
		if code != tt.status || !strings.Contains(lines[len(lines)-1], "no space left on device") || strings.Count(le.errb.String(), "no space") != 1 {
			t.Errorf("%q: exit %d, stderr %q; want %d and one line naming the failed write", tt.args, code, le.errb, tt.status)
		}
	}
}
