package archive

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// unwritable makes an archive folder whose index directory cannot be made:
// .newsdiff is a file. (Permission bits would not do: tests may run as
// root.)
func unwritable(t *testing.T) string {
	t.Helper()
	dir := writeArchive(t)
	writeFile(t, dir, IndexDir, "")
	return dir
}

// TestIndexDirReadableAsItsFolder is a regression test: the index
// directory beside the articles was made 0700 when its placement moved to
// placeIndex (it had been 0755), so another user who may read a shared
// archive could no longer read its index and built one of their own. Its
// mode is compared with a directory made 0755 under the same umask.
func TestIndexDirReadableAsItsFolder(t *testing.T) {
	dir := writeArchive(t)
	open(t, dir, Options{}).Close()
	got, err := os.Stat(filepath.Join(dir, IndexDir))
	if err != nil {
		t.Fatal(err)
	}
	ref := filepath.Join(t.TempDir(), "ref")
	if err := os.Mkdir(ref, 0o755); err != nil {
		t.Fatal(err)
	}
	want, err := os.Stat(ref)
	if err != nil {
		t.Fatal(err)
	}
	if got.Mode().Perm() != want.Mode().Perm() {
		t.Errorf("%s is %v, want %v as a directory made 0755", IndexDir, got.Mode().Perm(), want.Mode().Perm())
	}
}

// TestIndexNotWrittenIntoReadOnlyFolder is a regression test: a folder
// whose owner made it read-only (mode 0555) had its index made inside it
// by root, who may write anywhere. Its index now goes to the cache
// directory, as for any user who cannot write the folder, and the folder
// is left as it was; an index already inside it is still used.
// readOnlyArchive is writeArchive's folder marked read-only, as its
// owner marks it: its index goes to the cache directory.
func readOnlyArchive(t *testing.T) string {
	t.Helper()
	dir := writeArchive(t)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	return dir
}

func TestIndexNotWrittenIntoReadOnlyFolder(t *testing.T) {
	dir := readOnlyArchive(t)
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	a := open(t, dir, Options{})
	if !strings.HasPrefix(a.IndexPath(), filepath.Join(cache, "newsdiff")+string(filepath.Separator)) {
		t.Errorf("index %s, want it in %s", a.IndexPath(), cache)
	}
	if n := a.IndexNote(nil); !strings.Contains(n, dir+" is read-only") && !strings.Contains(n, dir+" cannot be written") {
		t.Errorf("note %q, want one saying the folder is read-only", n)
	}
	if got := shape(a); !slices.Contains(got, sampleStory) {
		t.Errorf("stories %q, want %q among them", got, sampleStory)
	}
	a.Close()
	if _, err := os.Lstat(filepath.Join(dir, IndexDir)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s made in a read-only folder (%v)", IndexDir, err)
	}

	// An index its owner made inside the folder before marking it
	// read-only is used where it is.
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, IndexDir), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	if !canWrite(filepath.Join(dir, IndexDir), 0o755) {
		t.Skip("the index directory cannot be written here")
	}
	b := open(t, dir, Options{})
	defer b.Close()
	if want := filepath.Join(dir, IndexDir, indexFile); b.IndexPath() != want {
		t.Errorf("with %s already there: index %s, want %s", IndexDir, b.IndexPath(), want)
	}
}

