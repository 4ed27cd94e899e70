package ui

import (
	"strings"
	"testing"
)

// TestQuotesTabSaysWhereItGoes is a regression test: the quotes' help line
// said "tab list / wordings" whatever the width, where the comparison's
// says "tab switch pane" beside both panes and, where one pane is shown
// alone, names the one tab goes to ("tab articles"). Alone on a quote's
// wordings at 60 columns, the long hint and esc left no room for ↓/j,
// though the wordings scroll.
func TestQuotesTabSaysWhereItGoes(t *testing.T) {
	for _, tt := range []struct {
		size      [2]int
		keys      []string
		want, not string
	}{
		{[2]int{160, 45}, []string{"2"}, "tab switch pane", "tab list"},
		{[2]int{100, 30}, []string{"2", "enter"}, "tab switch pane", "tab list"},
		{[2]int{80, 24}, []string{"2"}, "tab wordings", "tab list"},
		{[2]int{80, 24}, []string{"2", "enter"}, "tab list", "tab list /"},
		{[2]int{80, 24}, []string{"2", "tab"}, "tab list", "tab list /"},
		{[2]int{60, 20}, []string{"2", "enter"}, "↓/j down", "tab list /"},
		// The comparison, for the likeness.
		{[2]int{80, 24}, []string{"1"}, "tab articles", ""},
		{[2]int{160, 45}, []string{"1"}, "tab switch pane", ""},
	} {
		m := press(newModel(t, seed(t), tt.size[0], tt.size[1]), tt.keys...)
		footer := helpBar(m)
		if !strings.Contains(footer, tt.want) || tt.not != "" && strings.Contains(footer, tt.not) {
			t.Errorf("%dx%d after %q: help line %q, want %q and not %q", tt.size[0], tt.size[1], tt.keys, footer, tt.want, tt.not)
		}
	}
}
