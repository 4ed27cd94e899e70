package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestCurrentChangeSurvivesAZoom: a terminal made tall enough for the
// whole comparison shows it from its first row; made short again (a tmux
// pane zoomed and back, a window maximised and restored) it kept that
// first row at the top, so the change n had taken the reader to was off
// screen, no longer the current one, and the reader was back at the
// start. The change stays on screen and current, as a search match
// already did.
func TestCurrentChangeSurvivesAZoom(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	for range 18 {
		m = press(m, "n")
	}
	status := screenLines(m)[43]
	at := strings.Index(status, "change 18/")
	if at < 0 {
		t.Fatalf("n did not reach change 18: %q", status)
	}
	m = send(m, tea.WindowSizeMsg{Width: 400, Height: 200})
	if top := m.compare.pane.scroll.top; top != 0 {
		t.Fatalf("at 400×200 the comparison starts at row %d; the test needs it whole on screen", top)
	}
	m = send(m, tea.WindowSizeMsg{Width: 160, Height: 45})
	if s := screenLines(m)[43]; !strings.Contains(s, "change 18/") {
		t.Errorf("zoomed and back, the reader lost change 18: %q", s)
	}
	mark := false
	for _, l := range screenLines(m)[3:42] {
		if strings.Contains(l, "│▸") {
			mark = true
		}
	}
	if !mark {
		t.Errorf("zoomed and back, the current change is not marked on screen:\n%s", screen(m))
	}
}
