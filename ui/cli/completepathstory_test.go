package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestCompleteOtherSideOfAFileNamedByItsPath is a regression test, the
// completion's side of TestDiffStoryOfAFileNamedByItsPath: with A named
// as the folder names it ("budget/01_nytimes"), B's id, which several
// stories have, completed bare, as diff takes it in A's story; with A
// named by its path from the working directory, or an absolute one, it
// completed only as STORY/ID of every story.
func TestCompleteOtherSideOfAFileNamedByItsPath(t *testing.T) {
	dir := bridgeBudgetDir(t)
	t.Chdir(filepath.Dir(dir))
	for _, a := range []string{
		"budget/01_nytimes",
		filepath.Join(dir, "budget", "01_nytimes.txt"),
		filepath.Join(filepath.Base(dir), "budget", "01_nytimes.txt"),
	} {
		got := completionValues(completions(t, "diff", "--dir", dir, a, "02"))
		if strings.Join(got, "|") != "02_foxnews" {
			t.Errorf("diff --dir DIR %s 02<tab>: %q, want [02_foxnews]", a, got)
		}
	}
}
