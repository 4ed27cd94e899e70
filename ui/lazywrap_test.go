package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/muesli/termenv"
)

// TestLazyWrapMatchesEager checks that a layout wrapping its cells only as
// they are shown (a long comparison, see lazyCellBytes) has the rows,
// paints each row and finds the search matches as a layout keeping every
// wrapped line does, in both modes, with and without change markers and
// with a starred query, and keeps no more than maxRewrapped cells wrapped.
func TestLazyWrapMatchesEager(t *testing.T) {
	m := newModelOpts(t, seed(t), 160, 45, Options{Renderer: renderer(termenv.TrueColor)})
	m = press(m, "tab", "j", "j", "j", "enter", "j", "enter")
	pane := m.compare.pane
	if pane.lay == nil || len(pane.lay.rows) < 10 {
		t.Fatal("no comparison is shown")
	}
	c, p := pane.lay.cmp, pane.painter
	for _, md := range []mode{sideBySide, inline} {
		for _, markers := range []bool{false, true} {
			for _, star := range []string{"", "the"} {
				eager := buildLayoutStarred(c, 120, md, markers, pane.marks, star)
				saved := lazyCellBytes
				lazyCellBytes = 0
				lazy := buildLayoutStarred(c, 120, md, markers, pane.marks, star)
				lazyCellBytes = saved
				if eager.wrapLazily || !lazy.wrapLazily {
					t.Fatalf("wrapLazily: eager %v, lazy %v", eager.wrapLazily, lazy.wrapLazily)
				}
				if len(lazy.lines) > 2 {
					t.Fatalf("a lazy layout keeps the lines of %d cells, want those of its last block's at most", len(lazy.lines))
				}
				if !slices.Equal(eager.rows, lazy.rows) || !slices.Equal(eager.blockRow, lazy.blockRow) {
					t.Fatalf("mode %v markers %v: the rows differ", md, markers)
				}
				for _, q := range []string{"", "the", "said"} {
					eager.setQuery(q, p)
					lazy.setQuery(q, p)
					if !slices.EqualFunc(eager.hits, lazy.hits, func(a, b hit) bool { return sameHit(eager, lazy, a, b) }) {
						t.Fatalf("mode %v markers %v query %q: hits %v, want %v", md, markers, q, lazy.hits, eager.hits)
					}
					for r := range eager.rows {
						var want, got strings.Builder
						p.row(&want, eager, r, nil)
						p.row(&got, lazy, r, nil)
						if got.String() != want.String() {
							t.Fatalf("mode %v markers %v query %q row %d: painted %q, want %q", md, markers, q, r, got.String(), want.String())
						}
						if len(lazy.rewrapped) > maxRewrapped {
							t.Fatalf("%d cells kept wrapped, want at most %d", len(lazy.rewrapped), maxRewrapped)
						}
					}
					if len(eager.hits) > 0 {
						h := eager.hits[len(eager.hits)/2]
						if got, want := p.paintCurrent(lazy, h), p.paintCurrent(eager, h); got != want {
							t.Fatalf("query %q: current match painted %q, want %q", q, got, want)
						}
					}
				}
			}
		}
	}
}

// sameHit reports whether a, a hit of x, and b, of y, are the same
// match, at the same place.
func sameHit(x, y *layout, a, b hit) bool {
	return a.row == b.row && a.col == b.col && a.cell == b.cell && a.match == b.match &&
		a.nth == b.nth && a.sides == b.sides && slices.Equal(x.spansOf(&a), y.spansOf(&b))
}
