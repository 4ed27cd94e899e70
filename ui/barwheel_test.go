package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestWheelOverTheBarsScrollsNothing: the mouse's wheel over the status
// bar or the help line below it scrolled the comparison, or the list, as
// if over the pane. Nothing is under the pointer there to scroll.
func TestWheelOverTheBarsScrollsNothing(t *testing.T) {
	for _, size := range [][2]int{{160, 45}, {80, 24}} {
		w, h := size[0], size[1]
		for _, x := range []int{5, w - 10} {
			m := newModel(t, seed(t), w, h)
			selected := m.compare.articles.Selected()
			for _, y := range []int{h - 2, h - 1} {
				m = send(m, tea.MouseMsg{X: x, Y: y, Button: tea.MouseButtonWheelDown})
			}
			if got := m.compare.pane.scroll.top; got != 0 {
				t.Errorf("%dx%d: the wheel over the bars at x %d scrolled the comparison to row %d", w, h, x, got)
			}
			if got := m.compare.articles.Selected(); got != selected {
				t.Errorf("%dx%d: the wheel over the bars at x %d moved the list to %q", w, h, x, got.Outlet)
			}
			// Over the view, it scrolls.
			m = send(m, tea.MouseMsg{X: w - 10, Y: h - 3, Button: tea.MouseButtonWheelDown})
			if got := m.compare.pane.scroll.top; got != wheelRows {
				t.Errorf("%dx%d: the wheel over the comparison's last row scrolled it to row %d, want %d", w, h, got, wheelRows)
			}
		}
		if w >= dualPaneWidth {
			continue // the help fits: nothing to scroll
		}
		// Nor does it scroll the help.
		m := press(newModel(t, seed(t), w, h), "?")
		top := m.helpScroll.top
		m = send(m, tea.MouseMsg{X: 5, Y: h - 1, Button: tea.MouseButtonWheelDown})
		if m.helpScroll.top != top {
			t.Errorf("%dx%d: the wheel over the help line scrolled the help", w, h)
		}
		m = send(m, tea.MouseMsg{X: 5, Y: 3, Button: tea.MouseButtonWheelDown})
		if m.helpScroll.top == top {
			t.Errorf("%dx%d: the wheel over the help did not scroll it; the test needs it to", w, h)
		}
	}
}
