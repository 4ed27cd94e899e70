package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/archive"
)

// TestNoArticlesLeavesNoIndex is a regression test: a folder with no
// article (an empty one, one of files newsdiff does not read, the wrong
// folder named) is an error for list, the story commands, diff --dir,
// index and serve, and was left with a .newsdiff folder all the same. A
// folder that had an index keeps it.
func TestNoArticlesLeavesNoIndex(t *testing.T) {
	for _, args := range [][]string{
		{"list"},
		{"quotes"},
		{"index"},
		{"serve", "--listen", "127.0.0.1:0"},
	} {
		for _, files := range []map[string]string{
			{},
			{"notes.pdf": "%PDF-1.4"},
			{"empty.txt": ""},
		} {
			dir := writeFiles(t, files)
			le := newLocalEnv(t, false, "")
			if code := le.run(append(args, dir)...); code == ExitOK {
				t.Errorf("%q on a folder of %d files and no article: exit 0", args, len(files))
			}
			if _, err := os.Lstat(filepath.Join(dir, archive.IndexDir)); err == nil {
				t.Errorf("%q on a folder of %d files and no article left %s behind", args, len(files), archive.IndexDir)
			}
		}
	}
	dir := writeFiles(t, map[string]string{"empty.txt": ""})
	kept := filepath.Join(dir, archive.IndexDir)
	if err := os.Mkdir(kept, 0o755); err != nil {
		t.Fatal(err)
	}
	le := newLocalEnv(t, false, "")
	le.run("list", dir)
	if _, err := os.Lstat(kept); err != nil {
		t.Errorf("list removed the index folder the folder had: %v", err)
	}
}
