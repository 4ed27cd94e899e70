package archive

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSavedPagesAreIndexed checks that the archive reads the files the
// loader reads: a saved web page and a Markdown file are indexed with the
// metadata extracted from them.
func TestSavedPagesAreIndexed(t *testing.T) {
	dir := writeArchive(t)
	page, err := os.ReadFile(filepath.Join("..", "extract", "testdata", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "courier.html", string(page))
	writeFile(t, dir, "notes.md", "# Harbour notes\n\nThe **harbour** bridge reopened on Tuesday, the council said, after six weeks of repairs to the railing.\n")
	a := open(t, dir, Options{})
	found := map[string]Entry{}
	for _, e := range a.Entries() {
		found[e.Path] = e
	}
	if e, ok := found["courier.html"]; !ok || e.Outlet != "The Example Courier" || e.Title != "Harbour bridge reopens after storm repairs" ||
		e.URL != "https://www.courier.example/news/2024/03/harbour-bridge-reopens" {
		t.Errorf("courier.html: %+v (found %v)", e, ok)
	}
	if e, ok := found["notes.md"]; !ok || e.Title != "Harbour notes" {
		t.Errorf("notes.md: %+v (found %v)", e, ok)
	}
}
