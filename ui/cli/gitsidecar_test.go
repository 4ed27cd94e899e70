//go:build linux

package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/opentest"
)

// TestTwoFilesReadTheSidecarOnce is a regression test: git's external
// diff call (GIT_EXTERNAL_DIFF, with git diff --no-index two files of one
// folder) loaded each side on its own, reading and parsing the folder's
// meta.json twice, and newsdiff diff did so for two files of one folder
// named two ways ("./old.txt" and its absolute path). Each now opens it
// once, and both sides have the outlet it gives them.
func TestTwoFilesReadTheSidecarOnce(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"old.txt":   "Bridge vote\n\nThe council voted to open the bridge on Monday, said the mayor.\n",
		"new.txt":   "Bridge vote\n\nThe council voted to close the bridge on Monday, said the mayor.\n",
		"meta.json": `{"old.txt": {"outlet": "Morning Post"}, "new.txt": {"outlet": "Evening Star"}}`,
	})
	t.Chdir(dir)
	abs := func(name string) string { return filepath.Join(dir, name) }
	hex := strings.Repeat("ab", 20)
	tests := []struct {
		name string
		args []string
	}{
		{"git's call", []string{"story.txt", "old.txt", hex, "100644", "new.txt", hex, "100644"}},
		{"git's call, absolute paths", []string{"story.txt", abs("old.txt"), hex, "100644", abs("new.txt"), hex, "100644"}},
		{"git's call, a path each way", []string{"story.txt", "./old.txt", hex, "100644", abs("new.txt"), hex, "100644"}},
		{"git's call for a renamed file", []string{"story.txt", "old.txt", hex, "100644", "new.txt", hex, "100644",
			"news.txt", "similarity index 90%\nrename from story.txt\nrename to news.txt\n"}},
		{"diff", []string{"diff", "old.txt", "new.txt"}},
		{"diff, a path each way", []string{"diff", "./old.txt", abs("new.txt")}},
	}
	seen := opentest.Opens(t, dir)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seen()
			le := newLocalEnv(t, false, "")
			if code := le.run(tt.args...); code != ExitOK {
				t.Fatalf("exit %d: %s", code, le.errb)
			}
			if n := seen()["meta.json"]; n != 1 {
				t.Errorf("meta.json opened %d times, want once", n)
			}
			for _, outlet := range []string{"Morning Post", "Evening Star"} {
				if !strings.Contains(le.out.String(), outlet) {
					t.Errorf("no %q in\n%s", outlet, le.out)
				}
			}
		})
	}
}
