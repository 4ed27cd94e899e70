package ui

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

// TestSwapIsShownFromTheCache is a regression test: the reader's
// comparison cache kept a pair by its order, so that swapping the sides
// (s) compared the pair again, with a spinner on a long pair, though the
// other order pairs the same passages. The swap is now shown at once, as
// the key is handled, from the comparison at hand mirrored: the same
// blocks, sides swapped; and swapping back shows the first comparison
// again. Each order of each pair of the seed story is tried, on a reader
// of its own.
func TestSwapIsShownFromTheCache(t *testing.T) {
	c := seed(t)
	arts := c.Articles()
	for _, left := range arts {
		for _, right := range arts {
			if left == right {
				continue
			}
			m := New(c, analysis.NewCache(), Options{Renderer: renderer(termenv.Ascii)})
			m = runCmd(m, m.Init())
			m = send(m, tea.WindowSizeMsg{Width: 160, Height: 45})
			m = send(m, setPairMsg{left: left, right: right})
			before := m.compare.pane.cmp
			if before == nil || before.Left != left || before.Right != right {
				t.Fatalf("%s vs %s: not shown", left.Outlet, right.Outlet)
			}
			tm, _ := m.Update(keyMsg("s"))
			m = tm.(Model)
			after := m.compare.pane.cmp
			if after == nil || after.Left != right || after.Right != left {
				t.Errorf("%s vs %s: the swap is not shown as s is handled: it waits for a comparison", left.Outlet, right.Outlet)
				continue
			}
			if d := mirroredBlocks(before, after); d != "" {
				t.Errorf("%s vs %s, swapped: %s", left.Outlet, right.Outlet, d)
			}
			tm, _ = m.Update(keyMsg("s"))
			if back := tm.(Model).compare.pane.cmp; back != before {
				t.Errorf("%s vs %s: swapped back, another comparison is shown", left.Outlet, right.Outlet)
			}
		}
	}
}

// mirroredBlocks describes how the blocks of y are not those of x with
// their sides swapped, in any order, or returns "".
func mirroredBlocks(x, y *compare.Comparison) string {
	type side struct {
		sents corpus.Range
		span  corpus.Span
	}
	type pair struct {
		l, r   side
		paired bool
		ops    int
	}
	count := map[pair]int{}
	for _, b := range x.Blocks {
		count[pair{side{b.RightSentences, b.Right}, side{b.LeftSentences, b.Left}, b.Kind == compare.Aligned || b.Kind == compare.Moved, len(b.Ops)}]++
	}
	for i, b := range y.Blocks {
		p := pair{side{b.LeftSentences, b.Left}, side{b.RightSentences, b.Right}, b.Kind == compare.Aligned || b.Kind == compare.Moved, len(b.Ops)}
		if count[p] == 0 {
			return fmt.Sprintf("block %d is not a block of the other order, mirrored", i)
		}
		count[p]--
	}
	if len(x.Blocks) != len(y.Blocks) {
		return "another number of blocks"
	}
	return ""
}
