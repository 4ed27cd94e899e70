package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestLineInputTakesWhatTheTerminalMeasures: a query is drawn in the status
// bar, so what a terminal draws at another width than the reader measures
// (a variation selector, a skin tone, a soft hyphen) is not taken.
func TestLineInputTakesWhatTheTerminalMeasures(t *testing.T) {
	keys := DefaultKeyMap()
	tests := []struct {
		typed []string
		want  string
	}{
		{[]string{"I ", "\u2764\ufe0f", " it"}, "I \u2764 it"},
		{[]string{"\U0001F44D\U0001F3FD"}, "\U0001F44D"},
		{[]string{"news", "\u00ad", "paper"}, "newspaper"},
		{[]string{"\U0001F1EC\U0001F1E7"}, "\U0001F1EC\U0001F1E7"},
		{[]string{"a\x1b[31mb"}, "a[31mb"},
	}
	for _, tt := range tests {
		in := newLineInput()
		for _, s := range tt.typed {
			in, _ = in.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}, &keys)
		}
		if got := in.Value(); got != tt.want {
			t.Errorf("typed %+q: query %+q, want %+q", tt.typed, got, tt.want)
		}
	}
}
