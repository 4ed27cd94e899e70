package ui

import "testing"

// TestSearchWithNoMatchGoesBack is a regression test: a query typed on
// past its last match ("Sullivan", then "Sullivanzz") left the reader at
// that match, far down, with "no matches" said and accepted so: the place
// they searched from was lost but by esc. As vim's incremental search
// does, a query nothing matches takes the reader back where the search
// began.
func TestSearchWithNoMatchGoesBack(t *testing.T) {
	m := press(newModel(t, seed(t), 100, 20), "/")
	m = typeText(m, "Sullivan")
	if m.compare.pane.scroll.top == 0 {
		t.Fatal("the first match of Sullivan is on the first screen; the test needs it further down")
	}
	m = typeText(m, "zz")
	if top := m.compare.pane.scroll.top; top != 0 {
		t.Errorf("with nothing matching, the top row is %d, want 0, where the search began", top)
	}
	m = press(m, "enter")
	if top := m.compare.pane.scroll.top; top != 0 || m.flash != `no matches for "Sullivanzz"` {
		t.Errorf("accepted, the top row is %d (want 0), the status %q", top, m.flash)
	}
	// A match again, the reader goes to it.
	m = press(m, "/")
	m = typeText(m, "Sullivan")
	if m.compare.pane.scroll.top == 0 {
		t.Errorf("Sullivan typed again did not go to its match")
	}
}
