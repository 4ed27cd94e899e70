package ui

import (
	"strings"
	"testing"
)

// TestSearchMatchLeftBehindByAScroll: scrolled away from the current
// match (G, g, a page), the status bar still said "match 2/15" over a
// screen with no match marked, while n went on from the top of that
// screen, not from match 2; and v or s took the reader back to the
// match, from the end of the comparison to its top. A match scrolled
// away from is no longer current, as a change scrolled away from is not:
// the bar counts the matches, v and s keep the passage at the top of the
// screen, and n goes to the first match from there.
func TestSearchMatchLeftBehindByAScroll(t *testing.T) {
	for _, tt := range []struct {
		mode  []string
		moves []string
	}{
		{nil, []string{"G"}},
		{[]string{"v"}, []string{"G"}},
		{nil, []string{"pgdown", "pgdown"}},
		{nil, []string{"G", "N", "g"}},
	} {
		t.Run(strings.Join(append(tt.mode, tt.moves...), " "), func(t *testing.T) {
			m := press(newModel(t, seed(t), 120, 30), tt.mode...)
			m = press(m, "/")
			m = typeText(m, "emails")
			m = press(m, "enter", "n")
			m = press(m, tt.moves...)
			status := screenLines(m)[28]
			if strings.Contains(status, "match ") || !strings.Contains(status, "15 matches") {
				t.Errorf("after %q, the current match off screen, the status says %q, want the 15 matches counted", tt.moves, status)
			}
			// v lays the same passages out again: the one at the top of
			// the screen stays on screen.
			top := m.compare.pane.CurrentBlock()
			if p := press(m, "v").compare.pane; !p.visible(p.lay.blockRow[top]) {
				t.Errorf("v after %q: passage %d, at the top of the screen before, is off screen (%s)", tt.moves, top, p.scroll.Position())
			}
			// s has the reader at no match either.
			if status := screenLines(press(m, "s"))[28]; strings.Contains(status, "match ") {
				t.Errorf("s after %q: the status says %q, of a match scrolled away from", tt.moves, status)
			}
			m = press(m, "n")
			p := m.compare.pane
			if status := screenLines(m)[28]; p.curHit < 0 || !p.visible(int(p.lay.hits[p.curHit].row)) || !strings.Contains(status, "match ") {
				t.Errorf("n after %q: status %q, want the reader at a match on screen", tt.moves, status)
			}
		})
	}
}
