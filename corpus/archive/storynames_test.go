package archive

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestStoryNames checks that StoryNames gives the stories' names in
// FindStory's numbering from the index alone, and nothing, creating
// nothing, where that would need the index built or brought up to date.
func TestStoryNames(t *testing.T) {
	ctx := context.Background()
	dir := writeArchive(t)
	names, err := StoryNames(ctx, dir)
	if err != nil || names != nil {
		t.Errorf("no index: %q, %v; want nothing", names, err)
	}
	if _, err := os.Stat(filepath.Join(dir, IndexDir)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("StoryNames made the index directory (%v)", err)
	}

	a := open(t, dir, Options{})
	var want []string
	for _, s := range a.Stories() {
		want = append(want, s.Name)
	}
	a.Close()
	if names, err = StoryNames(ctx, dir); err != nil || !slices.Equal(names, want) {
		t.Errorf("StoryNames = %q, %v; want %q", names, err, want)
	}

	// Another process changed the index since the stories were recorded.
	s := mustStore(t, dir)
	if _, err := s.db.Exec(`UPDATE state SET gen = gen + 1`); err != nil {
		t.Fatal(err)
	}
	if names, err = StoryNames(ctx, dir); err != nil || names != nil {
		t.Errorf("stories of an older index: %q, %v; want nothing", names, err)
	}
}
