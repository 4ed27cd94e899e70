package corpus_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestLinkToNothingNamedByTheLoader checks that every way of loading a
// named path says a symbolic link to nothing is one, with the Problem
// the folder's loader gives it, and that the error still reads as "not
// there" to a caller that asks errors.Is(err, fs.ErrNotExist): the
// archive and the commands no longer check for such a link themselves.
func TestLinkToNothingNamedByTheLoader(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "broken.txt")
	if err := os.Symlink(filepath.Join(dir, "nowhere.txt"), link); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.txt")
	loads := []struct {
		name string
		load func(string) error
	}{
		{"LoadFile", func(p string) error { _, _, err := corpus.LoadFile(p); return err }},
		{"LoadDir", func(p string) error { _, _, err := corpus.LoadDir(p); return err }},
		{"Stat", func(p string) error { _, err := corpus.Stat(p); return err }},
	}
	for _, l := range loads {
		err := l.load(link)
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s(link to nothing): error %v, want one that is fs.ErrNotExist", l.name, err)
		}
		p, ok := errors.AsType[corpus.Problem](err)
		want := corpus.Problem{Path: link, Offset: -1, Msg: corpus.LinkToNothing, Skipped: true}
		if !ok || p != want {
			t.Errorf("%s(link to nothing): error %#v, want the Problem %#v", l.name, err, want)
		}
		// A file that is simply not there is os.Stat's error, as before.
		err = l.load(missing)
		if _, isProblem := errors.AsType[corpus.Problem](err); isProblem || !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s(missing file): error %#v, want os.Stat's", l.name, err)
		}
	}
	// Only that problem is "not there".
	if errors.Is(corpus.Problem{Path: link, Offset: -1, Msg: "not a regular file", Skipped: true}, fs.ErrNotExist) {
		t.Error(`the Problem "not a regular file" is fs.ErrNotExist`)
	}
}

// TestLinkLoopNamedByTheLoader is a regression test: a folder's symbolic
// link that loops was skipped with "cannot read: too many levels of
// symbolic links", where a command naming it said "a symbolic link that
// loops". The loader says it in those words too.
func TestLinkLoopNamedByTheLoader(t *testing.T) {
	dir := t.TempDir()
	loop := filepath.Join(dir, "loop.txt")
	if err := os.Symlink(loop, loop); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Bridge vote\n\nThe council voted on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, probs, err := corpus.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := corpus.Problem{Path: loop, Offset: -1, Msg: corpus.LinkLoops, Skipped: true}
	if len(probs) != 1 || probs[0] != want {
		t.Errorf("problems %#v, want %#v", probs, want)
	}
}
