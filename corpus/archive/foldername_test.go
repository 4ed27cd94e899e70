package archive

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestGroupingWhateverTheFolderName is a regression test: the files
// directly in a folder whose name a story name is not written as (an
// accent decomposed, as macOS writes "Élections", two spaces, a space at
// an end, a control character) were one story named after the folder,
// every article in it, and never grouped by content. An article's story
// is its folder's name made a label (one line, accents composed), and
// that was compared with the name as it is on disk to tell an article
// that names its own story from one that names none.
func TestGroupingWhateverTheFolderName(t *testing.T) {
	want := []string{sampleStory, "alone:rain.txt", "alone:zoo.txt"}
	for _, name := range []string{
		"E\u0301lections", // NFD, as macOS names it
		"my  stories",
		"stories ",
		"news\x07desk",
	} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), name)
			if err := os.Rename(writeArchive(t), dir); err != nil {
				t.Fatal(err)
			}
			if got := shape(open(t, dir, Options{})); !slices.Equal(got, want) {
				t.Errorf("stories:\ngot  %q\nwant %q", got, want)
			}
		})
	}
}
