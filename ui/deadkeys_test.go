package ui

import (
	"strings"
	"testing"
)

// helpBar returns the help line under the status bar.
func helpBar(m Model) string {
	ls := screenLines(m)
	return ls[len(ls)-1]
}

// TestHelpOffersOnlyKeysThatAct is a regression test: the help bar
// offered keys that did nothing where they were offered, ↓/j in a pane
// whose rows all fit, n on the passages' last section, enter on the
// matrix's diagonal.
func TestHelpOffersOnlyKeysThatAct(t *testing.T) {
	tests := []struct {
		name    string
		m       Model
		keys    []string
		offered []string
		not     []string
	}{
		{"a comparison that fits", newModel(t, apartCorpus(t), 100, 30), nil,
			[]string{"/ search"}, []string{"↓/j", "↑/k"}},
		{"a comparison that does not fit", newModel(t, seed(t), 100, 30), nil,
			[]string{"↓/j down", "↑/k up"}, nil},
		{"the passages' first section", newModel(t, seed(t), 100, 30), []string{"4"},
			[]string{"n next section", "↓/j down"}, nil},
		{"the passages' last section", newModel(t, seed(t), 100, 30), []string{"4", "G"},
			[]string{"↓/j down"}, []string{"n next section"}},
		{"the matrix's diagonal", newModel(t, seed(t), 100, 30), []string{"3", "h"},
			nil, []string{"enter"}},
		{"a cell of the matrix", newModel(t, seed(t), 100, 30), []string{"3"},
			[]string{"enter open side by side"}, nil},
	}
	for _, tt := range tests {
		m := press(tt.m, tt.keys...)
		help := helpBar(m)
		for _, want := range tt.offered {
			if !strings.Contains(help, want) {
				t.Errorf("%s: the help does not offer %q: %q", tt.name, want, help)
			}
		}
		for _, dead := range tt.not {
			if strings.Contains(help, dead) {
				t.Errorf("%s: the help offers %q, which does nothing there: %q", tt.name, dead, help)
			}
		}
	}
}

// TestKeysOffSayWhy: a key the help no longer offers because it would do
// nothing there says why when pressed, as it did while it was offered.
func TestKeysOffSayWhy(t *testing.T) {
	tests := []struct {
		keys []string
		want string
	}{
		{[]string{"3", "h", "enter"}, "move off the diagonal"},
		{[]string{"4", "G", "n"}, "the last section"},
		{[]string{"4", "N"}, "the first section"},
	}
	for _, tt := range tests {
		m := press(newModel(t, seed(t), 100, 30), tt.keys...)
		if !strings.Contains(m.flash, tt.want) {
			t.Errorf("after %q: flash %q, want it to say %q", tt.keys, m.flash, tt.want)
		}
	}
}
