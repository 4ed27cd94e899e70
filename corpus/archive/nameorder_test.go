package archive

import (
	"io/fs"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsdiff/newsdiff/articles"
)

// TestOrderByName: an archive lists a story's articles, and the files
// that did not load, in the order people count in (art2 before art10), as
// a folder read without an index does; bytewise, art10.txt came before
// art2.txt.
func TestOrderByName(t *testing.T) {
	dir := t.TempDir()
	names, err := fs.Glob(articles.FS, "*.txt")
	if err != nil || len(names) < 3 {
		t.Fatalf("sample articles %q: %v", names, err)
	}
	for i, name := range []string{"art1.txt", "art2.txt", "art10.txt"} {
		b, err := fs.ReadFile(articles.FS, names[i])
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, dir, name, string(b))
	}
	for _, name := range []string{"bad10.txt", "bad2.txt", "bad1.txt"} {
		writeFile(t, dir, name, "")
	}
	for name, text := range unrelated {
		writeFile(t, dir, name, text)
	}
	// Opened twice, dated an hour ago in between, so that a story can be
	// opened alone from the stories the index records.
	open(t, dir, Options{}).Close()
	age(t, dir)
	a := open(t, dir, Options{})
	var got []string
	for _, s := range a.Stories() {
		got = append(got, s.Entries[0].Path)
	}
	if want := []string{"art1.txt", "rain.txt", "zoo.txt"}; !slices.Equal(got, want) {
		t.Errorf("stories starting %q, want %q", got, want)
	}
	for _, opts := range []Options{{}, {Story: "1"}} {
		a := open(t, dir, opts)
		if opts.Story != "" && len(a.Stories()) != 1 {
			t.Fatalf("Story %q: %d stories open, want it alone", opts.Story, len(a.Stories()))
		}
		got = nil
		for _, e := range a.Stories()[0].Entries {
			got = append(got, e.Path)
		}
		if want := []string{"art1.txt", "art2.txt", "art10.txt"}; !slices.Equal(got, want) {
			t.Errorf("Story %q: articles %q, want %q", opts.Story, got, want)
		}
	}
	got = nil
	for _, p := range a.Problems() {
		got = append(got, filepath.Base(p.Path))
	}
	if want := []string{"bad1.txt", "bad2.txt", "bad10.txt"}; !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
}
