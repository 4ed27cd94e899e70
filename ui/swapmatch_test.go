package ui

import (
	"strings"
	"testing"
)

// TestSwapKeepsTheCurrentMatch: s dropped the match the reader was at,
// "match 8/16" becoming "16 matches": matches were named by passage, and
// the swapped comparison has passages of its own. The match is now the
// same words of the same article, in the other column, and s twice comes
// back to it.
func TestSwapKeepsTheCurrentMatch(t *testing.T) {
	for _, tc := range []struct {
		name   string
		long   bool
		inline bool
	}{{"short", false, false}, {"long", true, false}, {"short inline", false, true}, {"long inline", true, true}} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.long {
				everyComparisonLong(t)
			}
			m := newModel(t, seed(t), 160, 45)
			if tc.inline {
				m = press(m, "v")
			}
			m = press(m, "/")
			m = typeText(m, "the")
			m = press(m, "enter", "n")
			p := m.compare.pane
			// A match of the right article's text alone, not its
			// passage's first: not the one a passage, or the screen's
			// first match, would give.
			ok := func(p comparePane) bool {
				if p.curHit < 0 {
					return false
				}
				h := p.lay.hits[p.curHit]
				return h.match > 0 && h.sides == sideRight
			}
			for n := 0; p.curHit >= 0 && !ok(p) && n < 300; n++ {
				m = press(m, "n")
				p = m.compare.pane
			}
			if !ok(p) {
				t.Fatal("no current match of the right article's text after its cell's first: the test needs one")
			}
			at := p.lay.hits[p.curHit]
			right := p.cmp.Right
			status := p.SearchStatus()
			m = press(m, "s")
			p = m.compare.pane
			if p.cmp.Left != right {
				t.Fatal("s did not swap the sides")
			}
			if p.curHit < 0 {
				t.Fatalf("after s, no current match; status %q, was %q", p.SearchStatus(), status)
			}
			got := p.lay.hits[p.curHit]
			if got.sides&sideLeft == 0 {
				t.Errorf("after s, the current match is of sides %v, want the left article's, now %s", got.sides, right.Outlet)
			}
			if !strings.HasPrefix(p.SearchStatus(), "match ") {
				t.Errorf("after s, status %q has no current match (was %q)", p.SearchStatus(), status)
			}
			if !p.visible(int(got.row)) {
				t.Error("after s, the current match is off screen")
			}
			m = press(m, "s")
			p = m.compare.pane
			if p.cmp.Right != right || p.curHit < 0 {
				t.Fatalf("after s twice, no current match; status %q", p.SearchStatus())
			}
			if got := p.lay.hits[p.curHit]; got.cell != at.cell || got.match != at.match {
				t.Errorf("after s twice, current match %+v, want %+v", got, at)
			}
			if p.SearchStatus() != status {
				t.Errorf("after s twice, status %q, want %q", p.SearchStatus(), status)
			}
		})
	}
}
