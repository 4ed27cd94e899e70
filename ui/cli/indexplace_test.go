package cli

import (
	"context"
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
	list := func(t *testing.T, dir string) (stderr string) {
		t.Helper()
		le := newLocalEnv(t, false, "")
		if code := le.run("list", dir); code != 0 || !strings.Contains(le.out.String(), "Swell Digest") {
			t.Fatalf("list: exit %d\nstdout %s\nstderr %s", code, le.out, le.errb)
		}
		return le.errb.String()
	}
	t.Run("in the cache", func(t *testing.T) {
		dir := unwritableArchive(t)
		t.Setenv("XDG_CACHE_HOME", t.TempDir())
		if got := list(t, dir); strings.Count(got, "\n") != 1 || !strings.HasPrefix(got, "newsdiff: note: ") || !strings.Contains(got, "index is kept in") {
			t.Errorf("first run: stderr %q, want one note saying where the index is", got)
		}
		if got := list(t, dir); got != "" {
			t.Errorf("second run: stderr %q, want nothing", got)
		}
	})
	t.Run("no cache directory", func(t *testing.T) {
		dir := unwritableArchive(t)
		t.Setenv("XDG_CACHE_HOME", fileNotDir(t))
		if got := list(t, dir); strings.Count(got, "\n") != 1 || !strings.HasPrefix(got, "newsdiff: warning: ") || !strings.Contains(got, "temporary index") {
			t.Errorf("stderr %q, want one warning saying a temporary index is used", got)
		}
	})
}

// TestReaderIndexLinesOnce is a regression test: the reader's load lines
// for an archive's index warnings were prefixed "warning: ", and the
// reader heads every such line "warning:" itself, so its status line
// read "warning: warning: … using a temporary index". The note that the
// index went to the cache directory reaches the reader too.
func TestReaderIndexLinesOnce(t *testing.T) {
	for _, tt := range []struct {
		name  string
		cache func(t *testing.T) string
		want  string
	}{
		{"in the cache", func(t *testing.T) string { return t.TempDir() }, "index is kept in"},
		{"no cache directory", fileNotDir, "temporary index"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := unwritableArchive(t)
			t.Setenv("XDG_CACHE_HOME", tt.cache(t))
			o := &archiveOpener{a: &app{}, dir: dir}
			defer o.close()
			_, lines, err := o.open(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(lines) != 1 || strings.HasPrefix(lines[0], "warning:") || !strings.Contains(lines[0], tt.want) {
				t.Errorf("lines %q, want one saying %q, not headed warning:", lines, tt.want)
			}
		})
	}
}

// unwritableArchive is an archive folder that cannot hold its index, even
// for root: a file stands where the index directory would go.
func unwritableArchive(t *testing.T) string {
	t.Helper()
	dir := archiveDir(t, 0)
	if err := os.WriteFile(filepath.Join(dir, archive.IndexDir), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// fileNotDir is the path of a file, for a variable that should name a
// directory (XDG_CACHE_HOME): no directory can be made under it.
func fileNotDir(t *testing.T) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "cache")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestIndexNotKeptFails is a regression test: index on a folder that
// could hold its index nowhere but a temporary file warned so, then
// printed the counts, "index /tmp/newsdiff-index-….db" (a file removed as
// it exited) and exited 0, with -q too, as if the folder were indexed.
// It now says the index was not kept, and fails.
func TestIndexNotKeptFails(t *testing.T) {
	for _, args := range [][]string{{"index"}, {"index", "-q"}} {
		dir := unwritableArchive(t)
		t.Setenv("XDG_CACHE_HOME", fileNotDir(t))
		le := newLocalEnv(t, false, "")
		code := le.run(append(args, dir)...)
		if code != ExitError {
			t.Errorf("%q: exit %d, want %d", args, code, ExitError)
		}
		if le.out.Len() > 0 {
			t.Errorf("%q: stdout %q, want nothing", args, le.out)
		}
		if got := le.errb.String(); !strings.Contains(got, "temporary index") || !strings.Contains(got, "newsdiff index: ") || !strings.Contains(got, "index not kept") {
			t.Errorf("%q: stderr %q, want the warning and that the index was not kept", args, got)
		}
	}
}
