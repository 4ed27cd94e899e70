package ui

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus/compare"
)

// TestSwapKeepsPlaceAtMovedPassage is a regression test: s with a moved
// passage at the top of the comparison jumped from row 30 to row 152 of
// 191 (TRT World and Press TV, where a search had stopped): the
// passage was found again by its sentence, and the swapped comparison
// draws a moved passage where its new left article has it, near that
// article's end. Where an article changes column, the passages around a
// moved one find the place.
func TestSwapKeepsPlaceAtMovedPassage(t *testing.T) {
	m := send(newModel(t, seed(t), 160, 45), setPairMsg{left: article(t, "TRT World"), right: article(t, "Press TV")})
	c := m.compare.pane.cmp
	moved := -1
	for bi := range c.Blocks {
		if c.Blocks[bi].Kind == compare.Moved && bi > 0 {
			moved = bi
			break
		}
	}
	if moved < 0 {
		t.Fatal("no moved passage between TRT World and Press TV: the test needs one")
	}
	for range 300 {
		if topBlock(m) >= moved {
			break
		}
		m = press(m, "j")
	}
	if topBlock(m) != moved {
		t.Fatalf("j did not bring the moved passage %d to the top (at %d)", moved, topBlock(m))
	}
	before := m.compare.pane.scroll.top
	m = press(m, "s")
	if m.compare.pane.cmp.Left != article(t, "Press TV") {
		t.Fatal("s did not swap the sides")
	}
	after := m.compare.pane.scroll.top
	if d := after - before; d > 10 || d < -10 {
		t.Errorf("s at row %d went to row %d of %d", before+1, after+1, len(m.compare.pane.lay.rows))
	}
}
