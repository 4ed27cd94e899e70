package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/archive"
)

// TestIndexElsewhereSaysSo is a regression test: listing a folder that
// cannot be written kept its index in the cache directory without a word,
// and with no cache directory (here XDG_CACHE_HOME is a file) failed with
// "mkdir …: not a directory". The first run now says in one line where
// the index went, later runs are quiet, and without a cache directory the
// list is made on a temporary index, with one warning.
func TestIndexElsewhereSaysSo(t *testing.T) {
	unwritable := func(t *testing.T) string {
		dir := archiveDir(t, 0)
		// A file where the index directory would go: the folder cannot
		// hold an index, even for root.
		if err := os.WriteFile(filepath.Join(dir, archive.IndexDir), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	list := func(t *testing.T, dir string) (stderr string) {
		t.Helper()
		le := newLocalEnv(t, false, "")
		if code := le.run("list", dir); code != 0 || !strings.Contains(le.out.String(), "Swell Digest") {
			t.Fatalf("list: exit %d\nstdout %s\nstderr %s", code, le.out, le.errb)
		}
		return le.errb.String()
	}
	t.Run("in the cache", func(t *testing.T) {
		dir := unwritable(t)
		t.Setenv("XDG_CACHE_HOME", t.TempDir())
		if got := list(t, dir); strings.Count(got, "\n") != 1 || !strings.HasPrefix(got, "newsdiff: note: ") || !strings.Contains(got, "index is kept in") {
			t.Errorf("first run: stderr %q, want one note saying where the index is", got)
		}
		if got := list(t, dir); got != "" {
			t.Errorf("second run: stderr %q, want nothing", got)
		}
	})
	t.Run("no cache directory", func(t *testing.T) {
		dir := unwritable(t)
		file := filepath.Join(t.TempDir(), "cache")
		if err := os.WriteFile(file, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Setenv("XDG_CACHE_HOME", file)
		if got := list(t, dir); strings.Count(got, "\n") != 1 || !strings.HasPrefix(got, "newsdiff: warning: ") || !strings.Contains(got, "temporary index") {
			t.Errorf("stderr %q, want one warning saying a temporary index is used", got)
		}
	})
}
