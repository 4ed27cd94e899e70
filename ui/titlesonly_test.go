package ui

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestTitlesAloneAreNotDifferentStories checks two one-line files, a
// title each and no prose: the reader said "these articles share no
// passage — different stories?" and marked the right one "unrelated?",
// though the two lines were the same word for word.
func TestTitlesAloneAreNotDifferentStories(t *testing.T) {
	c, _, err := corpus.LoadFS(fstest.MapFS{
		"a.txt": {Data: []byte("The council voted to close the bridge on Monday.\n")},
		"b.txt": {Data: []byte("The council voted to close the bridge on Monday.\n")},
	}, "town")
	if err != nil {
		t.Fatal(err)
	}
	s := screen(newModel(t, c, 120, 30))
	for _, wrong := range []string{"different stories?", "unrelated?"} {
		if strings.Contains(s, wrong) {
			t.Errorf("two titles alone, the same: the reader says %q:\n%s", wrong, s)
		}
	}
}
