package ui

import (
	"strconv"
	"strings"
	"testing"
)

// TestOneSidedCountIsOfMarkedPassages: the status bar's "N left only" and
// "N right only" count the passages the view marks - and +, which n steps
// to; Al Jazeera against TRT World said "21 left only · 24 right only"
// above 15 marked on each side, counting captions and photo credits shown
// dimmed and unmarked.
func TestOneSidedCountIsOfMarkedPassages(t *testing.T) {
	for _, keys := range [][]string{
		nil, // Swell Digest against Hacked.com
		{"tab", "j", "j", "j", "enter", "j", "enter"}, // Al Jazeera against TRT World
	} {
		m := newModel(t, seed(t), 160, 45)
		m = press(m, keys...)
		lay := m.compare.pane.lay
		if lay == nil {
			t.Fatal("no layout")
		}
		var marked [2]int
		for _, r := range lay.rows {
			switch r.mark {
			case markLeft:
				marked[0]++
			case markRight:
				marked[1]++
			}
		}
		status := screenLines(m)[43]
		for side, name := range []string{" left only", " right only"} {
			if want := " " + strconv.Itoa(marked[side]) + name; !strings.Contains(status, want) {
				t.Errorf("after %q: status %q, want %q as marked", keys, status, strings.TrimSpace(want))
			}
		}
		if unmarked := m.compare.pane.Comparison().Stats(); unmarked.LeftOnly == marked[0] && unmarked.RightOnly == marked[1] {
			t.Errorf("after %q: every one-sided block is marked; the test needs a pair with unmarked ones", keys)
		}
	}
}
