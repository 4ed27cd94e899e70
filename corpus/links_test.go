package corpus_test

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestSymbolicLinks checks that a file reached through symbolic links is
// one article, not one per name, and that a link to a folder is said to be
// skipped: story/a.txt, a link to story/b.txt, loaded the article twice,
// and a link to a folder was left out without a word.
func TestSymbolicLinks(t *testing.T) {
	dir := testcorpus.LinkedFolder(t)
	c, problems, err := corpus.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	loaded := testcorpus.Loaded(c, dir)
	if want := []string{"story/b.txt", "story/e\x1b[2J.txt", "x1.txt", "y.txt"}; !slices.Equal(loaded, want) {
		t.Errorf("loaded %q, want %q", loaded, want)
	}
	var got []string
	for _, p := range problems {
		rel, _ := filepath.Rel(dir, p.Path)
		p.Path = filepath.ToSlash(rel)
		got = append(got, p.Error())
	}
	want := []string{
		`away: skipped: a symbolic link to a folder: not followed`,
		`story/a.txt: skipped: a symbolic link to the same file as "story/b.txt", which is read`,
		`story/c.txt: skipped: a symbolic link to the same file as "story/b.txt", which is read`,
		`story/d.txt: skipped: a symbolic link to the same file as "story/e\x1b[2J.txt", which is read`,
		`story/up: skipped: a symbolic link to a folder: not followed`,
		`x2.txt: skipped: a symbolic link to the same file as "x1.txt", which is read`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems\n%q\nwant\n%q", got, want)
	}
}
