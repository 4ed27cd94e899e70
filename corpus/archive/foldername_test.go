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

// TestStoryFolderNamedUnlikeALabel checks that a story folder whose name
// is not written as a label is named by the label, as before the files
// directly in such a folder were grouped: "Élections" composed, one
// space for two, as its articles' story is.
func TestStoryFolderNamedUnlikeALabel(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"E\u0301lections", "my  stories"} {
		if err := os.Mkdir(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, name), "a.txt", unrelated["rain.txt"])
	}
	var got []string
	for _, s := range open(t, dir, Options{}).Stories() {
		got = append(got, s.Name)
	}
	slices.Sort(got)
	if want := []string{"my stories", "\u00c9lections"}; !slices.Equal(got, want) {
		t.Errorf("stories %q, want %q", got, want)
	}
}
