package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestMouseClearsTheLastKeysMessage: a key clears the status bar's
// message about the key before it, but the wheel and a click did not. A
// passage opened from the passages view said "Swell Digest and Hacked.com
// side by side, at ¶9" while the wheel scrolled the comparison far from
// ¶9, and "Press TV on the right" stayed after a click had put another
// article under the cursor. The motion a press ends with, and the wheel
// over the bars, which does nothing, leave it.
func TestMouseClearsTheLastKeysMessage(t *testing.T) {
	const w, h = 160, 45
	for _, tc := range []struct {
		name string
		keys []string
		ev   tea.MouseMsg
	}{
		{"wheel over the comparison", []string{"4", "enter"}, tea.MouseMsg{X: 80, Y: 10, Button: tea.MouseButtonWheelDown}},
		{"click on the list", []string{"]"}, tea.MouseMsg{X: 5, Y: 8, Button: tea.MouseButtonLeft}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := press(newModel(t, seed(t), w, h), tc.keys...)
			flash := m.flash
			if flash == "" {
				t.Fatalf("after %q: no message; the test needs one", tc.keys)
			}
			// Released, or over the bars, nothing is done: the message
			// stays.
			release := tc.ev
			release.Action = tea.MouseActionRelease
			m = send(m, release)
			over := tc.ev
			over.Y = h - 2
			m = send(m, over)
			if m.flash != flash {
				t.Errorf("a release or the wheel over the bars took away %q", flash)
			}
			m = send(m, tc.ev)
			if status := screenLines(m)[h-2]; strings.Contains(status, flash) {
				t.Errorf("after the mouse the status bar still says %q: %q", flash, status)
			}
		})
	}
}
