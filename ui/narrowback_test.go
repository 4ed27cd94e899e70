package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestPlaceSurvivesANarrowing: a window made narrower keeps the passage
// at the top, and the row within it scaled to the passage's new height;
// made as wide again, the row was scaled back, rounded down twice, and
// the reader was a row or two above where they had been (the end of the
// comparison no longer at the foot of the pane after G). While the
// reader has not moved, the row they were at comes back.
func TestPlaceSurvivesANarrowing(t *testing.T) {
	for _, narrow := range []int{100, 70} {
		for down := 1; down <= 30; down++ {
			m := newModel(t, seed(t), 160, 45)
			for range down {
				m = press(m, "j")
			}
			top := m.compare.pane.scroll.top
			m = send(m, tea.WindowSizeMsg{Width: narrow, Height: 45})
			m = send(m, tea.WindowSizeMsg{Width: 160, Height: 45})
			if got := m.compare.pane.scroll.top; got != top {
				t.Errorf("%d rows down, by %d columns and back, the top row is %d, was %d", down, narrow, got, top)
			}
		}
		m := press(newModel(t, seed(t), 160, 45), "G")
		top := m.compare.pane.scroll.top
		m = send(m, tea.WindowSizeMsg{Width: narrow, Height: 45})
		m = send(m, tea.WindowSizeMsg{Width: 120, Height: 45})
		m = send(m, tea.WindowSizeMsg{Width: 160, Height: 45})
		if got := m.compare.pane.scroll.top; got != top {
			t.Errorf("at the end, by %d and 120 columns and back, the top row is %d, was %d", narrow, got, top)
		}
	}
}
