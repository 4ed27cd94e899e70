package archive

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestFurniturePagesAreNotGrouped indexes the pages of story's furniture
// fixtures (pages that kept their headline and a site's notice in place
// of the report, the same notice on several) with two reports of one
// event and an unrelated one: the pages were one story through the index
// as through a folder load; each is a story of one now, listed, and the
// two reports are one story.
func TestFurniturePagesAreNotGrouped(t *testing.T) {
	src := filepath.Join("..", "story", "testdata", "furniture")
	paths, err := filepath.Glob(filepath.Join(src, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures in %s: %v", src, err)
	}
	dir := t.TempDir()
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, dir, filepath.Base(p), string(b))
	}
	want := []string{
		"alone:missing-cycling.txt", "alone:missing-library.txt",
		"alone:notice-harbour.txt", "alone:notice-orchard.txt",
		"alone:regatta.txt", "quarry-courier.txt,quarry-herald.txt",
	}
	if got := shape(open(t, dir, Options{})); !slices.Equal(got, want) {
		t.Errorf("stories:\ngot  %q\nwant %q", got, want)
	}
}
