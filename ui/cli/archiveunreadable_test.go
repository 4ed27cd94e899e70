//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestArchiveUnreadableNamedAsGiven is a regression test: an archive's
// article that could not be read when a story command or diff came to
// read it was named by its absolute path ("newsdiff: warning:
// /home/…/news/bridge/02_foxnews.txt: skipped: cannot read: permission
// denied"), where everything else the command said of the folder named
// its files from the folder as the command line named it
// ("news/bridge/…"). (Root reads any file: run as another user.)
func TestArchiveUnreadableNamedAsGiven(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any file")
	}
	dir := bridgeBudgetDir(t)
	t.Chdir(filepath.Dir(dir))
	rel := filepath.Base(dir)
	le := newLocalEnv(t, false, "")
	if code := le.run("index", "-q", rel); code != 0 {
		t.Fatalf("index: exit %d: %s", code, le.errb)
	}
	locked := filepath.Join(dir, "bridge", "02_foxnews.txt")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o644) })
	named := filepath.Join(rel, "bridge", "02_foxnews.txt") + ": skipped: cannot read: permission denied"
	for _, args := range [][]string{
		{"quotes", "--format", "plain", rel, "--story", "bridge"},
		{"matrix", "--format", "plain", rel, "--story", "bridge"},
		{"diff", "--dir", rel, "bridge/01_nytimes", "bridge/02_foxnews"},
	} {
		le := newLocalEnv(t, false, "")
		le.run(args...)
		if got := le.errb.String(); !strings.Contains(got, named) || strings.Contains(got, dir) {
			t.Errorf("%q: stderr %q; want the file named %q", args, got, named)
		}
	}
}
