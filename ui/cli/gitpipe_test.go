package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"testing"
)

// TestGitExternalDiffClosedPipe is a regression test: git's diff read by
// a command that stops early (GIT_EXTERNAL_DIFF=newsdiff git diff | head
// -1) ended in "fatal: external diff died, stopping at new.txt" and status
// 128, as newsdiff died of the closed pipe and git takes an external
// diff's failure for its own. git's own diff stops silently there. As
// git's external diff, newsdiff now takes a closed stdout as the end of
// its reader, not as its failure: it exits 0, and git, which writes
// nothing of its own for an external diff, ends quietly too.
func TestGitExternalDiffClosedPipe(t *testing.T) {
	bin := newsdiffBinary(t)
	dir := gitRepo(t)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	// Nothing reads: every write to w fails, as after head -1 exits.
	r.Close()
	defer w.Close()
	var stderr bytes.Buffer
	cmd := exec.Command("git", "diff")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_EXTERNAL_DIFF="+bin, "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "GIT_PAGER=cat")
	cmd.Stdout = w
	cmd.Stderr = &stderr
	err = cmd.Run()
	if err != nil || stderr.Len() > 0 {
		t.Errorf("git diff into a closed pipe: %v, stderr %q; want status 0 and nothing on stderr", err, stderr.String())
	}
}
