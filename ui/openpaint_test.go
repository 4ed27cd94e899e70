package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus/analysis"
)

// TestOpeningAPairPaintsOnlyWhatIsShown is a regression test: once the
// layout made off the UI goroutine came, the message that brought it
// painted every row of it, and where the layout wraps its cells lazily,
// wrapped every cell again to do so: 100 ms on the UI goroutine for two
// 100,000-word articles. Two 10,000-word articles were not made off it
// at all: they were laid out and painted when their comparison came, 20
// to 45 ms. Such a pair is now laid out by a command, as a long one is,
// and a layout of more rows than a few screens, or one that wraps
// lazily, paints the rows as they are shown.
func TestOpeningAPairPaintsOnlyWhatIsShown(t *testing.T) {
	const width, height = 160, 45
	for _, tc := range []struct {
		name string
		load func(t *testing.T) Model
	}{
		{"two articles of 40 KB", func(t *testing.T) Model {
			c := pairCorpus(t, "mid", string(shortSentences(5, 40<<10)), string(shortSentences(6, 40<<10)))
			return New(c, analysis.NewCache(), Options{Renderer: renderer(termenv.TrueColor)})
		}},
		{"the sample, wrapped lazily", func(t *testing.T) Model {
			everyComparisonLong(t)
			return New(seed(t), analysis.NewCache(), Options{Renderer: renderer(termenv.TrueColor)})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := tc.load(t)
			m, _ = updateHolding(t, m, teaSize(width, height))
			m, held := holdingCompared(m, m.Init())
			if len(held) != 1 || held[0].c == nil {
				t.Fatalf("%d comparisons started, want 1", len(held))
			}
			// The comparison comes: it is laid out by a command, not on
			// the message.
			m, held = updateHolding(t, m, held[0])
			if p := m.compare.pane; p.lay != nil || !m.pending.active() || len(held) != 1 {
				t.Fatalf("laid out on the message that brought the comparison (under way %v, %d held)", m.pending.active(), len(held))
			}
			m, _ = updateHolding(t, m, held[0])
			lay := m.compare.pane.lay
			if lay == nil || lay.cmp != held[0].c {
				t.Fatal("not shown once laid out")
			}
			painted := func() int {
				n := 0
				for _, r := range lay.painted {
					if r != "" {
						n++
					}
				}
				return n
			}
			if n := painted(); n > 0 {
				t.Errorf("%d of %d rows painted before the reader is drawn", n, len(lay.rows))
			}
			_ = m.View()
			if n := painted(); n == 0 || n > height {
				t.Errorf("%d of %d rows painted to draw a screen of %d", n, len(lay.rows), height)
			}
		})
	}
}

// teaSize is the message of a terminal width×height.
func teaSize(width, height int) tea.WindowSizeMsg {
	return tea.WindowSizeMsg{Width: width, Height: height}
}
