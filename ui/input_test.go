package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

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

// TestQueryLengthCapped pastes 48 KB into a query, as a hostile or careless
// SSH client can: the query keeps maxQuery runes, so a search costs what a
// phrase costs and not what a page does.
func TestQueryLengthCapped(t *testing.T) {
	keys := DefaultKeyMap()
	paste := []rune(strings.Repeat("wörd ", 48<<10/6))
	for _, chunks := range []int{1, 200} { // one bracketed paste, or many reads
		in := newLineInput()
		step := len(paste) / chunks
		for i := 0; i < len(paste); i += step {
			in, _ = in.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: paste[i:min(i+step, len(paste))], Paste: chunks == 1}, &keys)
		}
		if n := utf8.RuneCountInString(in.Value()); n != maxQuery {
			t.Errorf("%d chunks: the query holds %d runes, want %d", chunks, n, maxQuery)
		}
		if _, changed := in.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("x")}, &keys); changed {
			t.Errorf("%d chunks: a full query still took a key", chunks)
		}
	}
}
