package ui

import (
	"strings"
	"testing"
)

// TestHelpFooterOffersMovesThatGoSomewhere: the help line under the keys
// offers the moves that scroll them from where they are. It offered "↓/j
// down", "page down" and "G/end bottom" at the end of the keys as at their
// top, and never a move back up.
func TestHelpFooterOffersMovesThatGoSomewhere(t *testing.T) {
	m := newModel(t, seed(t), 100, 20)
	m = press(m, "?")
	footer := func() string { l := screenLines(m); return l[len(l)-1] }
	if f := footer(); !strings.Contains(f, "down") || strings.Contains(f, "up") {
		t.Errorf("at the top of the keys, the help line is %q: want down, not up", f)
	}
	m = press(m, "G")
	if f := footer(); strings.Contains(f, "down") || strings.Contains(f, "bottom") || !strings.Contains(f, "↑/k up") {
		t.Errorf("at the end of the keys, the help line is %q: want up, not down", f)
	}
	top := m.helpScroll.Top()
	m = press(m, "k")
	if m.helpScroll.Top() != top-1 {
		t.Errorf("k at the end of the keys scrolled from %d to %d", top, m.helpScroll.Top())
	}
	if f := footer(); !strings.Contains(f, "down") || !strings.Contains(f, "up") {
		t.Errorf("in the middle of the keys, the help line is %q: want down and up", f)
	}
	// Keys that fit scroll nowhere, and the line offers no move.
	m = press(newModel(t, seed(t), 160, 45), "?")
	if f := footer(); strings.Contains(f, "down") || strings.Contains(f, "up") {
		t.Errorf("beside keys that fit, the help line is %q: want no move", f)
	}
}
