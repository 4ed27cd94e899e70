package ui

import (
	"fmt"
	"strings"
	"testing"
)

// searchCounts searches the comparison m shows for q, in its mode, and
// returns the status's count and how it divides between the articles.
func searchCounts(t *testing.T, m Model, q string) (status, sides string) {
	t.Helper()
	m = press(m, "/")
	m = typeText(m, q)
	m = press(m, "enter")
	p := m.compare.pane
	return p.SearchStatus(), p.SearchSides()
}

// TestSearchCountsAlikeInBothModes is a regression test: side by side,
// words two paired passages have in common are drawn twice, once in each
// column, and inline once; they counted two matches side by side and one
// inline, so that one search of one comparison told two counts. A match
// now counts once for each article whose text holds it, in both modes,
// and the status says how the count divides between the two.
func TestSearchCountsAlikeInBothModes(t *testing.T) {
	c := seed(t)
	arts := c.Articles()
	// Words, parts of words, and words with the space before or after:
	// the space between a change and the words around it is drawn once
	// inline, where each article has one (see junction). A match that
	// runs across a change into words the other article has instead is
	// drawn inline for one article at most: "Hillary Clinton" where one
	// has "Hillary Rodham Clinton"; side by side it is in the other's
	// column. Those differ still.
	queries := []string{"emails", "the", "Russia", "said", "hack", "e", "in the", "Trump", "the ", " of", "wants ", " Calls"}
	shared := false
	count := func(status string) string {
		n := status[strings.LastIndex(status, "/")+1:]
		return strings.TrimSuffix(n, " matches")
	}
	for i := range arts {
		for j := range arts {
			if i == j {
				continue
			}
			m := send(newModel(t, c, 160, 45), setPairMsg{left: arts[i], right: arts[j]})
			var side [][2]string
			for _, q := range queries {
				status, sides := searchCounts(t, m, q)
				side = append(side, [2]string{status, sides})
			}
			m = press(m, "esc", "v")
			if m.compare.pane.Mode() != inline {
				t.Fatal("v: not inline")
			}
			for k, q := range queries {
				status, sides := searchCounts(t, m, q)
				if count(status) != count(side[k][0]) || sides != side[k][1] {
					t.Errorf("%s vs %s, %q: side by side %q (%s), inline %q (%s)", arts[i].Outlet, arts[j].Outlet, q, side[k][0], side[k][1], status, sides)
				}
				for _, h := range m.compare.pane.lay.hits {
					shared = shared || h.sides == bothSides
				}
			}
		}
	}
	if !shared {
		t.Error("no match inline in words both articles have; the test needs one")
	}
}

// TestSearchStatusSaysSides checks that the status bar says how the count
// divides between the articles, and that inline a match in words both
// have is numbered as the two it counts for.
func TestSearchStatusSaysSides(t *testing.T) {
	m := press(newModel(t, seed(t), 160, 45), "v", "/")
	m = typeText(m, "emails")
	m = press(m, "enter")
	p := m.compare.pane
	status := screenLines(m)[43]
	if want := p.SearchSides(); want == "" || !strings.Contains(status, want) {
		t.Errorf("the status bar %q does not say how the count divides (%q)", status, want)
	}
	n := p.lay.counts[0] + p.lay.counts[1]
	for range p.lay.hits {
		h := m.compare.pane.lay.hits[m.compare.pane.curHit]
		if h.sides == bothSides {
			want := fmt.Sprintf("match %d–%d/%d", h.nth, h.nth+1, n)
			if got := m.compare.pane.SearchStatus(); got != want {
				t.Errorf("on a match in words both have: %q, want %q", got, want)
			}
			return
		}
		m = press(m, "n")
	}
	t.Error("no match inline in words both articles have; the test needs one")
}
