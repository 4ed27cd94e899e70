package archive

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestStoryFolderIsOneStory opens each development story's folder alone,
// as `newsdiff add mystory URL… && newsdiff mystory` makes one: three to
// five outlets on one event. Every name and fact of the event is in most
// of such a folder's articles, and with plain IDF they weighed less than
// what one article alone says: 6 of the 17 folders split into two or three
// stories (the UK visit into 2+2+1). With story.IDF's prior, one folder
// leaves one article of five alone.
func TestStoryFolderIsOneStory(t *testing.T) {
	root := testcorpus.Shared(t, "corpora/stories")
	ents, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	folders, split := 0, 0
	for _, e := range ents {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		dir := t.TempDir()
		files, err := os.ReadDir(filepath.Join(root, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if filepath.Ext(f.Name()) != ".txt" {
				continue
			}
			b, err := os.ReadFile(filepath.Join(root, e.Name(), f.Name()))
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, dir, f.Name(), string(b))
		}
		folders++
		if got := shape(open(t, dir, Options{})); len(got) != 1 {
			split++
			t.Logf("%s: %d stories %q", e.Name(), len(got), got)
		}
	}
	if folders != 17 {
		t.Fatalf("%d story folders, want 17", folders)
	}
	if split > 1 {
		t.Errorf("%d of %d one-event folders split into several stories, want at most 1", split, folders)
	}
}
