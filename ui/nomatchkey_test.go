package ui

import (
	"strings"
	"testing"
)

// TestNoMatchOffersNoNextMatch is a regression test: a search that found
// nothing left "n next match" on the help line, where n had no match to
// go to. It is offered while there is one, or the search runs; pressed
// with none, n still says that nothing matches.
func TestNoMatchOffersNoNextMatch(t *testing.T) {
	for _, c := range []struct {
		query string
		offer bool
	}{
		{"Russia", true},
		{"zzqx", false},
	} {
		m := press(newModel(t, seed(t), 160, 45), "/")
		m = typeText(m, c.query)
		m = press(m, "enter")
		lines := screenLines(m)
		help := lines[len(lines)-1]
		if got := strings.Contains(help, "n next match"); got != c.offer {
			t.Errorf("/%s: the help line %q offers n: %v, want %v", c.query, help, got, c.offer)
		}
		if !c.offer {
			m = press(m, "n")
			if !strings.Contains(screen(m), `no matches for "zzqx"`) {
				t.Errorf("/%s, n: does not say nothing matches:\n%s", c.query, screen(m))
			}
		}
	}
}
