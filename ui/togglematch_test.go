package ui

import (
	"strings"
	"testing"
)

// TestToggleModeKeepsTheCurrentMatch: v kept the passage at the top but
// dropped the match the reader was at, "match 3/16" becoming "16
// matches", and n started again from the top of the screen. The match is
// now the same occurrence in the other mode, found by where it is in its
// article's text, and back again after v twice.
func TestToggleModeKeepsTheCurrentMatch(t *testing.T) {
	for _, tc := range []struct {
		name string
		long bool
		// kept: v twice before the search, so that v then shows the
		// layout kept from before the query, searched again for it.
		kept bool
	}{{"short", false, false}, {"long", true, false}, {"short kept", false, true}, {"long kept", true, true}} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.long {
				everyComparisonLong(t)
			}
			m := newModel(t, seed(t), 160, 45)
			if tc.kept {
				m = press(m, "v", "v")
			}
			m = press(m, "/")
			m = typeText(m, "the")
			m = press(m, "enter", "n")
			p := m.compare.pane
			// A match not its cell's first, on the right: not the one
			// a passage's first match would give.
			for n := 0; p.curHit >= 0 && (p.lay.hits[p.curHit].match == 0 || p.lay.hits[p.curHit].col == 0) && n < 200; n++ {
				m = press(m, "n")
				p = m.compare.pane
			}
			if p.curHit < 0 || p.lay.hits[p.curHit].match == 0 || p.lay.hits[p.curHit].col == 0 {
				t.Fatal("no current match on the right after its cell's first: the test needs one")
			}
			at := p.lay.hits[p.curHit]
			atBlock, atMatch, atCell := p.lay.cells[at.cell].block, at.match, at.cell
			for i, want := range []mode{inline, sideBySide} {
				m = press(m, "v")
				p = m.compare.pane
				if p.Mode() != want {
					t.Fatalf("v %d: mode %v, want %v", i+1, p.Mode(), want)
				}
				if p.curHit < 0 {
					t.Fatalf("v %d: no current match; status %q", i+1, p.SearchStatus())
				}
				got := p.lay.hits[p.curHit]
				if b := p.lay.cells[got.cell].block; b != atBlock || got.sides&at.sides == 0 {
					t.Errorf("v %d: current match in block %d of sides %v, want block %d of %v", i+1, b, got.sides, atBlock, at.sides)
				}
				if !strings.HasPrefix(p.SearchStatus(), "match ") {
					t.Errorf("v %d: status %q has no current match", i+1, p.SearchStatus())
				}
				if !p.visible(int(got.row)) {
					t.Errorf("v %d: the current match is off screen", i+1)
				}
			}
			if got := p.lay.hits[p.curHit]; got.cell != atCell || got.match != atMatch {
				t.Errorf("after v twice, current match %+v, want %+v", got, at)
			}
		})
	}
}

// TestToggleModeTwiceComesBackToTheMatch: v twice comes back to the match
// the reader was at, every one of them, those of the right column among
// them whose words inline draws once for both articles ("match 3–4/39"),
// which v again made the left article's.
func TestToggleModeTwiceComesBackToTheMatch(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	m = press(m, "/")
	m = typeText(m, "the")
	m = press(m, "enter")
	n := len(m.compare.pane.lay.hits)
	if n < 10 {
		t.Fatalf("%d matches: the test needs more", n)
	}
	both := 0
	for range n {
		m = press(m, "n")
		p := m.compare.pane
		at := p.lay.hits[p.curHit]
		m = press(m, "v")
		if q := m.compare.pane; q.curHit >= 0 && q.lay.hits[q.curHit].sides == bothSides {
			both++
		}
		m = press(m, "v")
		p = m.compare.pane
		if p.curHit < 0 {
			t.Fatalf("after v twice, no current match; was %+v", at)
		}
		if got := p.lay.hits[p.curHit]; got.cell != at.cell || got.match != at.match {
			t.Errorf("after v twice, current match %+v, want %+v", got, at)
		}
	}
	if both == 0 {
		t.Error("no match was of both articles inline: the test needs some")
	}
}
