package ui

import (
	"strings"
	"testing"
)

// TestComparisonKeysSayWhereTheyWork checks that a key of the comparison
// pressed in another view says where it works: "/" in the quotes view did
// nothing at all, where a reader used to less expects a search.
func TestComparisonKeysSayWhereTheyWork(t *testing.T) {
	for _, view := range []string{"2", "3", "4"} {
		for _, k := range []string{"/", "e", "y", "v"} {
			// A model of its own for each: models share their panes
			// and keymap.
			got := press(newModel(t, seed(t), 100, 30), view, k)
			if got.page == pageCompare {
				t.Fatalf("%s did not leave the comparison", view)
			}
			want := k + " works in the comparison: press 1"
			if got.flash != want || !strings.Contains(screen(got), want) {
				t.Errorf("view %s, key %q: flash %q, want %q", view, k, got.flash, want)
			}
		}
	}
	// In the comparison the keys do their work, and say nothing of it.
	if got := press(newModel(t, seed(t), 100, 30), "/"); strings.Contains(got.flash, "works in") || !got.compare.Typing() {
		t.Errorf("/ in the comparison: flash %q", got.flash)
	}
}
