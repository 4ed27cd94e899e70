package ui

import "github.com/newsdiff/newsdiff/corpus/compare"

// layoutSize returns how many cells and, about, rows a layout of c in mode
// md with text columns colWidth cells wide will have, and how many of c's
// blocks are changes, so that buildLayout makes each slice once. Grown by
// append instead, a long layout's cells and rows were copied as they grew,
// the old copy and the new one live at once: for two 5 MiB files of
// two-word sentences, 283,000 cells and 567,000 rows, that copying made
// the reader's peak, some 20 MiB over what the layout holds.
//
// The cells are exact: one a side of a side-by-side block (one-sided
// blocks have one), one a block inline. The rows are a guess, a row for
// every colWidth bytes of each block's text, at least one, and a blank
// row between blocks; a guess too low costs one copy as the rows grow.
func layoutSize(c *compare.Comparison, md mode, colWidth int) (cells, rows, changes int) {
	colWidth = max(colWidth, 2)
	lines := func(n int) int { return max((n+colWidth-1)/colWidth, 1) }
	for bi := range c.Blocks {
		blk := &c.Blocks[bi]
		if bi > 0 {
			rows++
		}
		if blockMark(blk) != markNone {
			changes++
		}
		left, right := blk.Left.Len(), blk.Right.Len()
		switch {
		case md == inline:
			cells++
			rows += lines(left + right)
		case blk.Kind == compare.LeftOnly || blk.Kind == compare.RightOnly:
			cells++
			rows += lines(max(left, right))
		default:
			cells += 2
			rows += max(lines(left), lines(right))
		}
	}
	return cells, rows, changes
}
