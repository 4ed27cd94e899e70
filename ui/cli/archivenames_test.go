package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// bridgeBudgetDir writes a folder of two stories, bridge and budget,
// that each hold a 01_nytimes.txt and a 02_foxnews.txt, and returns it.
func bridgeBudgetDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFilesIn(t, filepath.Join(dir, "bridge"), map[string]string{
		"01_nytimes.txt": "Bridge vote\n\nThe council voted on Monday to close the old bridge over the river for repairs.\n",
		"02_foxnews.txt": "Bridge shut\n\nThe council voted on Monday to shut the old bridge over the river for repairs.\n",
	})
	writeFilesIn(t, filepath.Join(dir, "budget"), map[string]string{
		"01_nytimes.txt": "Budget passed\n\nThe parliament passed the budget after a long night of debate on taxes.\n",
		"02_foxnews.txt": "Budget approved\n\nLawmakers approved the budget after debating taxes through the night.\n",
	})
	return dir
}

// TestDiffNamesAnArticleByItsFolder checks that an archive's article is
// named by its path when two stories have files of one name, as every
// story folder has its 01_nytimes: the ambiguity listed "01_nytimes
// (01_nytimes)" once per story, and nothing named one of them. An outlet
// that only repeats the id is left out of the list, which it doubled.
func TestDiffNamesAnArticleByItsFolder(t *testing.T) {
	dir := bridgeBudgetDir(t)
	tests := []struct {
		a, b   string
		code   int
		stdout string
		stderr []string
	}{
		{"01_nytimes", "02_foxnews", ExitError, "", []string{`"01_nytimes" is ambiguous: bridge/01_nytimes, budget/01_nytimes` + "\n"}},
		{"bridge/01_nytimes", "bridge/02_foxnews.txt", 0, "--- 01_nytimes · Bridge vote\n+++ 02_foxnews · Bridge shut\n", nil},
		{"budget/01", "budget/02", 0, "--- 01_nytimes · Budget passed\n", nil},
		{"budget/0", "bridge/01_nytimes", ExitError, "", []string{"is ambiguous: budget/01_nytimes, budget/02_foxnews\n"}},
	}
	for _, tt := range tests {
		le := newLocalEnv(t, false, "")
		code := le.run("diff", "--format", "plain", "--dir", dir, tt.a, tt.b)
		if code != tt.code {
			t.Errorf("diff %s %s: exit %d, want %d: %s", tt.a, tt.b, code, tt.code, le.errb)
			continue
		}
		if !strings.Contains(le.out.String(), tt.stdout) {
			t.Errorf("diff %s %s: stdout lacks %q:\n%s", tt.a, tt.b, tt.stdout, le.out)
		}
		for _, w := range tt.stderr {
			if !strings.Contains(le.errb.String(), w) {
				t.Errorf("diff %s %s: stderr %q lacks %q", tt.a, tt.b, le.errb, w)
			}
		}
	}
}

// TestDiffNamesAnArticleByItsFileName is a regression test: in a folder
// of stories, an article named by its file's name, as a flat folder's
// are ("01_nytimes.txt"), was no article, even with --story naming its
// story: "no such file or directory, nor an article with that id or
// outlet". It is now the story's file of that name, and without --story
// one of several, which are listed.
func TestDiffNamesAnArticleByItsFileName(t *testing.T) {
	dir := bridgeBudgetDir(t)
	le := newLocalEnv(t, false, "")
	if code := le.run("diff", "--format", "plain", "--dir", dir, "--story", "budget", "01_nytimes.txt", "02_foxnews.txt"); code != 0 || !strings.Contains(le.out.String(), "--- 01_nytimes · Budget passed\n+++ 02_foxnews · Budget approved\n") {
		t.Errorf("diff --story budget 01_nytimes.txt 02_foxnews.txt: exit %d: %s%s", code, le.out, le.errb)
	}
	le = newLocalEnv(t, false, "")
	if code := le.run("diff", "--format", "plain", "--dir", dir, "01_nytimes.txt", "02_foxnews"); code != ExitError || !strings.Contains(le.errb.String(), `"01_nytimes.txt" is ambiguous: bridge/01_nytimes, budget/01_nytimes`) {
		t.Errorf("diff 01_nytimes.txt 02_foxnews: exit %d: %s", code, le.errb)
	}
	// Beside a side that names its story, it is that story's file (see
	// TestDiffStoryOfTheOtherSide).
	le = newLocalEnv(t, false, "")
	if code := le.run("diff", "--format", "plain", "--dir", dir, "01_nytimes.txt", "budget/02_foxnews"); code != 0 || !strings.Contains(le.out.String(), "--- 01_nytimes · Budget passed\n+++ 02_foxnews · Budget approved\n") {
		t.Errorf("diff 01_nytimes.txt budget/02_foxnews: exit %d: %s%s", code, le.out, le.errb)
	}
}
