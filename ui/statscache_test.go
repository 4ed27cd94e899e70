package ui

import (
	"context"
	"runtime"
	"slices"
	"testing"
	"weak"

	"github.com/newsdiff/newsdiff/corpus/compare"
)

// TestReopenedPairKeepsItsStats is a regression test: opening again a
// long pair whose layout was kept showed that layout at once, but counted
// the comparison's stats again on the UI goroutine (2 ms for two
// 100,000-word articles), where a pair laid out anew has them counted
// with its layout, off it. And a pair past lazyCellBytes, whose layout
// is dropped once another such pair is shown, counted them again, off
// the UI goroutine, each time it was opened again (3 ms for two 700 KB
// articles), where a shorter pair's were at hand. The pane now keeps the
// stats of the pairs it has shown, for a short pair, a long one and one
// whose layout it let go alike, and counts no pair's stats twice.
func TestReopenedPairKeepsItsStats(t *testing.T) {
	for _, size := range []string{"short", "long", "lazy"} {
		t.Run(size, func(t *testing.T) {
			switch size {
			case "long":
				// Laid out off the key, and kept.
				saved := offKeyBytes
				offKeyBytes = 0
				t.Cleanup(func() { offKeyBytes = saved })
			case "lazy":
				// Laid out off the key and wrapped lazily: one such
				// layout is dropped once another pair's is shown.
				everyComparisonLong(t)
			}
			c := seed(t)
			arts := c.Articles()
			m := newModel(t, c, 160, 45)
			m = send(m, setPairMsg{left: arts[0], right: arts[1]})
			first := m.compare.pane.cmp
			want := m.compare.pane.stats
			m = send(m, setPairMsg{left: arts[0], right: arts[2]})
			if m.compare.pane.cmp == first {
				t.Fatal("the second pair is the first")
			}
			if dropped := !m.compare.pane.keepsLayout(first); dropped != (size == "lazy") {
				t.Fatalf("the first pair's layout dropped: %v, the test needs %v", dropped, size == "lazy")
			}
			counted := m.compare.pane.statsCounted.Load()
			m = send(m, setPairMsg{left: arts[0], right: arts[1]})
			p := m.compare.pane
			if p.cmp != first {
				t.Fatal("the first pair opened again is another comparison: the test needs it kept")
			}
			if got := p.statsCounted.Load(); got != counted {
				t.Errorf("opening a pair again counted its stats %d times", got-counted)
			}
			if p.stats != want {
				t.Errorf("stats %+v, want %+v", p.stats, want)
			}
		})
	}
}

// keepsLayout reports whether the pane keeps a layout of c.
func (p comparePane) keepsLayout(c *compare.Comparison) bool {
	return slices.ContainsFunc(p.layouts, func(l *layout) bool { return l.cmp == c })
}

// TestKeptStatsStayBounded checks the bound of the stats the pane keeps:
// no more than maxStatsKept pairs', and no comparison kept alive by them,
// as the bounds of the comparison cache and of the layouts kept let it go.
func TestKeptStatsStayBounded(t *testing.T) {
	arts := seed(t).Articles()
	p := newComparePane(nil, nil, nil, [2]bool{})
	var ws []weak.Pointer[compare.Comparison]
	for i := range maxStatsKept + 10 {
		c, err := compare.Compare(context.Background(), arts[i%2], arts[2+i%3])
		if err != nil {
			t.Fatal(err)
		}
		p.keepStats(c, c.Stats())
		ws = append(ws, weak.Make(c))
		if len(p.statsKept) > maxStatsKept {
			t.Fatalf("after %d pairs, %d pairs' stats kept, want at most %d", i+1, len(p.statsKept), maxStatsKept)
		}
		if st, ok := p.keptStats(c); !ok || st != c.Stats() {
			t.Fatalf("pair %d: the stats just kept are not found", i)
		}
	}
	runtime.GC()
	for i, w := range ws {
		if w.Value() != nil {
			t.Fatalf("comparison %d is still alive: the stats kept hold it", i)
		}
	}
	// One more: the stats of comparisons gone are let go.
	c, err := compare.Compare(context.Background(), arts[0], arts[1])
	if err != nil {
		t.Fatal(err)
	}
	p.keepStats(c, c.Stats())
	if len(p.statsKept) != 1 {
		t.Errorf("%d pairs' stats kept, want only the live comparison's", len(p.statsKept))
	}
}
