package ui

import "testing"

// TestEveryWordingOpens is a regression test: enter opens the wording at
// the top of the wordings, and the wordings scrolled no further than
// their last row, so the wordings of the last screenful never got to the
// top, and where all fitted none but the first: of the sample's first
// quote, five outlets' wordings, only Hacked.com's opened. They scroll on
// until the last one's heading is at the top.
func TestEveryWordingOpens(t *testing.T) {
	for _, h := range []int{45, 20} {
		m := press(newModel(t, seed(t), 160, h), "2", "tab", "G")
		q := quotesOf(m)
		g := q.entries[q.cursor()].group
		last := g.Quotes[q.starts[q.shown][len(q.starts[q.shown])-1].quote].Article
		m = press(m, "enter")
		if m.page != pageCompare || m.left != last {
			t.Errorf("at 160x%d, G and enter on the wordings opened %v on the left (flash %q), want %s's wording",
				h, m.left.Outlet, m.flash, last.Outlet)
		}
	}
}
