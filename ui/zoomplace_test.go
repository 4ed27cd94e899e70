package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestPlaceSurvivesAZoom: a pane made taller than the rest of the
// comparison shows it from an earlier row, so that it ends at the
// bottom; made short again (a pane zoomed and back, a window maximised
// and restored) it kept that earlier row at the top, and the reader was
// far from where they had been reading, at the start if the whole
// comparison had fitted. The passage they were at comes back to the top,
// unless they scrolled in between.
func TestPlaceSurvivesAZoom(t *testing.T) {
	for _, tall := range [][2]int{{400, 200}, {160, 80}} {
		m := newModel(t, seed(t), 160, 45)
		m = press(m, "d", "d", "d")
		top := m.compare.pane.scroll.top
		if top == 0 {
			t.Fatal("d did not scroll; the test needs it to")
		}
		m = send(m, tea.WindowSizeMsg{Width: tall[0], Height: tall[1]})
		m = send(m, tea.WindowSizeMsg{Width: 160, Height: 45})
		if got := m.compare.pane.scroll.top; got != top {
			t.Errorf("by %dx%d and back, the top row is %d, was %d", tall[0], tall[1], got, top)
		}
		// Scrolled in between, the reader is where they scrolled to.
		m = send(m, tea.WindowSizeMsg{Width: tall[0], Height: tall[1]})
		m = press(m, "g")
		m = send(m, tea.WindowSizeMsg{Width: 160, Height: 45})
		if got := m.compare.pane.scroll.top; got != 0 {
			t.Errorf("by %dx%d, g, and back, the top row is %d, want 0", tall[0], tall[1], got)
		}
	}
}
