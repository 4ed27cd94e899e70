package archive

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestProblemsReadAsLoadDirs checks that a warning kept in the index says
// what corpus.LoadDir says of the file, byte offset included: the README
// promises invalid UTF-8 "is reported with its byte offset", and the
// index dropped it.
func TestProblemsReadAsLoadDirs(t *testing.T) {
	dir := writeArchive(t)
	writeFile(t, dir, "latin1.txt", "Caf\xe9 closes\n\nThe caf\xe9 on the square closed after forty years of trade.\n")
	writeFile(t, dir, "binary.txt", "abc\x00def")
	// "cannot read: no such file or directory" here, "a symbolic link to
	// nothing" from diff: both say the latter.
	if err := os.Symlink("nowhere.txt", filepath.Join(dir, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	_, want, err := corpus.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, reopen := range []bool{false, true} {
		a := open(t, dir, Options{})
		var got []string
		for _, p := range a.Problems() {
			got = append(got, filepath.Base(p.Path)+": "+p.Error()[len(p.Path):])
		}
		a.Close()
		var wantText []string
		for _, p := range want {
			wantText = append(wantText, filepath.Base(p.Path)+": "+p.Error()[len(p.Path):])
		}
		slices.Sort(got)
		slices.Sort(wantText)
		if !slices.Contains(got, "dangling.txt: : skipped: a symbolic link to nothing") {
			t.Errorf("reopened %v: problems %q, want dangling.txt a symbolic link to nothing", reopen, got)
		}
		if !slices.Equal(got, wantText) {
			t.Errorf("reopened %v: problems\n%q\nwant, as LoadDir gives them,\n%q", reopen, got, wantText)
		}
	}
}
