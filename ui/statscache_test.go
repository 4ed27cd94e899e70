package ui

import (
	"context"
	"runtime"
	"slices"
	"testing"
	"weak"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

// TestReopenedPairKeepsItsStats checks the figures of a pair opened again:
// the same as when it was first shown, whether its layout was kept (a
// short pair, a long one), let go (a pair past lazyCellBytes, whose
// layout goes once another such pair is shown), or let go with its
// comparison leaving the comparison cache (a pair whose layout is kept
// is shown from it, see TestEvictedPairReusesItsLayout). The pane counted a pair's stats itself and kept
// those of the last 64 pairs shown, and counted them again for a pair
// whose comparison had left the cache (3 ms for two 700 KB articles,
// on top of comparing them again). A comparison now counts its stats as
// it is made, once (see compare.TestStatsCountedOnce), and the pane only
// reads them.
func TestReopenedPairKeepsItsStats(t *testing.T) {
	for _, size := range []string{"short", "long", "lazy", "uncached"} {
		t.Run(size, func(t *testing.T) {
			c := seed(t)
			arts := c.Articles()
			cache := testCache
			switch size {
			case "long":
				// Laid out off the key, and kept.
				saved := offKeyBytes
				offKeyBytes = 0
				t.Cleanup(func() { offKeyBytes = saved })
			case "lazy":
				// Laid out off the key and wrapped lazily: one such
				// layout is dropped once another pair's is shown.
				everyComparisonLong(t)
			case "uncached":
				// A cache that keeps no pair, and a layout let go.
				cache = analysis.NewCacheBytes(1, analysis.DefaultCacheBytes)
				everyComparisonLong(t)
			}
			m := New(c, cache, Options{Renderer: renderer(termenv.Ascii)})
			m = runCmd(m, m.Init())
			m = send(m, tea.WindowSizeMsg{Width: 160, Height: 45})
			m = send(m, setPairMsg{left: arts[0], right: arts[1]})
			first := m.compare.pane.cmp
			if first == nil {
				t.Fatal("no pair shown")
			}
			want := m.compare.StatusItems()
			m = send(m, setPairMsg{left: arts[0], right: arts[2]})
			if m.compare.pane.cmp == first {
				t.Fatal("the second pair is the first")
			}
			if dropped := !m.compare.pane.keepsLayout(first); dropped != (size == "lazy" || size == "uncached") {
				t.Fatalf("the first pair's layout dropped: %v, the test needs %v", dropped, !dropped)
			}
			_, cached := m.cache.Get(first.Left, first.Right)
			if cached == (size == "uncached") {
				t.Fatalf("the first pair's comparison cached: %v, the test needs %v", cached, size != "uncached")
			}
			m = send(m, setPairMsg{left: arts[0], right: arts[1]})
			p := m.compare.pane
			if reopened := p.cmp == first; reopened == (size == "uncached") {
				t.Fatalf("the first pair reopened is its comparison: %v, the test needs %v", reopened, size != "uncached")
			}
			if got := m.compare.StatusItems(); !slices.Equal(got, want) {
				t.Errorf("figures %q, want %q", got, want)
			}
		})
	}
}

// keepsLayout reports whether the pane keeps a layout of c.
func (p comparePane) keepsLayout(c *compare.Comparison) bool {
	return slices.ContainsFunc(p.layouts, func(l *layout) bool { return l.cmp == c })
}

// TestShownPairsLetGo checks that the pane keeps alive no comparison
// beyond those of the layouts it keeps (maxLayouts), whatever it keeps
// of the pairs shown: a long comparison holds tens of megabytes with its
// articles, and holding it past the bounds of the comparison cache and of
// the layouts kept would let a reader's memory grow with the pairs read.
func TestShownPairsLetGo(t *testing.T) {
	arts := seed(t).Articles()
	m := newModel(t, seed(t), 160, 45)
	p := m.compare.pane
	var ws []weak.Pointer[compare.Comparison]
	for i := range maxLayouts + 10 {
		c, err := compare.Compare(context.Background(), arts[i%2], arts[2+i%3])
		if err != nil {
			t.Fatal(err)
		}
		p.SetComparison(c, pairMarks{}, nil)
		if p.lay == nil || p.lay.cmp != c {
			t.Fatalf("pair %d is not laid out", i)
		}
		ws = append(ws, weak.Make(c))
	}
	runtime.GC()
	alive := 0
	for _, w := range ws {
		if w.Value() != nil {
			alive++
		}
	}
	if alive > maxLayouts {
		t.Errorf("%d of %d comparisons shown are alive, want at most the %d of the layouts kept", alive, len(ws), maxLayouts)
	}
	if p.cmp != ws[len(ws)-1].Value() {
		t.Error("the pair shown is not the last")
	}
}
