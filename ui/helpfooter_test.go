package ui

import (
	"strings"
	"testing"
)

// TestHelpFooterOffersMovesAsPanesDo is a regression test: the help line
// under the keys offered "↓/j down" at their top and "↑/k up" at their
// end only, where every pane's line offers both wherever it is scrolled
// to; at the end of the keys ↓/j went missing from a line with room for
// it. (Before that it offered down, page down and bottom everywhere and
// never a move back up.) The help now offers what a pane does, both ways,
// as long as it scrolls.
func TestHelpFooterOffersMovesAsPanesDo(t *testing.T) {
	m := newModel(t, seed(t), 100, 20)
	footer := func() string { l := screenLines(m); return l[len(l)-1] }
	// A pane scrolled to its end offers both ways: the help is held to it.
	m = press(m, "4", "G")
	pane := footer()
	if !strings.Contains(pane, "↓/j down") || !strings.Contains(pane, "↑/k up") {
		t.Fatalf("at the end of the passages, the help line is %q: want down and up", pane)
	}
	m = press(m, "?")
	for _, at := range []string{"top", "middle", "end"} {
		switch at {
		case "middle":
			m = press(m, "j")
		case "end":
			m = press(m, "G")
		}
		if f := footer(); !strings.Contains(f, "↓/j down") || !strings.Contains(f, "↑/k up") || !strings.Contains(f, "close help") {
			t.Errorf("at the %s of the keys, the help line is %q: want down, up and close", at, f)
		}
	}
	top := m.helpScroll.Top()
	if m = press(m, "j"); m.helpScroll.Top() != top {
		t.Errorf("j at the end of the keys scrolled from %d to %d", top, m.helpScroll.Top())
	}
	if m = press(m, "k"); m.helpScroll.Top() != top-1 {
		t.Errorf("k at the end of the keys scrolled from %d to %d", top, m.helpScroll.Top())
	}
	if !m.showHelp {
		t.Error("a move closed the help")
	}
	// Keys that fit scroll nowhere, and the line offers no move.
	m = press(newModel(t, seed(t), 160, 45), "?")
	if f := footer(); strings.Contains(f, "down") || strings.Contains(f, "up") {
		t.Errorf("beside keys that fit, the help line is %q: want no move", f)
	}
}
