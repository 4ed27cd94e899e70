package ui

import (
	"strings"
	"testing"
)

// TestQuoteWordingsSayHowBack checks that, below 100 columns, the one-line
// help of a quote's wordings (opened with enter) says that esc goes back
// to the list: the long "enter open the top wording in comparison" hint
// pushed it out, so the screen gave no way back at 60 or 90 columns.
func TestQuoteWordingsSayHowBack(t *testing.T) {
	for _, width := range []int{60, 80, 90, 99} {
		m := newModel(t, seed(t), width, 24)
		m = press(m, "2")
		if !quotesOf(m).Ready() {
			t.Fatalf("width %d: the quotes page has no analysis", width)
		}
		m = press(m, "enter")
		lines := screenLines(m)
		footer := strings.TrimRight(lines[len(lines)-1], " ")
		if !strings.Contains(footer, "esc back") || !strings.HasSuffix(footer, "? help • q quit") {
			t.Errorf("width %d: the wordings' help line %q does not say esc goes back", width, footer)
		}
		m = press(m, "esc")
		if quotesOf(m).focusDetail {
			t.Errorf("width %d: esc did not go back to the list", width)
		}
	}
}
