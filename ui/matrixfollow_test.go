package ui

import (
	"strings"
	"testing"
)

// TestMatrixOpensOnThePairBeingRead: the matrix's cursor stood on the
// story's first two outlets whatever pair was being compared, so after
// comparing Al Jazeera and TRT World, 3 described "Swell Digest →
// Hacked.com". It opens on the pair's cell, row the left; a cursor the
// reader moved stays, until another pair is compared.
func TestMatrixOpensOnThePairBeingRead(t *testing.T) {
	status := func(m Model) string { return screenLines(m)[43] }
	m := newModel(t, seed(t), 160, 45)
	// Al Jazeera on the left, TRT World on the right.
	m = press(m, "tab", "j", "j", "j", "enter", "j", "enter")
	if first := screenLines(m)[0]; !strings.Contains(first, "Al Jazeera") || !strings.Contains(first, "TRT World") {
		t.Fatalf("not Al Jazeera against TRT World: %q", first)
	}
	m = press(m, "3")
	if s := status(m); !strings.Contains(s, "Al Jazeera → TRT World") {
		t.Errorf("the matrix did not open on the pair: %q", s)
	}
	// Moved, the cursor stays where the reader put it.
	m = press(m, "k", "1", "3")
	if s := status(m); !strings.Contains(s, "Press TV → TRT World") {
		t.Errorf("back in the matrix, the cursor left where the reader put it: %q", s)
	}
	// Another pair: the cursor follows.
	m = press(m, "1", "s", "3")
	if s := status(m); !strings.Contains(s, "TRT World → Al Jazeera") {
		t.Errorf("after s, the matrix did not follow the pair: %q", s)
	}
}
