package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestTooSmallTakesOnlyQuit checks that a terminal too small to show the
// reader takes no key but quitting: keys went on to the search being
// typed, unseen, and q was typed into it rather than quitting.
func TestTooSmallTakesOnlyQuit(t *testing.T) {
	m := typeText(press(newModel(t, seed(t), 100, 30), "/"), "ab")
	m = send(m, tea.WindowSizeMsg{Width: 50, Height: 10})
	if s := strings.Join(strings.Fields(screen(m)), " "); !strings.Contains(s, "terminal too small (need 60×12) · q quits") {
		t.Errorf("too small: the screen does not say q quits:\n%s", screen(m))
	}
	m = typeText(m, "xy")
	_, cmd := m.Update(keyMsg("q"))
	if cmd == nil {
		t.Fatal("q in a terminal too small did nothing")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Errorf("q in a terminal too small did not quit")
	}
	m = send(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	if s := screen(m); !strings.Contains(s, "/ab▏") {
		t.Errorf("the query typed unseen changed; want /ab:\n%s", s)
	}
}
