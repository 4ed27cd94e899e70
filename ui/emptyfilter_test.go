package ui

import (
	"strings"
	"testing"
)

// TestEmptyFilterOffersNoPick: a filter that lets no article through
// leaves nothing for enter to put on a side, and the help line does not
// offer it; enter says why. It offered "enter put on the left", which
// then answered "no article here".
func TestEmptyFilterOffersNoPick(t *testing.T) {
	for _, width := range []int{160, 80} {
		m := newModel(t, seed(t), width, 30)
		m = press(m, "tab")
		if footer := screenLines(m)[29]; !strings.Contains(footer, "enter put on the left") {
			t.Fatalf("the list's help line lacks enter before the filter: %q", footer)
		}
		m = press(m, "/")
		m = typeText(m, "zzzq")
		m = press(m, "enter")
		if footer := screenLines(m)[29]; strings.Contains(footer, "enter ") {
			t.Errorf("at %d columns, the help line offers enter beside an empty list: %q", width, footer)
		}
		left, right := m.left, m.right
		m = press(m, "enter")
		if status := screenLines(m)[28]; !strings.Contains(status, "no article") || !strings.Contains(status, "filter") {
			t.Errorf("at %d columns, enter beside an empty list says %q", width, status)
		}
		if m.left != left || m.right != right || m.compare.Picking() {
			t.Errorf("at %d columns, enter beside an empty list changed the pair", width)
		}
	}
}