// TestIndexOutsideTheFolder is a regression test: an archive whose folder
// cannot be written kept its index in the cache directory without a word,
// and with no cache directory (HOME unset or read-only, XDG_CACHE_HOME a
// file) could not be opened at all. The run that makes a cache index now
// says where it went, once; without a cache directory the archive opens
// on a temporary index, with a warning; only with no temporary file either
// does Open fail, naming what it tried.
func TestIndexOutsideTheFolder(t *testing.T) {
	want := []string{sampleStory, "alone:rain.txt", "alone:zoo.txt"}
	t.Run("cache directory", func(t *testing.T) {
		dir := unwritable(t)
		cache := t.TempDir()
		t.Setenv("XDG_CACHE_HOME", cache)
		a := open(t, dir, Options{})
		if !strings.HasPrefix(a.IndexPath(), filepath.Join(cache, "newsdiff")+string(filepath.Separator)) {
			t.Errorf("index %s, want it in %s", a.IndexPath(), cache)
		}
		// unwritable's folder is kept from its index by a file in the
		// index folder's place, and the note says so.
		if n := a.IndexNote(nil); !strings.Contains(n, dir+" has a file .newsdiff") || !strings.Contains(n, a.IndexPath()) || len(a.Warnings(nil)) != 0 {
			t.Errorf("note %q, warnings %q: want a note naming %s and no warning", n, a.Warnings(nil), a.IndexPath())
		}
		a.Close()
		if again := open(t, dir, Options{}); again.IndexNote(nil) != "" || again.IndexPath() != a.IndexPath() {
			t.Errorf("reopened: note %q, index %s; want no note and %s", again.IndexNote(nil), again.IndexPath(), a.IndexPath())
		}
	})
	for _, tt := range []struct {
		name string
		env  func(t *testing.T)
	}{
		{"HOME unset", func(t *testing.T) { t.Setenv("XDG_CACHE_HOME", ""); t.Setenv("HOME", "") }},
		{"XDG_CACHE_HOME a file", func(t *testing.T) {
			f := filepath.Join(t.TempDir(), "file")
			writeFile(t, filepath.Dir(f), "file", "")
			t.Setenv("XDG_CACHE_HOME", f)
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := unwritable(t)
			tt.env(t)
			a := open(t, dir, Options{})
			if w := a.Warnings(nil); len(w) != 1 || !strings.Contains(w[0], "temporary index") {
				t.Errorf("warnings %q, want one saying a temporary index is used", w)
			}
			if got := shape(a); !slices.Equal(got, want) {
				t.Errorf("stories %q, want %q", got, want)
			}
			temp := a.IndexPath()
			a.Close()
			if _, err := os.Stat(temp); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("temporary index %s left behind: %v", temp, err)
			}
			t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
			if a, err := Open(context.Background(), dir, Options{}); err == nil || !strings.Contains(err.Error(), "temporary index") {
				if a != nil {
					a.Close()
				}
				t.Errorf("no TMPDIR either: error %v, want one naming the temporary index", err)
			}
		})
	}
}

// TestTemporaryIndexRemovedWhenOpenFails is a regression test: a
// temporary index (no folder or cache directory to write) was removed by
// Close alone, so an Open that failed after making it, interrupted or on
// a folder it could not list, left a newsdiff-index-*.db in the
// temporary directory on every run.
func TestTemporaryIndexRemovedWhenOpenFails(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tt := range []struct {
		name string
		ctx  context.Context
		opts Options
	}{
		{"interrupted", cancelled, Options{}},
		{"the store fails", context.Background(), Options{OpenStore: func(context.Context, string) (Store, error) {
			return nil, errors.New("no store here")
		}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := unwritable(t)
			t.Setenv("XDG_CACHE_HOME", "")
			t.Setenv("HOME", "")
			tmp := t.TempDir()
			t.Setenv("TMPDIR", tmp)
			if a, err := Open(tt.ctx, dir, tt.opts); err == nil {
				a.Close()
				t.Fatal("Open succeeded, want an error")
			}
			left, err := os.ReadDir(tmp)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range left {
				t.Errorf("left behind in the temporary directory: %s", e.Name())
			}
		})
	}
}

