package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoArticlesNoCacheIndex is a regression test: a folder with no
// article is given no index, "left without a .newsdiff folder when it had
// none", but one that could not be written (read-only, a mount, another
// user's) was given one all the same in the user's cache directory, kept
// there for every wrong folder named, with a note saying so ("its index
// is kept in …") above the error. The index this run made is removed, and
// nothing is said of it; a folder with an article keeps its index there.
func TestNoArticlesNoCacheIndex(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	readOnly := func(files map[string]string) string {
		dir := writeFiles(t, files)
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return dir
	}
	indexes := func() []string {
		t.Helper()
		var found []string
		filepath.WalkDir(cache, func(p string, d os.DirEntry, err error) error {
			// The cache's trim stamp is the cache's, not an index.
			if err == nil && !d.IsDir() && d.Name() != "trim.txt" {
				found = append(found, p)
			}
			return nil
		})
		return found
	}
	empty := readOnly(map[string]string{"a.txt": ""})
	for _, cmd := range []string{"index", "list", "quotes", "serve"} {
		le := newLocalEnv(t, false, "")
		args := []string{cmd, empty}
		if cmd == "serve" {
			args = append(args, "--listen", "127.0.0.1:0")
		}
		if code := le.run(args...); code != ExitError {
			t.Errorf("%s of a read-only folder with no article: exit %d, want %d", cmd, code, ExitError)
		}
		if strings.Contains(le.errb.String(), "index is kept") {
			t.Errorf("%s of a read-only folder with no article says: %q", cmd, le.errb)
		}
		if left := indexes(); len(left) > 0 {
			t.Errorf("%s of a read-only folder with no article left %q", cmd, left)
		}
	}
	full := readOnly(map[string]string{"a.txt": "Bridge vote\n\nThe council voted on Monday to close the old bridge over the river.\n"})
	le := newLocalEnv(t, false, "")
	if code := le.run("index", "-q", full); code != 0 {
		t.Fatalf("index of a read-only folder: exit %d: %s", code, le.errb)
	}
	if len(indexes()) == 0 {
		t.Error("a read-only folder with an article was given no index in the cache directory")
	}
}
