package ui

import (
	"context"
	"slices"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/compare"
)

// TestCutSearchKeepsOnlyTheSameMatch is a regression test: a search that
// stops at maxMatches finds the first matches of its layout's reading
// order, and a match was carried across s (and v) as the nth found of its
// article's text. The swapped layout, read in another order, finds
// another first set, so the nth found there could be another occurrence:
// with the cap at 10 to 200, s moved the reader to another "e" in 40 of
// 200 seed pairs, modes and caps tried. Now a match is carried only where
// both searches found every match of its article before it; elsewhere
// none is current, and the reader stays at the passage.
//
// Each seed pair, side by side and inline, is searched with the cap and
// without; every match of the first comparison is carried to the swapped
// one, and must land on the occurrence the uncut searches give, or on
// none.
func TestCutSearchKeepsOnlyTheSameMatch(t *testing.T) {
	saved := maxMatches
	t.Cleanup(func() { maxMatches = saved })
	arts := seed(t).Articles()
	p := newPainter(mustStyles())
	layOut := func(c *compare.Comparison, md mode) *layout {
		lay := buildLayout(c, 120, md, false, pairMarks{})
		lay.setQuery("e", p)
		return lay
	}
	carried := 0
	for i, a := range arts {
		for j, b := range arts {
			if i == j {
				continue
			}
			c1, err := compare.Compare(context.Background(), a, b)
			if err != nil {
				t.Fatal(err)
			}
			c2, err := compare.Compare(context.Background(), b, a)
			if err != nil {
				t.Fatal(err)
			}
			for _, md := range []mode{sideBySide, inline} {
				maxMatches = saved
				whole1, whole2 := layOut(c1, md), layOut(c2, md)
				for _, cut := range []int{10, 60, 200} {
					maxMatches = cut
					cut1, cut2 := layOut(c1, md), layOut(c2, md)
					if !cut1.matchesCut {
						continue
					}
					for hi, h := range cut1.hits {
						for _, side := range []sides{sideLeft, sideRight} {
							if h.sides&side == 0 {
								continue
							}
							got, _ := cut2.findMatch(cut1.matchRef(hi, side))
							if got < 0 {
								continue
							}
							carried++
							wi := slices.IndexFunc(whole1.hits, func(x hit) bool { return x.cell == h.cell && x.match == h.match })
							want, _ := whole2.findMatch(whole1.matchRef(wi, side))
							if want < 0 || cut2.hits[got].cell != whole2.hits[want].cell || cut2.hits[got].match != whole2.hits[want].match {
								t.Errorf("%s|%s %v, cut at %d: match %d of side %d carried to cell %d match %d, not the same occurrence",
									a.Outlet, b.Outlet, md, cut, hi, side, cut2.hits[got].cell, cut2.hits[got].match)
							}
						}
					}
				}
			}
		}
	}
	if carried == 0 {
		t.Errorf("no match was carried across a swap of a cut search")
	}
	t.Logf("%d matches carried", carried)
}

// TestCutSearchToggleStaysAtThePassage: v on a search cut at its cap,
// from a match that cannot be named for sure in the other mode (the last
// the search found: its cell was not searched to the end), made current
// the first match from where the search began instead, another
// occurrence, while s in the same case made none current. No match is
// current now either way, and the reader stays at the passage.
func TestCutSearchToggleStaysAtThePassage(t *testing.T) {
	saved := maxMatches
	t.Cleanup(func() { maxMatches = saved })
	maxMatches = 40
	m := newModel(t, seed(t), 160, 45)
	m = press(m, "v", "v") // the inline layout is kept, not searched
	m = press(m, "/")
	m = typeText(m, "e")
	m = press(m, "enter", "N") // from the first match back to the last found
	p := m.compare.pane
	if !p.lay.matchesCut || p.curHit != len(p.lay.hits)-1 {
		t.Fatalf("match %d of %d found (cut %v); the test needs the last of a cut search", p.curHit+1, len(p.lay.hits), p.lay.matchesCut)
	}
	at := p.place().block
	m = press(m, "v")
	p = m.compare.pane
	if p.Mode() != inline {
		t.Fatal("v did not switch to inline")
	}
	if p.curHit != -1 {
		t.Errorf("inline, match %d is current, want none: the last match found cannot be named for sure", p.curHit+1)
	}
	if got := p.place().block; got != at {
		t.Errorf("inline, passage %d at the top, want %d, where the reader was", got, at)
	}
}
