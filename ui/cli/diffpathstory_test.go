package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestDiffStoryOfAFileNamedByItsPath is a regression test: in a folder of
// stories, B's id, when several stories have it, is looked up in the
// story of A, but only when A was named as the folder names it
// ("budget/01_nytimes"): A named by its path from where the command ran
// ("stories/budget/01_nytimes.txt", or an absolute one, as the shell
// completes it) left B ambiguous. A file of the folder is of its story
// however it is named.
func TestDiffStoryOfAFileNamedByItsPath(t *testing.T) {
	dir := bridgeBudgetDir(t)
	t.Chdir(filepath.Dir(dir))
	for _, a := range []string{
		filepath.Join(dir, "budget", "01_nytimes.txt"),
		filepath.Join(filepath.Base(dir), "budget", "01_nytimes.txt"),
	} {
		for _, args := range [][]string{
			{"diff", "--format", "plain", a, "02_foxnews", dir},
			{"diff", "--format", "plain", "02_foxnews", a, "--dir", filepath.Base(dir)},
		} {
			le := newLocalEnv(t, false, "")
			if code := le.run(args...); code != 0 || !strings.Contains(le.out.String(), "Budget approved") {
				t.Errorf("%q: exit %d:\n%s%s", args, code, le.out, le.errb)
			}
		}
	}
}
