package ui

import (
	"strings"
	"testing"
)

// TestHelpExplainsTheParaphraseMarks: inline, a paraphrase shows its two
// passages one after the other, "< " before the left's and "> " before
// the right's, and the help's legend of marks did not say what they are.
func TestHelpExplainsTheParaphraseMarks(t *testing.T) {
	// Swell Digest against Press TV has a paraphrase ("His appeal comes
	// as…" / "Trump's call for recovering the emails came…").
	m := press(newModel(t, seed(t), 160, 45), "]", "v")
	s := screen(m)
	for range 10 {
		if strings.Contains(s, " < ") {
			break
		}
		m = press(m, "pgdown")
		s = screen(m)
	}
	if !strings.Contains(s, " < ") || !strings.Contains(s, " > ") {
		t.Fatalf("no paraphrase drawn inline; the test needs one:\n%s", s)
	}
	help := screen(press(m, "?"))
	for _, l := range strings.Split(help, "\n") {
		if strings.Contains(l, "</>") && strings.Contains(l, "paraphrase") {
			return
		}
	}
	t.Errorf("the help does not explain < and >:\n%s", help)
}
