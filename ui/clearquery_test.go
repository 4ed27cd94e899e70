package ui

import (
	"strings"
	"testing"
)

// TestHelpLineOffersClearingAnEmptyFilter is a regression test: under a
// filter that let no article through, the list saying "nothing matches",
// the help line at 60 columns offered "/ filter • tab comparison • ? help
// • q quit" and not esc, the key that clears the filter and brings the
// articles back.
func TestHelpLineOffersClearingAnEmptyFilter(t *testing.T) {
	for _, size := range [][2]int{{60, 12}, {60, 20}, {70, 20}, {80, 24}, {160, 45}} {
		m := press(newModel(t, seed(t), size[0], size[1]), "tab", "/", "z", "z", "z", "enter")
		if !strings.Contains(screen(m), "nothing matches") {
			t.Fatalf("%dx%d: the filter zzz let articles through:\n%s", size[0], size[1], screen(m))
		}
		footer := strings.TrimRight(helpBar(m), " ")
		if !strings.Contains(footer, "esc clear filter") || !strings.HasSuffix(footer, "? help • q quit") {
			t.Errorf("%dx%d: help line %q, want esc clear filter, help and quit", size[0], size[1], footer)
		}
		if m = press(m, "esc"); strings.Contains(screen(m), "nothing matches") {
			t.Errorf("%dx%d: esc left the filter on", size[0], size[1])
		}
	}
	// A filter that lets articles through leaves the line as it was: the
	// arrows and enter come first there.
	m := press(newModel(t, seed(t), 60, 20), "tab", "/", "t", "r", "u", "m", "p", "enter")
	if footer := helpBar(m); !strings.Contains(footer, "enter put on the left") {
		t.Errorf("60x20 under a filter that lets articles through: help line %q", footer)
	}
}
