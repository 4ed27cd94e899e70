package corpus_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestNamesNotUTF8AreRead is a regression test: a file or folder whose
// name is not UTF-8 (café.txt saved as ISO-8859-1 by an older system) was
// listed, then refused as "cannot read: invalid argument", by diff and in
// a folder alike, since the folder was read through os.DirFS, whose
// fs.ValidPath refuses such a name. Such a file is read like any other.
func TestNamesNotUTF8AreRead(t *testing.T) {
	dir := t.TempDir()
	const text = "Storm floods coastal villages\n\nA storm brought high tides and heavy rain to the coast overnight.\n"
	files := []string{
		"caf\xe9.txt",
		"\xff\xfe notes.md",
		filepath.Join("r\xe9sum\xe9", "a.txt"),
		filepath.Join("plain", "\x9b31m.txt"),
	}
	for _, name := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A link, which is looked at through Stat and Lstat too.
	if err := os.Symlink("caf\xe9.txt", filepath.Join(dir, "link\xe0.txt")); err != nil {
		t.Fatal(err)
	}

	c, probs, err := corpus.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range c.Stories {
		for _, a := range s.Articles {
			rel, _ := filepath.Rel(dir, a.Source)
			got = append(got, rel)
		}
	}
	slices.Sort(got)
	want := slices.Sorted(slices.Values(files))
	if !slices.Equal(got, want) {
		t.Errorf("LoadDir read %q, want %q", got, want)
	}
	if len(probs) != 1 || filepath.Base(probs[0].Path) != "link\xe0.txt" {
		t.Errorf("LoadDir problems %v, want only the link to a file read under its own name", probs)
	}
	for _, name := range files {
		a, probs, err := corpus.LoadFile(filepath.Join(dir, name))
		if err != nil || len(probs) > 0 {
			t.Errorf("LoadFile(%q): %v %v", name, err, probs)
			continue
		}
		if a.Title != "Storm floods coastal villages" {
			t.Errorf("LoadFile(%q): title %q", name, a.Title)
		}
	}
}
