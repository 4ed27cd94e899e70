package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOneFileIsNotSkipped checks the words for a file that cannot be an
// article: named on its own (diff, the reader or list on the file, a
// pipe), nothing goes on without it, so it is not "skipped", as "diff
// bin.txt x: bin.txt: skipped: binary file" said; a folder's load does go
// on without it, and says so.
func TestOneFileIsNotSkipped(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "folder")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "bin.txt")
	text := filepath.Join(dir, "x.txt")
	for name, data := range map[string]string{
		bin:                               "a\x00b",
		text:                              "Title\n\nSome words here.\n",
		filepath.Join(folder, "bin.txt"):  "a\x00b",
		filepath.Join(folder, "good.txt"): "Title\n\nSome words here.\n",
	} {
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		args    []string
		stdin   string
		want    string
		skipped bool // whether "skipped" belongs in the message
	}{
		{[]string{"diff", bin, text}, "", bin + ": binary file (NUL byte at 1)", false},
		{[]string{"diff", "-", text}, "a\x00b", "-: binary file (NUL byte at 1)", false},
		{[]string{"list", bin}, "", "no article could be read: " + bin + ": binary file (NUL byte at 1)", false},
		{[]string{bin}, "", "no article could be read: " + bin + ": binary file (NUL byte at 1)", false},
		{[]string{"list", folder}, "", filepath.Join(folder, "bin.txt") + ": skipped: binary file (NUL byte at 1)", true},
	} {
		le := newLocalEnv(t, true, tt.stdin)
		le.run(tt.args...)
		stderr := le.errb.String()
		if !strings.Contains(stderr, tt.want) || strings.Contains(stderr, "skipped") != tt.skipped {
			t.Errorf("newsdiff %q: stderr %q, want %q", tt.args, stderr, tt.want)
		}
	}
}

// TestWarningSaidOnce is a regression test: the two files of a diff
// share their folder's meta.json, and loading each said what was wrong
// with it: the same warning twice.
func TestWarningSaidOnce(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt":     "Bridge vote\n\nThe council voted on Monday to shut the old bridge over the river.\n",
		"b.txt":     "Bridge shut\n\nThe council voted on Monday to close the old bridge over the river.\n",
		"meta.json": `{"a.txt": {"outlet": "X",}`,
	})
	le := newLocalEnv(t, false, "")
	if code := le.run("diff", filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	if n := strings.Count(le.errb.String(), "meta.json"); n != 1 {
		t.Errorf("meta.json named %d times, want once:\n%s", n, le.errb)
	}
}
