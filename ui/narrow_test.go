package ui

import (
	"strings"
	"testing"
)

// TestMatrixDescriptionAt60Columns is a regression test: at 60×12 the
// sentence under the matrix was cut to "… 21% word for word (7…", losing
// the figure it ended on, and the diagonal's to "… to pick a…".
func TestMatrixDescriptionAt60Columns(t *testing.T) {
	tests := []struct {
		keys []string
		want []string
	}{
		{[]string{"3"}, []string{"Swell Digest → Hacked.com: 25%", "21% word for word (70 words)."}},
		{[]string{"3", "h"}, []string{"Swell Digest against itself", "move off the diagonal to pick", "a pair"}},
	}
	for _, tt := range tests {
		m := press(newModel(t, seed(t), 60, 12), tt.keys...)
		s := screen(m)
		for _, want := range tt.want {
			if !strings.Contains(s, want) {
				t.Errorf("after %q: no %q on screen:\n%s", tt.keys, want, s)
			}
		}
	}
}

// TestStatusMessagesAt60Columns is a regression test: at 60 columns what
// the last key did was cut beside the position ("an article against
// itself: mov…"), and lost what it asked the reader to do.
func TestStatusMessagesAt60Columns(t *testing.T) {
	for _, keys := range [][]string{
		{"3", "h", "enter"},       // the matrix's diagonal
		{"tab", "enter"},          // the left side picked
		{"tab", "enter", "esc"},   // the right side kept
		{"tab", "enter", "enter"}, // the left side picked again
		{"4", "G", "n"},           // the last section
	} {
		m := press(newModel(t, seed(t), 60, 12), keys...)
		if m.flash == "" {
			t.Fatalf("after %q: no message", keys)
		}
		if status := screenLines(m)[10]; !strings.Contains(status, m.flash) {
			t.Errorf("after %q: the status bar %q cuts the message %q", keys, status, m.flash)
		}
	}
}
