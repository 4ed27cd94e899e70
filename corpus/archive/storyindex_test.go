package archive

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// agedArchive is writeArchive's folder opened twice, dated an hour ago in
// between, so that its directory time is recorded as one to trust and a
// story can be opened alone.
func agedArchive(t *testing.T) string {
	t.Helper()
	dir := writeArchive(t)
	open(t, dir, Options{}).Close()
	age(t, dir)
	open(t, dir, Options{}).Close()
	return dir
}

// TestOpenStoryAlone checks that Options.Story opens the story FindStory
// finds on the whole archive, by number, name and prefix, holding it alone,
// and that a name that finds no single story opens the whole archive.
func TestOpenStoryAlone(t *testing.T) {
	dir := agedArchive(t)
	full := open(t, dir, Options{})
	var names []string
	for i, s := range full.Stories() {
		names = append(names, strconv.Itoa(i+1), s.Name, strings.ToUpper(s.Name[:4]))
	}
	names = append(names, "DONALD", "4", "0", "nothing like it", "")
	for _, name := range names {
		want, wantErr := full.FindStory(name)
		a := open(t, dir, Options{Story: name})
		got, err := a.FindStory(name)
		switch {
		case (err != nil) != (wantErr != nil):
			t.Errorf("Story %q: FindStory error %v, on the whole archive %v", name, err, wantErr)
		case err != nil:
			if err.Error() != wantErr.Error() {
				t.Errorf("Story %q: error %q, on the whole archive %q", name, err, wantErr)
			}
			if len(a.Stories()) != len(full.Stories()) {
				t.Errorf("Story %q finds no story, yet %d stories are open, not %d", name, len(a.Stories()), len(full.Stories()))
			}
		default:
			if fmt.Sprint(*got) != fmt.Sprint(*want) {
				t.Errorf("Story %q opened\n%+v\nwant\n%+v", name, *got, *want)
			}
			if len(a.Stories()) != 1 || a.Stories()[0] != got {
				t.Errorf("Story %q: %d stories open, want it alone", name, len(a.Stories()))
			}
			// Another story's number would find this one, the only one
			// open: it finds none.
			probe := "1"
			if name == probe {
				probe = "2"
			}
			if other, err := a.FindStory(probe); err == nil {
				t.Errorf("Story %q: open on it alone, FindStory(%q) found %q", name, probe, other.Name)
			}
		}
		a.Close()
	}
	full.Close()
}

// TestOpenStoryChecksItsFiles runs the focused refresh's cases through
// Options.Story: a file of the story changed is read again, and the
// story then comes from the refreshed listing.
func TestOpenStoryChecksItsFiles(t *testing.T) {
	dir := agedArchive(t)
	story := Options{Story: "donald"}
	name := "003_95bcf1536ed6ca96.txt"
	dirInfo, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, name, strings.Replace(string(b), "Trump", "Trunp", 1))
	now := time.Now()
	os.Chtimes(filepath.Join(dir, name), now, now)
	os.Chtimes(dir, dirInfo.ModTime(), dirInfo.ModTime())
	if got := readsOf(t, dir, story); len(got) != 1 {
		t.Errorf("story file edited in place: %d files read, want 1", len(got))
	}
	// Now unchanged: opened alone, nothing read.
	if got := readsOf(t, dir, story); len(got) != 0 {
		t.Errorf("story unchanged: %d files read, want 0", len(got))
	}
	a := open(t, dir, story)
	defer a.Close()
	if len(a.Stories()) != 1 {
		t.Fatalf("%d stories open, want the story alone", len(a.Stories()))
	}
	e, ok := entryAt(a.Stories()[0], name)
	if !ok {
		t.Fatalf("%s is not in the story", name)
	}
	art, err := a.Article(context.Background(), e)
	if err != nil || !strings.Contains(art.Text(art.Body), "Trunp") {
		t.Errorf("the story's edited article: %v, want the edit", err)
	}
}

// TestOpenStoryAfterAnotherWriter checks that stories recorded for an
// older state of the index are not used.
func TestOpenStoryAfterAnotherWriter(t *testing.T) {
	dir := agedArchive(t)
	// Another process renames a story's article in the index alone.
	s := mustStore(t, dir)
	if _, err := s.db.Exec(`UPDATE articles SET title = 'Renamed' WHERE path = '003_95bcf1536ed6ca96.txt'`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`UPDATE state SET gen = gen + 1`); err != nil {
		t.Fatal(err)
	}
	a := open(t, dir, Options{Story: "donald"})
	defer a.Close()
	st, err := a.FindStory("donald")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Stories()) == 1 {
		t.Errorf("stories of an older index were used")
	}
	if e, _ := entryAt(st, "003_95bcf1536ed6ca96.txt"); e.Title != "Renamed" {
		t.Errorf("story's article titled %q, want the index's new title", e.Title)
	}
}

func entryAt(s *Story, path string) (Entry, bool) {
	for _, e := range s.Entries {
		if e.Path == path {
			return e, true
		}
	}
	return Entry{}, false
}

// TestStoriesTableIsAdded checks that an index made before the stories
// were kept gains their table, and then opens a story alone.
func TestStoriesTableIsAdded(t *testing.T) {
	dir := agedArchive(t)
	s := mustStore(t, dir)
	if _, err := s.db.Exec(`DROP TABLE stories`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`DELETE FROM meta WHERE key = ?`, storiesGenKey); err != nil {
		t.Fatal(err)
	}
	s.Close()
	open(t, dir, Options{}).Close()
	a := open(t, dir, Options{Story: "donald"})
	defer a.Close()
	if len(a.Stories()) != 1 {
		t.Errorf("%d stories open, want the story alone", len(a.Stories()))
	}
}
