package ui

import (
	"slices"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

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

// TestWordingOpenedIsOnScreen is a regression test: enter opened the
// first wording whose heading was at the top of the wordings or below
// it, on screen or not. Where one wording's rows filled the pane (at 40×12
// every wording of the sample's second quote does), a row down, its
// heading gone above, it opened the next outlet's wording, below the
// screen, and the bar counted that one ("wording 2/5"); in the last
// wording, nothing opened at all. It opens the wording the reader sees.
func TestWordingOpenedIsOnScreen(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {60, 12}, {100, 14}, {160, 20}} {
		base := press(newModel(t, seed(t), size[0], size[1]), "2", "j", "enter")
		q := quotesOf(base)
		starts := q.starts[q.shown]
		g := q.entries[q.cursor()].group
		for down := 0; ; down++ {
			m := press(newModel(t, seed(t), size[0], size[1]), "2", "j", "enter")
			for range down {
				m = press(m, "j")
			}
			q := quotesOf(m)
			top, bottom := q.detail.Top(), q.detail.Top()+q.detail.height
			// The wordings with a row on screen.
			var seen []*corpus.Article
			for k, st := range starts {
				end := len(q.rows)
				if k+1 < len(starts) {
					end = starts[k+1].row
				}
				if st.row < bottom && end > top {
					seen = append(seen, g.Quotes[st.quote].Article)
				}
			}
			pos := screenLines(m)[size[1]-2]
			var opened *corpus.Article
			if cmd := q.openWording(); cmd != nil {
				if msg, ok := cmd().(openPassageMsg); ok && len(msg.at) > 0 {
					opened = msg.at[0].Article
				}
			}
			if opened == nil {
				t.Errorf("%dx%d, %d rows down (%q): enter opens nothing:\n%s", size[0], size[1], down, pos, screen(m))
			} else if !slices.Contains(seen, opened) {
				t.Errorf("%dx%d, %d rows down (%q): enter opens %s's wording, not one on screen:\n%s",
					size[0], size[1], down, pos, opened.Outlet, screen(m))
			}
			if top == q.detail.clamp(top+1) {
				break // the wordings' end
			}
		}
	}
}
