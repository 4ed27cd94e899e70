package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// TestShadeGoesByThePrintedShare checks that a cell is shaded by the share
// it prints: TRT World's 19.6% of Swell Digest read "20%" but was shaded
// as under 20%, against the legend's "20%+".
func TestShadeGoesByThePrintedShare(t *testing.T) {
	for _, tt := range []struct {
		share float64
		want  int
	}{
		{0, 0}, {0.194, 0}, {0.196, 1}, {0.2, 1}, {0.3949, 1}, {0.3951, 2},
		{0.6, 3}, {0.7951, 4}, {1, 4}, {-0.1, 0}, {1.2, 4},
	} {
		if got := shadeLevel(tt.share); got != tt.want {
			t.Errorf("shadeLevel(%v) = %d (the cell reads %d%%), want %d", tt.share, got, percent(tt.share), tt.want)
		}
	}
}

// TestDiagonalUnshadedUnderTheCursor is a regression test: without colour,
// the diagonal's cells (an outlet against itself) show no shade glyph,
// but the cursor's cell did, so that moving onto the diagonal drew a █
// that moving off took away again.
func TestDiagonalUnshadedUnderTheCursor(t *testing.T) {
	// As with TERM=dumb or NO_COLOR: glyphs for the shades, and the
	// cursor's cell in brackets.
	m := newModelOpts(t, seed(t), 160, 45, Options{Renderer: renderer(termenv.Ascii)})
	m = press(m, "3")
	p := matrixOf(m)
	if p.n() < 2 {
		t.Fatalf("a matrix of %d outlets", p.n())
	}
	for _, keys := range [][]string{nil, {"h"}} {
		m = press(m, keys...)
		p = matrixOf(m)
		// Every diagonal cell as drawn, with the cursor on it or not.
		for i := range p.n() {
			for _, cursor := range []bool{false, true} {
				if cell := ansi.Strip(p.cellAs(i, i, cellFull, 14, cursor)); strings.ContainsAny(cell, "░▒▓█") {
					t.Errorf("after %q: cell (%d, %d), cursor %v, is shaded: %q", keys, i, i, cursor, cell)
				}
			}
		}
		// And the screen: no row draws a shade where the diagonal is.
		for _, l := range screenLines(m) {
			if strings.Contains(l, "[█") || strings.Contains(l, "[▓") {
				t.Errorf("after %q: the cursor's cell is shaded on the diagonal: %q", keys, l)
			}
		}
	}
}
