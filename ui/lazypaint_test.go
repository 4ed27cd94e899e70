package ui

import (
	"testing"

	"github.com/muesli/termenv"
)

// TestLazyPaintMatchesEager checks that a layout painting its rows as they
// are shown (a long one, see eagerRows) paints each row as painting them
// all at once does, and keeps no more than maxLazyRows of them.
func TestLazyPaintMatchesEager(t *testing.T) {
	m := newModelOpts(t, seed(t), 160, 45, Options{Renderer: renderer(termenv.TrueColor)})
	m = press(m, "tab", "j", "j", "j", "enter", "j", "enter")
	lay, p := m.compare.pane.lay, m.compare.pane.painter
	if lay == nil || len(lay.rows) < 10 {
		t.Fatal("no comparison is shown")
	}
	eager := append([]string(nil), lay.painted...)
	if lay.lazy != nil || len(eager) != len(lay.rows) {
		t.Fatalf("a layout of %d rows is painted lazily", len(lay.rows))
	}
	lay.painted = make([]string, len(lay.rows))
	lay.lazy, lay.lazyRows = p, 0
	for pass := range 3 {
		for r := range lay.rows {
			if got := lay.paintedRow(r); got != eager[r] {
				t.Fatalf("pass %d: row %d painted lazily %q, want %q", pass, r, got, eager[r])
			}
			if lay.lazyRows > maxLazyRows {
				t.Fatalf("%d rows kept painted, want at most %d", lay.lazyRows, maxLazyRows)
			}
		}
	}
	kept := 0
	for _, s := range lay.painted {
		if s != "" {
			kept++
		}
	}
	if kept != lay.lazyRows || kept == 0 {
		t.Errorf("%d rows painted, counted %d", kept, lay.lazyRows)
	}
}
