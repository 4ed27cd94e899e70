package archive

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
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

// TestLinksReadAsLoadDirs checks that the index skips and reports the
// symbolic links LoadDir does, in its words, and indexes each file once:
// a link to an article indexed it twice, and a link to a folder was left
// out unsaid. Once the file a link shared is gone, the link is read,
// though neither changed.
func TestLinksReadAsLoadDirs(t *testing.T) {
	dir := testcorpus.LinkedFolder(t)
	describe := func(probs []corpus.Problem) []string {
		var out []string
		for _, p := range probs {
			rel, _ := filepath.Rel(dir, p.Path)
			p.Path = filepath.ToSlash(rel)
			out = append(out, p.Error())
		}
		slices.Sort(out)
		return out
	}
	articlesOf := func(a *Archive) []string {
		var out []string
		for _, e := range a.Entries() {
			if !e.Skipped {
				out = append(out, e.Path)
			}
		}
		slices.Sort(out)
		return out
	}
	check := func(when string) {
		t.Helper()
		c, want, err := corpus.LoadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		loaded := testcorpus.Loaded(c, dir)
		for _, reopen := range []bool{false, true} {
			a := open(t, dir, Options{})
			if got := describe(a.Problems()); !slices.Equal(got, describe(want)) {
				t.Errorf("%s, reopened %v: problems\n%q\nwant, as LoadDir gives them,\n%q", when, reopen, got, describe(want))
			}
			if got := articlesOf(a); !slices.Equal(got, loaded) {
				t.Errorf("%s, reopened %v: articles %q, want, as LoadDir loads them, %q", when, reopen, got, loaded)
			}
			a.Close()
		}
	}
	check("at first")
	a := open(t, dir, Options{})
	if got, want := articlesOf(a), []string{"story/b.txt", "story/e\x1b[2J.txt", "x1.txt", "y.txt"}; !slices.Equal(got, want) {
		t.Errorf("indexed %q, want each file once: %q", got, want)
	}
	if got := describe(a.Problems()); !slices.Contains(got, "story/up: skipped: "+corpus.LinkToFolder) {
		t.Errorf("problems %q, want story/up a link to a folder", got)
	}
	a.Close()
	if err := os.Remove(filepath.Join(dir, "x1.txt")); err != nil {
		t.Fatal(err)
	}
	check("x1.txt removed")
	a = open(t, dir, Options{})
	if !slices.Contains(articlesOf(a), "x2.txt") {
		t.Errorf("x1.txt removed: x2.txt not indexed: %q", articlesOf(a))
	}
}
