package ui

import (
	"testing"
)

// TestStarredSearchKeepsTheScroller: where the terminal shows no text
// attributes, a search lays the comparison out anew with each match
// starred, *like this*, and the starred words wrap into more rows. The
// scroller kept the row count of the layout before, so the last rows could
// not be reached; once the search was cleared, the rows went back to
// fewer with the window still below them, and the next s (or ], or any
// key reading the top row) panicked with an index out of range.
func TestStarredSearchKeepsTheScroller(t *testing.T) {
	for _, q := range []string{"a", "the"} {
		m := newModel(t, seed(t), 120, 30) // plain text: matches are starred
		m = press(m, "/")
		m = typeText(m, q)
		m = press(m, "enter")
		p := &m.compare.pane
		if !p.painter.starMatches {
			t.Fatalf("matches are not starred in plain text")
		}
		if p.scroll.total != len(p.lay.rows) {
			t.Fatalf("/%s: the scroller counts %d rows, the starred layout has %d", q, p.scroll.total, len(p.lay.rows))
		}
		m = press(m, "G")
		p = &m.compare.pane
		if want := len(p.lay.rows) - p.scroll.height; p.scroll.top != want {
			t.Errorf("/%s, G: top row %d, want the last screenful from %d", q, p.scroll.top, want)
		}
		m = press(m, "esc") // clears the search: the stars go
		p = &m.compare.pane
		if p.scroll.total != len(p.lay.rows) || p.scroll.top >= len(p.lay.rows) {
			t.Fatalf("/%s cleared: top row %d of a scroller of %d rows, over a layout of %d", q, p.scroll.top, p.scroll.total, len(p.lay.rows))
		}
		m = press(m, "s", "]", "s")
		if m.compare.pane.Comparison() == nil {
			t.Errorf("/%s: no comparison after s ] s", q)
		}
	}
}
