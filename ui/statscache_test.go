package ui

import "testing"

// TestReopenedPairKeepsItsStats is a regression test: opening again a
// long pair whose layout was kept showed that layout at once, but counted
// the comparison's stats again on the UI goroutine (2 ms for two
// 100,000-word articles), where a pair laid out anew has them counted
// with its layout, off it. A layout kept now keeps its pair's stats, for
// a short pair as for a long one.
func TestReopenedPairKeepsItsStats(t *testing.T) {
	for _, long := range []bool{false, true} {
		if long {
			// Laid out off the key, and kept: one wrapped lazily is
			// dropped once another pair is opened.
			saved := offKeyBytes
			offKeyBytes = 0
			t.Cleanup(func() { offKeyBytes = saved })
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
		counted := m.compare.pane.statsCounted
		m = send(m, setPairMsg{left: arts[0], right: arts[1]})
		p := m.compare.pane
		if p.cmp != first {
			t.Fatal("the first pair opened again is another comparison: the test needs its layout kept")
		}
		if p.statsCounted != counted {
			t.Errorf("long %v: opening a pair again counted its stats on the UI goroutine (%d times, was %d)", long, p.statsCounted, counted)
		}
		if p.stats != want {
			t.Errorf("long %v: stats %+v, want %+v", long, p.stats, want)
		}
	}
}
