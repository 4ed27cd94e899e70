package archive

import (
	"os"
	"path/filepath"
	"testing"
)

// TestStoryNamedWithoutAccents is a regression test: --story nepal found
// no story "Séisme au Népal", in an archive or a folder of stories, where
// the reader's filter finds "Peña" typing "pena". A story's name is now
// matched with its accents as without, opened alone through the index's
// stories too, by a part of it as by its start.
func TestStoryNamedWithoutAccents(t *testing.T) {
	dir := writeArchive(t)
	story := filepath.Join(dir, "Séisme au Népal")
	if err := os.Mkdir(story, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, story, "a.txt", "Quake kills thousands in Nepal\n\nA magnitude 7.8 earthquake struck Nepal on Saturday, killing thousands in Kathmandu.\n")
	writeFile(t, story, "b.txt", "Nepal earthquake toll rises\n\nThe toll of Saturday's earthquake in Nepal rose past 2,500 as rescuers dug through Kathmandu.\n")
	open(t, dir, Options{}).Close()
	age(t, dir)
	full := open(t, dir, Options{})
	for _, name := range []string{"nepal", "seisme", "SEISME AU", "séisme au népal"} {
		s, err := full.FindStory(name)
		if err != nil {
			t.Errorf("FindStory(%q): %v", name, err)
			continue
		}
		if s.Name != "Séisme au Népal" {
			t.Errorf("FindStory(%q) = %q", name, s.Name)
		}
		a := open(t, dir, Options{Story: name})
		if st := a.Stories(); len(st) != 1 || st[0].Name != "Séisme au Népal" {
			t.Errorf("Story %q: %d stories open, want Séisme au Népal alone", name, len(st))
		}
		a.Close()
	}
}
