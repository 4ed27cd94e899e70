package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestGitExternalDiffRenameWithNewMode is a regression test: as git's
// external diff, a file renamed and given a new mode lost the mode. git
// passes the rename as its ninth argument, which holds no mode lines, and
// the modes only in the fourth and seventh; the mode lines were read from
// those only when there was no ninth, so the change of mode was shown
// nowhere. git's own diff heads such a file with both, the modes first.
func TestGitExternalDiffRenameWithNewMode(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"old":     "Bridge vote\n\nThe council voted to open the bridge on Monday, said the mayor.\n",
		"changed": "Bridge vote\n\nThe council voted to close the bridge on Monday, said the mayor.\n",
	})
	hex := strings.Repeat("ab", 20)
	old, changed := filepath.Join(dir, "old"), filepath.Join(dir, "changed")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"news/story.txt", old, hex, "100644", old, hex, "100755",
			"news/bridge.txt", "similarity index 100%\nrename from news/story.txt\nrename to news/bridge.txt\n"},
			"Files a/news/story.txt and b/news/bridge.txt have the same words (old mode 100644; new mode 100755; similarity index 100%; rename from news/story.txt; rename to news/bridge.txt)\n"},
		{[]string{"news/story.txt", old, hex, "100755", changed, hex, "100644",
			"news/bridge.txt", "similarity index 92%\nrename from news/story.txt\nrename to news/bridge.txt\nindex abababa..abababa\n"},
			"old mode 100755\nnew mode 100644\nsimilarity index 92%\nrename from news/story.txt\nrename to news/bridge.txt\nindex abababa..abababa\n--- a/news/story.txt · Bridge vote\n+++ b/news/bridge.txt · Bridge vote\n"},
		// The same mode on both sides is no mode line, renamed or not.
		{[]string{"news/story.txt", old, hex, "100644", changed, hex, "100644",
			"news/bridge.txt", "similarity index 92%\nrename from news/story.txt\nrename to news/bridge.txt\n"},
			"similarity index 92%\nrename from news/story.txt\nrename to news/bridge.txt\n--- a/news/story.txt · Bridge vote\n"},
	} {
		le := newLocalEnv(t, false, "")
		if code := le.run(tt.args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", tt.args, code, le.errb)
		}
		if got := le.out.String(); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%q: output does not start with %q:\n%s", tt.args, tt.want, got)
		}
	}
}
