package ui

import (
	"runtime"
	"testing"
	"unsafe"
)

// TestLongLayoutHoldsLittlePerBlock bounds what the layout of a long
// comparison holds per block, before any search: the reader on two 5 MiB
// files of two-word sentences (283,000 blocks) must fit 256 MiB with the
// articles and their comparison (issue 13, item 1). It held 244 bytes a
// block, with cells of 96 bytes that kept a search's state and a nil
// slice of lines, cells and rows grown by append, and the first cell of
// each block kept apart; it holds 144.
// Its cells and rows are made once, at the size they end at.
func TestLongLayoutHoldsLittlePerBlock(t *testing.T) {
	c := longPair(t)
	if got := unsafe.Sizeof(cell{}); got > 32 {
		t.Errorf("a cell takes %d bytes, want at most 32", got)
	}
	const maxPerBlock = 160
	before := liveHeap()
	lay := buildLayout(c, 160, sideBySide, false, pairMarks{})
	grown := int64(liveHeap()) - int64(before)
	if !lay.wrapLazily {
		t.Fatal("the layout of two 1 MiB articles does not wrap lazily")
	}
	if got := float64(grown) / float64(len(c.Blocks)); got > maxPerBlock {
		t.Errorf("a layout of %d blocks holds %.0f bytes a block, want at most %d", len(c.Blocks), got, maxPerBlock)
	} else {
		t.Logf("%.0f bytes a block", got)
	}
	if cap(lay.cells) != len(lay.cells) || cap(lay.rows) != len(lay.rows) {
		t.Errorf("cells %d of capacity %d, rows %d of capacity %d: want them made at their size", len(lay.cells), cap(lay.cells), len(lay.rows), cap(lay.rows))
	}
	runtime.KeepAlive(lay)
}
