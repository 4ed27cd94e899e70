package corpus_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// loopAfterStat is a folder whose file name becomes a symbolic link that
// loops right after it is looked at: a file replaced between the loader's
// Stat and its Open, as an editor or a sync may do. The folder and the
// link are real; the type only says when the change happens.
type loopAfterStat struct {
	dir, name string
	fsys      fs.StatFS
}

func (l loopAfterStat) Open(name string) (fs.File, error) { return l.fsys.Open(name) }

func (l loopAfterStat) Stat(name string) (fs.FileInfo, error) {
	info, err := l.fsys.Stat(name)
	if name == l.name && err == nil {
		p := filepath.Join(l.dir, name)
		if err := os.Remove(p); err != nil {
			return nil, err
		}
		if err := os.Symlink(name, p); err != nil {
			return nil, err
		}
	}
	return info, err
}

// TestReadProblemOneWording checks that a file that turns out to be a
// symbolic link that loops only when it is opened is said to be one in
// the words every command uses, corpus.LinkLoops: the loader said
// "cannot read: a symbolic link that loops (…)" there, and the bare
// phrase where its Stat found the loop.
func TestReadProblemOneWording(t *testing.T) {
	// Found looping when opened.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Title\n\nSome words here.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, opened, _ := corpus.LoadFS(loopAfterStat{dir: dir, name: "a.txt", fsys: os.DirFS(dir).(fs.StatFS)}, "story")
	// Found looping when looked at.
	dir = t.TempDir()
	if err := os.Symlink("a.txt", filepath.Join(dir, "a.txt")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	_, looked, _ := corpus.LoadDir(dir)
	for _, tt := range []struct {
		name     string
		problems []corpus.Problem
	}{{"opened", opened}, {"looked at", looked}} {
		if len(tt.problems) != 1 || tt.problems[0].Msg != corpus.LinkLoops {
			t.Errorf("%s: problems %q, want one: %q", tt.name, tt.problems, corpus.LinkLoops)
		}
	}
}