// TestCacheIndexOneForEveryPath is a regression test: the index in the
// cache directory was named after the folder's path as given, so a
// read-only folder opened through a symbolic link, or a link to a folder
// on its way, had a second index, built again from nothing, beside the
// first.
func TestCacheIndexOneForEveryPath(t *testing.T) {
	dir := unwritable(t)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	links := t.TempDir()
	link := filepath.Join(links, "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	up := filepath.Join(links, "up")
	if err := os.Symlink(filepath.Dir(dir), up); err != nil {
		t.Fatal(err)
	}
	first := open(t, dir, Options{})
	want := first.IndexPath()
	first.Close()
	for _, p := range []string{link, link + string(filepath.Separator), filepath.Join(up, filepath.Base(dir)), dir + string(filepath.Separator)} {
		a := open(t, p, Options{})
		if got := a.IndexPath(); got != want {
			t.Errorf("%s: index %s, want %s, the folder's by its own path", p, got, want)
		}
		if n := a.IndexNote(nil); n != "" {
			t.Errorf("%s: note %q, want none: the index was there", p, n)
		}
		a.Close()
	}
}

// TestIndexOfAnotherUser is a regression test: an index in the folder
// that this user cannot write (another user's, in a folder both may
// write) failed every command that had to write it with SQLite's
// "attempt to write a readonly database (8)", or, unreadable, "unable to
// open database file (14)". It is left alone, and this user's index kept
// in their cache directory. Permission bits do not hold root back, so
// the test runs for other users only.
func TestIndexOfAnotherUser(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write any file")
	}
	for _, mode := range []os.FileMode{0o444, 0o000} {
		t.Run(mode.String(), func(t *testing.T) {
			dir := writeArchive(t)
			open(t, dir, Options{}).Close()
			p := filepath.Join(dir, IndexDir, indexFile)
			RemoveIndex(p + "-wal")
			if err := os.Chmod(p, mode); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(p, 0o644) })
			cache := t.TempDir()
			t.Setenv("XDG_CACHE_HOME", cache)
			// A file added makes the refresh write.
			writeFile(t, dir, "harbour.txt", "Harbour bridge reopens\n\nThe harbour bridge reopened to traffic on Monday after two months of repairs.\n")
			a := open(t, dir, Options{})
			if !strings.HasPrefix(a.IndexPath(), filepath.Join(cache, "newsdiff")+string(filepath.Separator)) {
				t.Errorf("index %s, want it in %s", a.IndexPath(), cache)
			}
			if n, want := a.IndexNote(nil), dir+" holds an index that cannot be written; its index is kept in "+a.IndexPath(); n != want {
				t.Errorf("note %q, want %q", n, want)
			}
			if w := a.Warnings(nil); len(w) != 0 {
				t.Errorf("warnings %q, want none", w)
			}
			if got := shape(a); !slices.Contains(got, sampleStory) {
				t.Errorf("stories %q, want %q among them", got, sampleStory)
			}
			a.Close()

			// With no cache directory either, the warning names the
			// index, not the folder, as what cannot be written.
			t.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "harbour.txt"))
			a = open(t, dir, Options{})
			want := "index " + p + " cannot be written, nor a cache directory ("
			if w := a.Warnings(nil); len(w) != 1 || !strings.HasPrefix(w[0], want) || !strings.HasSuffix(w[0], "; using a temporary index, rebuilt on every run") {
				t.Errorf("warnings %q, want one starting %q", w, want)
			}
		})
	}
}

// TestIndexFolderIsAFile is a regression test: a folder holding a file
// named .newsdiff, where its index's folder goes, was said to be one that
// "cannot be written", though it could, and its user looked at its
// permissions for the cause.
func TestIndexFolderIsAFile(t *testing.T) {
	dir := writeArchive(t)
	writeFile(t, dir, IndexDir, "")
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	a := open(t, dir, Options{})
	defer a.Close()
	if n, want := a.IndexNote(nil), dir+" has a file .newsdiff where the index's folder goes; its index is kept in "+a.IndexPath(); n != want {
		t.Errorf("note %q, want %q", n, want)
	}
	if !strings.HasPrefix(a.IndexPath(), filepath.Join(cache, "newsdiff")+string(filepath.Separator)) {
		t.Errorf("index %s, want it in %s", a.IndexPath(), cache)
	}
}
