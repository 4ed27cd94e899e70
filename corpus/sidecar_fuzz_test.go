package corpus_test

import (
	"path"
	"testing"
	"testing/fstest"

	"github.com/newsdiff/newsdiff/corpus"
)

// FuzzSidecar loads a folder whose meta.json is arbitrary bytes: whatever
// it says of its files (outlet, title, story…) must still make safe
// labels and articles whose spans hold, and what is wrong with it must be
// placed within it.
func FuzzSidecar(f *testing.F) {
	for _, s := range []string{
		`{"a.txt": {"outlet": "BBC", "title": "T", "date": "2016-07-27", "story": "s"}}`,
		`{"a.txt": {"outlet": "\u001b]0;x\u0007Out\u202elet", "title": " \t two  lines\nhere ", "url": "\u009b2J"}, "b.md": {"story": "\u0000"}}`,
		`{"a.txt": {"outlet": 7}}`,
		`{"a.txt": null, "b.md": {"lang": "en\u2066"}}`,
		`[1, 2]`, `{"a.txt": {"title": "` + "\xff\xfe" + `"}}`, "\ufeff{}", `{"a.txt":`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, meta []byte) {
		fsys := fstest.MapFS{
			"meta.json": {Data: meta},
			"a.txt":     {Data: []byte("Title\n\nBody text of an article, said the mayor.\n")},
			"b.md":      {Data: []byte("---\noutlet: Front\n---\n# Heading\n\nMore text here.\n")},
		}
		c, problems, err := corpus.LoadFS(fsys, "fuzz")
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			if path.Base(p.Path) == "meta.json" && (p.Offset < -1 || p.Offset > len(meta)) {
				t.Fatalf("problem %v at byte %d of a %d-byte meta.json", p, p.Offset, len(meta))
			}
		}
		if n := len(c.Articles()); n != 2 {
			t.Fatalf("%d articles of 2 loaded beside meta.json %q (problems %v)", n, meta, problems)
		}
		for _, a := range c.Articles() {
			checkArticle(t, a)
		}
	})
}
