package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// pressHolding presses k and delivers the messages of its commands but
// the layout they bring, if any, which it returns.
func pressHolding(t *testing.T, m Model, k string) (Model, *laidOutMsg) {
	t.Helper()
	return holding(t, m, keyMsg(k))
}

// TestLongComparisonTogglesOffTheKey is a regression test: v on two
// 3.4 MB articles wrapped both again before the key returned, 0.25 to
// 0.7 s. A long comparison is now laid out in the other mode by a
// command; the reader switches, at the same passage, when it is done,
// and v again before then stays in the mode shown.
func TestLongComparisonTogglesOffTheKey(t *testing.T) {
	everyComparisonLong(t)

	m := press(newModel(t, seed(t), 120, 30), "ctrl+d", "ctrl+d")
	top := m.compare.pane.CurrentBlock()
	m, laid := pressHolding(t, m, "v")
	if md := m.compare.pane.Mode(); md != sideBySide {
		t.Errorf("v switched to %v before the layout was made", md)
	}
	if laid == nil {
		t.Fatal("v started no layout")
	}
	if s := screen(m); !strings.Contains(s, "laying out inline…") || !strings.Contains(s, "v stay side by side") {
		t.Errorf("while laying out, the status and help do not say so:\n%s", s)
	}
	m = send(m, *laid)
	if md := m.compare.pane.Mode(); md != inline {
		t.Errorf("once laid out, the mode is %v, want inline", md)
	}
	if got := m.compare.pane.CurrentBlock(); got != top {
		t.Errorf("the passage at the top moved from block %d to %d", top, got)
	}
	// v, then v again before the layout comes: it stays inline, and the
	// layout that comes late is dropped. At another width, where neither
	// mode's layout is kept.
	m = send(m, tea.WindowSizeMsg{Width: 110, Height: 30})
	m, laid = pressHolding(t, m, "v")
	m = press(m, "v")
	if laid == nil {
		t.Fatal("v started no layout")
	}
	m = send(m, *laid)
	if md := m.compare.pane.Mode(); md != inline {
		t.Errorf("v twice, then the layout came: mode %v, want inline", md)
	}
}

// TestLongComparisonToggleOutlivesChanges is a regression test: v on a
// long comparison was dropped without a word when the layout came for a
// width or marks no longer shown (the terminal resized, or the story's
// analysis came, while it was made); and v on another comparison opened
// meanwhile was taken for the second v that gives the switch up.
func TestLongComparisonToggleOutlivesChanges(t *testing.T) {
	everyComparisonLong(t)

	m := newModel(t, seed(t), 120, 30)
	m, laid := pressHolding(t, m, "v")
	if laid == nil {
		t.Fatal("v started no layout")
	}
	m = send(m, tea.WindowSizeMsg{Width: 110, Height: 30})
	m = send(m, *laid)
	if md := m.compare.pane.Mode(); md != inline {
		t.Errorf("v, then a resize before the layout came: mode %v, want inline", md)
	}

	m = newModel(t, seed(t), 120, 30)
	m, laid = pressHolding(t, m, "v")
	if laid == nil {
		t.Fatal("v started no layout")
	}
	n := len(m.articles)
	m = send(m, setPairMsg{left: m.articles[n-1], right: m.articles[n-2]})
	m, again := pressHolding(t, m, "v")
	if again == nil {
		t.Fatal("v on the comparison opened while the one before was laid out started no layout")
	}
	m = send(m, *laid) // late, for the comparison before
	m = send(m, *again)
	if md := m.compare.pane.Mode(); md != inline {
		t.Errorf("v on a comparison opened while the one before was laid out: mode %v, want inline", md)
	}
}
