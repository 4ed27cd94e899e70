package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFileKindsAsExtractReadsThem is a regression test: newsdiff extract
// and add read a .markdown file as Markdown and an .xhtml file as a saved
// page, but the same file named to diff was read as plain text, its
// markup compared as words: "diff a.markdown a.md" showed "[-# -]" and
// "**", and a saved .xhtml page 30,000 words of tags and scripts. A file
// is read by its kind as extract reads it, in any case of its extension.
func TestFileKindsAsExtractReadsThem(t *testing.T) {
	const md = "# Bridge vote\n\nThe **council** voted [to close](http://example.org) the bridge on Monday.\n"
	const page = `<html><head><title>Bridge vote</title></head><body><article><h1>Bridge vote</h1>` +
		`<p>The council voted to close the bridge on Monday, after a debate that ran late into the night and split the chamber.</p>` +
		`<p>The bridge, which carries most of the town's traffic, will shut for repairs in the spring and reopen in the autumn.</p>` +
		`</article></body></html>`
	dir := t.TempDir()
	for _, tt := range []struct{ name, text, notSaid string }{
		{"a.md", md, "**"},
		{"a.markdown", md, "**"},
		{"b.MARKDOWN", md, "**"},
		{"a.html", page, "<"},
		{"a.xhtml", page, "<"},
		{"b.XHTML", page, "<"},
	} {
		p := filepath.Join(dir, tt.name)
		if err := os.WriteFile(p, []byte(tt.text), 0o644); err != nil {
			t.Fatal(err)
		}
		a, _, err := LoadFile(p)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		body := a.Text(a.Body)
		if a.Title != "Bridge vote" || strings.Contains(body, tt.notSaid) || !strings.Contains(body, "The council voted to close the bridge on Monday") {
			t.Errorf("%s: title %q, body %q; want the article without its markup", tt.name, a.Title, body)
		}
	}
}
