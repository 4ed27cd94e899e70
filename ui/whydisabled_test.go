package ui

import (
	"strings"
	"testing"

	"github.com/muesli/termenv"
)

// TestComparisonKeysSayWhereTheyWork checks that a key of the comparison
// pressed in another view says where it works: "/" in the quotes view did
// nothing at all, where a reader used to less expects a search. (Where
// export is off, e says so instead: see
// TestHelpOffersExportOnlyWhereItWorks.)
func TestComparisonKeysSayWhereTheyWork(t *testing.T) {
	for _, view := range []string{"2", "3", "4"} {
		for _, k := range []string{"/", "e", "y", "v"} {
			// A model of its own for each: models share their panes
			// and keymap.
			got := press(newModelOpts(t, seed(t), 100, 30, Options{Renderer: renderer(termenv.Ascii), WriteHTML: testPage}), view, k)
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

// TestChangeKeysInTheListSayWhereTheyWork checks that n and N pressed
// while the articles list has focus say where they work: they did
// nothing, and the reader seemed not to know its own keys.
func TestChangeKeysInTheListSayWhereTheyWork(t *testing.T) {
	for _, width := range []int{100, 80} { // both panes, and the list alone
		for _, k := range []string{"n", "N"} {
			got := press(newModel(t, seed(t), width, 30), "tab", k)
			if got.compare.focus != focusArticles {
				t.Fatalf("tab did not focus the articles list")
			}
			want := k + " works in the comparison: press tab"
			if got.flash != want || !strings.Contains(screen(got), want) {
				t.Errorf("width %d, key %q in the list: flash %q, want %q", width, k, got.flash, want)
			}
		}
	}
	// In the comparison n moves to the next change and says nothing of it.
	m := newModel(t, seed(t), 100, 30)
	changes := m.compare.pane.lay.changes
	if got := press(m, "n"); strings.Contains(got.flash, "works in") || len(changes) == 0 || got.compare.pane.curBlock != changes[0] {
		t.Errorf("n in the comparison: flash %q, current block %d, changes %v", got.flash, got.compare.pane.curBlock, changes)
	}
}

// TestPairKeysSayWhereTheyWork checks that the comparison's keys for the
// pair and its changes, pressed in another view, say where they work as
// "/" does: s, [ and ] in the quotes, the matrix or the passages did
// nothing at all, and so did n and N where they step through nothing
// else. In the passages n and N still go from section to section.
func TestPairKeysSayWhereTheyWork(t *testing.T) {
	for _, view := range []string{"2", "3", "4"} {
		for _, k := range []string{"s", "[", "]", "n", "N"} {
			if view == "4" && (k == "n" || k == "N") {
				continue
			}
			got := press(newModel(t, seed(t), 100, 30), view, k)
			want := k + " works in the comparison: press 1"
			if got.flash != want || !strings.Contains(screen(got), want) {
				t.Errorf("view %s, key %q: flash %q, want %q", view, k, got.flash, want)
			}
		}
	}
	m := press(newModel(t, seed(t), 100, 30), "4")
	before := passagesOf(m).cursor()
	m = press(m, "n")
	if strings.Contains(m.flash, "works in") || passagesOf(m).cursor() == before {
		t.Errorf("n in the passages: flash %q, cursor %d → %d", m.flash, before, passagesOf(m).cursor())
	}
}
