package ui

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/charmbracelet/lipgloss"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// mode is how the comparison pane lays a comparison out.
type mode int

const (
	sideBySide mode = iota // two columns, corresponding passages level
	inline                 // one column, each passage as a word diff
)

func (m mode) String() string {
	if m == inline {
		return "inline"
	}
	return "side by side"
}

// mark is what the gutter shows beside the first row of a block (beside
// every row of a one-sided block in inline mode, where there is no empty
// column to say which side it is on).
type mark uint8

const (
	markNone    mark = iota
	markChanged      // an aligned passage with changes
	markMoved        // a passage paired out of order
	markLeft         // only in the left article
	markRight        // only in the right article
	numMarks
)

var markGlyphs = [numMarks]string{" ", "~", "↕", "-", "+"}

// rowMark is what the gutter's third cell shows beside a row: whether its
// text (on either side) holds wire copy, or a fact that other outlets give
// differently. A fact outranks wire copy: it is rarer and says more.
type rowMark uint8

const (
	rowMarkNone rowMark = iota
	rowMarkWire         // words three or more outlets print word for word
	rowMarkFact         // a fact other outlets give differently
	numRowMarks
)

var rowMarkGlyphs = [numRowMarks]string{" ", "≡", "≠"}

// rowMarkOf returns the mark for a row whose lines carry flags.
func rowMarkOf(flags class) rowMark {
	switch {
	case flags&(clsFact|clsDisputed) != 0:
		return rowMarkFact
	case flags&clsWire != 0:
		return rowMarkWire
	}
	return rowMarkNone
}

// The comparison pane's columns: a gutter (current-position mark, block
// mark, row mark, space), then one column of text or two with a separator
// between.
const (
	gutterWidth = 4
	colSep      = " │ "
	colSepWidth = 3
)

// Column references in a row.
const (
	noCell    = -1 // nothing: a blank separator row
	emptyCell = -2 // the dimmed cell facing a one-sided passage
)

// cell is one side of one block: its searchable text (the displayed text
// of its fragments, concatenated); its wrapped lines are the layout's (see
// layout.lines). A layout of two 5 MiB files of two-word sentences has
// 283,000 cells, so what only a search needs is kept apart (see
// layout.found), a lazily wrapped layout keeps no lines, and the indexes
// are 32 bits wide: 32 bytes a cell rather than 96.
type cell struct {
	text  string
	row   int32 // the row of its first line
	block int32 // the block it shows one side of
	col   uint8 // 0 for the left (or only) column, 1 for the right
}

// colRef says what one column of a row shows: a line of a cell, padding
// below a shorter cell (line -1), or noCell/emptyCell.
// Its fields are 32 bits wide: a layout of two 5 MiB articles has over
// half a million rows.
type colRef struct {
	cell, line int32
}

// row is one screen row of a laid-out comparison.
type row struct {
	block   int32
	mark    mark
	rowMark rowMark
	cols    [2]colRef
}

// hit is a search match's position: the row and column its first
// character is drawn in, the cell, the match's number among the cell's,
// and where the spans of the cell's text it is drawn in are (see
// sideMatch and layout.hitSpans). sides says whose text holds it: the
// left article's, the right's, or both's (a run they have in common,
// shown once inline); nth is its number in the count, which counts it
// once for each (see comparePane.SearchStatus).
//
// A search keeps up to maxMatches hits: they hold no pointer, and their
// fields are as narrow as the layout's (see cell and colRef), so that a
// hit takes 24 bytes rather than 72 and the collector need not scan them.
type hit struct {
	row, cell  int32
	match, nth int32
	// spansAt and spansN say where the match's spans are: with spansN 0,
	// the one span found[cell][spansAt] of those drawn, as most matches
	// are; otherwise the spansN spans from spansAt in the layout's
	// hitSpans. A match is drawn in no more spans than its query has
	// runes, maxQuery at most.
	spansAt int32
	spansN  uint16
	col     uint8
	sides   sides
}

// A hit's spansN holds as many spans as a query has runes.
const _ = uint16(maxQuery)

// sides is a set of the two articles: whose text a match is in.
type sides uint8

const (
	sideLeft sides = 1 << iota
	sideRight
	bothSides = sideLeft | sideRight
)

// count is how many articles s holds.
func (s sides) count() int { return int(s&sideLeft) + int(s&sideRight)>>1 }

// layout is a comparison wrapped to one width in one mode: the rows, and
// the maps between rows and blocks that scrolling, n/N, search and keeping
// one's place across a resize need. Layouts are cached by the comparison
// pane; a layout's rows are painted once per search query.
type layout struct {
	cmp      *compare.Comparison
	marks    pairMarks
	mode     mode
	markers  bool
	width    int // the pane's width
	colWidth int
	cells    []cell
	// lines holds the wrapped lines of the cells from linesFrom on, by
	// index less linesFrom: of every cell (linesFrom 0), or in a layout
	// that wraps lazily of the block being built.
	lines     [][]line
	linesFrom int
	rows      []row
	blockRow  []int // the first row of each block
	changes   []int // the blocks with a change, for n/N

	query string
	// found holds the spans the search's matches are drawn in, sorted and
	// disjoint, by cell index: only the cells with a match. matchesCut
	// says the search stopped at maxMatches.
	found      map[int][]span
	counts     [2]int // the matches in each article's text (see hit.sides)
	matchesCut bool
	painted    []string // rows, styled, without the gutter (see paintedRow)
	// lazy, when set, paints the rows of a long layout as they are shown
	// (see paint); lazyRows counts those painted since the last clear.
	lazy     *painter
	lazyRows int
	hits     []hit
	// hitSpans holds the spans of the hits not drawn in one span of
	// found (see hit.spansAt).
	hitSpans []span
	// sideRuns are the runs of the mixed inline cells' text (see
	// cellSides) that are one article's text alone, or neither's, in
	// cell order: whose text each part of a cell is, for search (see
	// cellMatches), which the wrapped lines do not wholly say (a run of
	// spaces is one space there, or none at the end of a line), and which
	// building the cell again to know took longer than the search. 16
	// bytes a change, or a passage shown apart.
	sideRuns []sideRun
	// star is the folded query the layout was built with starred, kept to
	// wrap its cells again (see cellLines).
	star []rune
	// wrapLazily, set on a long comparison (see lazyCellBytes), drops each
	// cell's lines once its rows are made and wraps them again when they
	// are shown or searched; rewrapped holds those wrapped since the last
	// clear, by cell.
	wrapLazily bool
	rewrapped  map[int][]line
	// searches counts the searches run (each repaints every row), and
	// searched the cells they looked at, for the tests that a long query
	// costs what its growth costs.
	searches, searched int
	// starredApart counts the cells whose starred matches were looked for
	// in each article's text apart (see starSpans), for the test that
	// side by side a cell's text is searched once.
	starredApart int
}

// layoutKey identifies a layout. The styles are the pane's and never
// change, so the theme needs no place in the key; the marks do, as they
// arrive with the story's analysis, after the first layout.
type layoutKey struct {
	cmp   *compare.Comparison
	marks pairMarks
	width int
	mode  mode
}

// key is the layoutKey lay was made for.
func (lay *layout) key() layoutKey { return layoutKey{lay.cmp, lay.marks, lay.width, lay.mode} }

// colWidths returns the text column width for a pane width and mode.
func colWidths(width int, md mode) int {
	if md == inline {
		return max(width-gutterWidth, 2)
	}
	return max((width-gutterWidth-colSepWidth)/2, 2)
}

// buildLayout wraps c to a pane width cells wide. With markers, changed
// text is also bracketed wdiff-style ([-deleted-] {+inserted+}) so that it
// reads without colour or attributes. Marks, where the story's analysis
// has given them, flag wire copy and facts that outlets give differently.
func buildLayout(c *compare.Comparison, width int, md mode, markers bool, marks pairMarks) *layout {
	return buildLayoutStarred(c, width, md, markers, marks, "")
}

// buildLayoutStarred is buildLayout with the matches of the search query
// q starred, *like this*: what marks them where the terminal shows no
// attributes (see layout.setQuery).
func buildLayoutStarred(c *compare.Comparison, width int, md mode, markers bool, marks pairMarks, q string) *layout {
	return buildLayoutUnless(c, width, md, markers, marks, q, nil)
}

// stopEvery is how many blocks buildLayoutUnless lays out between asking
// whether the layout is still wanted: a millisecond or so of work.
const stopEvery = 256

// buildLayoutUnless is buildLayoutStarred, made off the UI goroutine: it
// gives up, and returns nil, once stop (when not nil) reports that the
// layout is no longer wanted. A terminal resized by dragging its edge
// sends a size after size, and each started a layout of its own.
func buildLayoutUnless(c *compare.Comparison, width int, md mode, markers bool, marks pairMarks, q string, stop func() bool) *layout {
	lay := &layout{cmp: c, marks: marks, mode: md, markers: markers, width: width, colWidth: colWidths(width, md), star: foldQuery(q)}
	lay.wrapLazily = longComparison(c)
	b := &layoutBuilder{lay: lay, markers: markers, star: lay.star, keepSides: true}
	cells, rows, changes := layoutSize(c, md, lay.colWidth)
	lay.cells = make([]cell, 0, cells)
	if !lay.wrapLazily {
		lay.lines = make([][]line, 0, cells)
	}
	lay.rows = make([]row, 0, rows)
	lay.changes = make([]int, 0, changes)
	lay.blockRow = make([]int, len(c.Blocks))
	for bi := range c.Blocks {
		if stop != nil && bi%stopEvery == stopEvery-1 && stop() {
			return nil
		}
		blk := &c.Blocks[bi]
		if bi > 0 {
			lay.rows = append(lay.rows, row{block: int32(bi - 1), cols: [2]colRef{{noCell, 0}, {noCell, 0}}})
		}
		lay.blockRow[bi] = len(lay.rows)
		mk := blockMark(blk)
		if mk != markNone {
			lay.changes = append(lay.changes, bi)
		}
		b.block(bi, blk, mk)
		if lay.wrapLazily {
			clear(lay.lines)
			lay.lines, lay.linesFrom = lay.lines[:0], len(lay.cells)
		}
	}
	return lay
}

// lazyCellBytes is the size of a comparison's two articles past which its
// layout keeps no wrapped lines but those shown (see cellLines). A line's
// fragments are 40 bytes each, one for every change and every word that
// differs: two 5 MiB files of two-word sentences held 311 MB of them, for
// the 50 rows on screen. A news article is a few tens of kilobytes. A
// variable for the tests that compare a lazy layout with an eager one.
var lazyCellBytes = 1 << 20

// longComparison reports whether c is long enough for its layout to wrap
// lazily (and so to be made off the UI goroutine, see offTheKey).
func longComparison(c *compare.Comparison) bool {
	return len(c.Left.Raw)+len(c.Right.Raw) > lazyCellBytes
}

// offKeyBytes is the size of a comparison's two articles past which it
// is laid out, laid out again and searched off the UI goroutine, by
// commands, as a long one is. Two 10,000-word articles, 130 KB, took 20
// to 45 ms to lay out on the message that brought their comparison, and
// as long again on a resize, a switch of mode or the story's analysis;
// a news article is a few kilobytes, and a pair under this is laid out
// in a few milliseconds.
var offKeyBytes = 16 << 10

// offTheKey reports whether c is laid out off the UI goroutine: past
// offKeyBytes, and whenever it wraps lazily. The comparison pane calls
// such a comparison long.
func offTheKey(c *compare.Comparison) bool {
	n := len(c.Left.Raw) + len(c.Right.Raw)
	return n > offKeyBytes || n > lazyCellBytes
}

// maxRewrapped is the most cells a lazily wrapped layout keeps wrapped;
// past it they are dropped all at once, as painted rows are.
const maxRewrapped = 2_048

// block adds the cells and rows of block bi.
func (b *layoutBuilder) block(bi int, blk *compare.Block, mk mark) {
	b.curBlock = bi
	if b.lay.mode == inline {
		b.inlineBlock(bi, blk, mk)
	} else {
		b.sideBySideBlock(bi, blk, mk)
	}
}

// cellLines returns the wrapped lines of cell ci, wrapping its block again
// when the layout wraps lazily. A block's cells depend on the block alone
// (and the layout's width, mode, marks and starred query), so wrapping it
// again gives the lines it had when its rows were made.
func (lay *layout) cellLines(ci int) []line {
	if !lay.wrapLazily {
		return lay.lines[ci]
	}
	if ls, ok := lay.rewrapped[ci]; ok {
		return ls
	}
	if lay.rewrapped == nil || len(lay.rewrapped) >= maxRewrapped {
		lay.rewrapped = make(map[int][]line)
	}
	for k, ls := range lay.wrapBlockOf(ci) {
		lay.rewrapped[k] = ls
	}
	return lay.rewrapped[ci]
}

// wrapBlockOf wraps again the cells of the block that cell ci shows, and
// returns their lines by cell index. It reads only what a layout never
// changes once built, so a search may call it on any goroutine.
func (lay *layout) wrapBlockOf(ci int) map[int][]line {
	first, lines, _ := lay.buildBlockOf(ci, true, false)
	out := make(map[int][]line, len(lines))
	for k, ls := range lines {
		out[first+k] = ls
	}
	return out
}

// buildBlockOf builds again the block that cell ci shows, and returns
// the index of its first cell and, for each of its cells, with wrap their
// wrapped lines, and with frags their fragments before wrapping. It reads
// only what a layout never changes once built, so a search may call it on
// any goroutine.
func (lay *layout) buildBlockOf(ci int, wrap, frags bool) (first int, lines [][]line, kept [][]frag) {
	bi := int(lay.cells[ci].block)
	// A block has a cell or two, in order: its first is ci or the one
	// before.
	first = ci
	if first > 0 && lay.cells[first-1].block == lay.cells[ci].block {
		first--
	}
	scratch := &layout{cmp: lay.cmp, marks: lay.marks, mode: lay.mode, markers: lay.markers, width: lay.width, colWidth: lay.colWidth}
	b := &layoutBuilder{lay: scratch, markers: lay.markers, star: lay.star, noWrap: !wrap, keepFrags: frags}
	blk := &lay.cmp.Blocks[bi]
	b.block(bi, blk, blockMark(blk))
	return first, scratch.lines, b.kept
}

// built returns the wrapped lines of cell ci, which the layout holds: a
// cell of the block being built, or any cell of a layout that does not
// wrap lazily.
func (lay *layout) built(ci int) []line { return lay.lines[ci-lay.linesFrom] }

// blockMark returns the gutter mark of blk. Headings, captions and
// boilerplate on one side only are not worth a mark (nor a stop for n/N).
func blockMark(blk *compare.Block) mark {
	switch blk.Kind {
	case compare.Moved:
		return markMoved
	case compare.LeftOnly:
		if blk.Role == corpus.RoleProse {
			return markLeft
		}
	case compare.RightOnly:
		if blk.Role == corpus.RoleProse {
			return markRight
		}
	default:
		for _, op := range blk.Ops {
			if op.Kind != compare.OpEqual {
				return markChanged
			}
		}
	}
	return markNone
}

// layoutBuilder turns blocks into cells and rows.
type layoutBuilder struct {
	lay     *layout
	markers bool
	star    []rune // a folded search query whose matches are starred
	text    strings.Builder
	frags   []frag
	notes   []string // above the passage: "moved; partner at ¶7"
	after   []string // below it: facts other outlets give differently
	pcs     []piece
	// curBlock is the block whose cells are being built.
	curBlock int
	// side is clsLeftText or clsRightText while the text added is one
	// article's alone, and 0 while it is both's.
	side class
	// noWrap, set on a builder that only tells a cell's fragments, wraps
	// no lines; keepFrags keeps each cell's fragments, unwrapped, in kept
	// (see layout.buildBlockOf).
	noWrap, keepFrags bool
	kept              [][]frag
	// keepSides records in the layout whose text each part of its mixed
	// inline cells' text is (see layout.sideRuns): not when a block is
	// built again.
	keepSides bool
	// runs holds the side runs of the mixed cell being starred, where
	// the layout keeps none.
	runs []sideRun
}

func (b *layoutBuilder) sideBySideBlock(bi int, blk *compare.Block, mk mark) {
	c := b.lay.cmp
	left, right := emptyCell, emptyCell
	if blk.Kind != compare.RightOnly {
		left = b.sideCell(blk, c.Left, c.Right, 0)
	}
	if blk.Kind != compare.LeftOnly {
		right = b.sideCell(blk, c.Right, c.Left, 1)
	}
	n := max(b.height(left), b.height(right))
	first := len(b.lay.rows)
	for i := range n {
		cols := [2]colRef{b.ref(left, i), b.ref(right, i)}
		b.lay.rows = append(b.lay.rows, row{block: int32(bi), cols: cols, rowMark: rowMarkOf(b.flags(cols[0]) | b.flags(cols[1]))})
	}
	if first < len(b.lay.rows) {
		b.lay.rows[first].mark = mk
	}
}

func (b *layoutBuilder) inlineBlock(bi int, blk *compare.Block, mk mark) {
	ci := b.inlineCell(bi, blk)
	first := len(b.lay.rows)
	for i := range b.height(ci) {
		ref := b.ref(ci, i)
		r := row{block: int32(bi), cols: [2]colRef{ref, {noCell, 0}}, rowMark: rowMarkOf(b.flags(ref))}
		if mk == markLeft || mk == markRight || i == 0 {
			r.mark = mk
		}
		b.lay.rows = append(b.lay.rows, r)
	}
	if first < len(b.lay.rows) {
		b.lay.rows[first].mark = mk
	}
}

func (b *layoutBuilder) height(ci int) int {
	if ci < 0 {
		return 1
	}
	return len(b.lay.built(ci))
}

// flags returns the wire and fact flags of the line ref shows.
func (b *layoutBuilder) flags(ref colRef) class {
	if ref.cell < 0 || ref.line < 0 {
		return 0
	}
	return b.lay.built(int(ref.cell))[ref.line].flags
}

func (b *layoutBuilder) ref(ci, i int) colRef {
	switch {
	case ci < 0:
		return colRef{int32(ci), 0}
	case i < len(b.lay.built(ci)):
		return colRef{int32(ci), int32(i)}
	}
	return colRef{int32(ci), -1}
}

// roleFlags returns the class flags for a block's role: titles bold,
// headings, captions and boilerplate dimmed.
func roleFlags(r corpus.Role) class {
	switch r {
	case corpus.RoleProse:
		return 0
	case corpus.RoleTitle:
		return clsTitle
	}
	return clsDim
}

// sideCell builds the cell for one side of blk: a is that side's article,
// other the other side's; side is 0 for left, 1 for right.
func (b *layoutBuilder) sideCell(blk *compare.Block, a, other *corpus.Article, side int) int {
	flags := roleFlags(blk.Role)
	b.side = sideText(side)
	if blk.Kind == compare.Moved {
		// The number is the partner's place on the other side: the
		// passage's own place is in its own column already, and a bare
		// "¶15" beside it reads as that.
		b.notes = append(b.notes, fmt.Sprintf("moved; partner at ¶%d", other.ParagraphOf(sentences(blk, 1-side))))
	}
	b.repeatNote(blk, a, side, "")
	if left, ok := b.lay.cmp.SplitSide(*blk); ok && left == (side == 0) {
		// One sentence, two partners: the note sits on the split side.
		b.notes = append(b.notes, b.lay.cmp.SplitNote(*blk))
	}
	am := b.lay.marks.side(side)
	switch blk.Kind {
	case compare.Aligned, compare.Moved:
		if ShownApart(blk) {
			sw := analysis.Shared(b.lay.cmp, *blk)
			if side == 0 {
				b.paraphraseSide(a, am, blk.Left, sw.Left, sw.LeftDiffer, flags)
			} else {
				b.paraphraseSide(a, am, blk.Right, sw.Right, sw.RightDiffer, flags)
			}
			break
		}
		for _, op := range blk.Ops {
			switch {
			case op.Kind == compare.OpEqual:
				b.addSpan(a, am, opSpan(op, side), clsEqual|flags)
			case op.Kind == compare.OpDelete && side == 0:
				open, close := opBrackets(op)
				b.changed(b.pieces(a, am, op.Left), opClass(op)|flags, open, close, false)
			case op.Kind == compare.OpInsert && side == 1:
				open, close := opBrackets(op)
				b.changed(b.pieces(a, am, op.Right), opClass(op)|flags, open, close, false)
			}
		}
	default:
		b.addSpan(a, am, blockSpan(blk, side), clsEqual|flags)
	}
	return b.finish(side)
}

// movedNote is the note over a moved passage inline, where one column
// shows it once: its place in each article, "moved: ¶9 in Al Jazeera, ¶12
// in TRT World". Where the places have one number the note says so, and
// which way the right article has the passage from where the column,
// in the left article's order, shows it: "moved: ¶9 in both, further down
// in TRT World" (it read "¶9 in Al Jazeera, ¶9 in TRT World", which looked
// like no move at all).
func movedNote(c *compare.Comparison, bi int) string {
	blk := &c.Blocks[bi]
	l, r := c.Left.ParagraphOf(blk.LeftSentences), c.Right.ParagraphOf(blk.RightSentences)
	left, right := pairNames(c.Left, c.Right)
	if l != r {
		return fmt.Sprintf("moved: ¶%d in %s, ¶%d in %s", l, left, r, right)
	}
	way := "up"
	if movedDown(c, bi) {
		way = "down"
	}
	return fmt.Sprintf("moved: ¶%d in both, further %s in %s", l, way, right)
}

// movedDown reports whether the right article has the moved passage,
// block bi, after the passage the left's order puts before it: the
// nearest in-order pair above it, or, with none above, the nearest below.
func movedDown(c *compare.Comparison, bi int) bool {
	r := c.Blocks[bi].RightSentences.Start
	for i := bi - 1; i >= 0; i-- {
		if o := &c.Blocks[i]; o.Kind == compare.Aligned {
			return r > o.RightSentences.Start
		}
	}
	for i := bi + 1; i < len(c.Blocks); i++ {
		if o := &c.Blocks[i]; o.Kind == compare.Aligned {
			return r > o.RightSentences.Start
		}
	}
	return false
}

// inlineCell builds the single cell of blk in inline mode: equal text
// plain, deletions and insertions in sequence, one-sided passages whole.
func (b *layoutBuilder) inlineCell(bi int, blk *compare.Block) int {
	c := b.lay.cmp
	lm, rm := b.lay.marks.left, b.lay.marks.right
	flags := roleFlags(blk.Role)
	switch blk.Kind {
	case compare.Moved:
		// One column shows the passage once, so give both places.
		b.notes = append(b.notes, movedNote(c, bi))
		fallthrough
	case compare.Aligned:
		if note := c.SplitNote(*blk); note != "" {
			b.notes = append(b.notes, note)
		}
		if ShownApart(blk) {
			// The two passages one after the other, as plain output
			// shows them: < the left, > the right.
			sw := analysis.Shared(c, *blk)
			b.deco("< ", clsNote|flags)
			b.side = clsLeftText
			b.paraphraseSide(c.Left, lm, blk.Left, sw.Left, sw.LeftDiffer, flags)
			b.deco("\n\n", clsEqual|flags)
			b.deco("> ", clsNote|flags)
			b.side = clsRightText
			b.paraphraseSide(c.Right, rm, blk.Right, sw.Right, sw.RightDiffer, flags)
			break
		}
		prev := compare.OpEqual
		for i, op := range blk.Ops {
			sep := spaceBefore(prev, op)
			switch op.Kind {
			case compare.OpEqual:
				b.side = 0
				b.addSpan(c.Left, lm, op.Left, clsEqual|flags)
			case compare.OpDelete:
				b.side = clsLeftText
				open, close := opBrackets(op)
				pcs := dropSpaceOnly(b.pieces(c.Left, lm, op.Left), blk.Ops[i+1:])
				b.changed(pcs, opClass(op)|flags, open, close, false)
			case compare.OpInsert:
				b.side = clsRightText
				open, close := opBrackets(op)
				b.changed(b.pieces(c.Right, rm, op.Right), opClass(op)|flags, open, close, sep)
			}
			prev = op.Kind
		}
	case compare.LeftOnly:
		b.side = clsLeftText
		left, _ := pairNames(c.Left, c.Right)
		b.repeatNote(blk, c.Left, 0, left)
		b.changed(b.pieces(c.Left, lm, blk.Left), clsOnlyLeft|flags, "[-", "-]", false)
	case compare.RightOnly:
		b.side = clsRightText
		_, right := pairNames(c.Left, c.Right)
		b.repeatNote(blk, c.Right, 1, right)
		b.changed(b.pieces(c.Right, rm, blk.Right), clsOnlyRight|flags, "{+", "+}", false)
	}
	return b.finish(0)
}

// repeatNote notes, on a one-sided block whose wording its article also
// carries in a paired passage, where that passage is.
func (b *layoutBuilder) repeatNote(blk *compare.Block, a *corpus.Article, side int, outlet string) {
	c := b.lay.cmp
	if blk.Repeats < 0 || int(blk.Repeats) >= len(c.Blocks) {
		return
	}
	if (side == 0) != (blk.Kind == compare.LeftOnly) {
		return
	}
	note := fmt.Sprintf("also in ¶%d", a.ParagraphOf(sentences(&c.Blocks[blk.Repeats], side)))
	if outlet != "" {
		note += " of " + termsafe.OneLine(outlet)
	}
	b.notes = append(b.notes, note)
}

// add appends text, made safe for the terminal, in class cls.
func (b *layoutBuilder) add(s string, cls class) {
	s = termsafe.Display(s)
	if s == "" {
		return
	}
	b.frags = append(b.frags, frag{s, cls | b.side, b.text.Len()})
	b.text.WriteString(s)
}

// deco appends a decoration that search does not see.
func (b *layoutBuilder) deco(s string, cls class) {
	b.frags = append(b.frags, frag{s, cls, -1})
}

// piece is a stretch of an article's text made safe for the terminal, with
// the wire and fact flags that apply to all of it.
type piece struct {
	text  string
	flags class
}

// pieces returns span s of a, cut where its marks (from am, which may be
// nil) begin and end, and notes under the passage each fact it gives that
// other outlets give differently. The slice is reused by the next call.
func (b *layoutBuilder) pieces(a *corpus.Article, am *articleMarks, s corpus.Span) []piece {
	b.pcs = b.pcs[:0]
	am.split(s, func(ps corpus.Span, flags class, notes [2]string) {
		b.pcs = append(b.pcs, piece{termsafe.Display(a.Text(ps)), flags})
		for _, n := range notes {
			if n != "" && !slices.Contains(b.after, n) {
				b.after = append(b.after, n)
			}
		}
	})
	return b.pcs
}

// addSpan appends span s of a in class cls, with its marks.
func (b *layoutBuilder) addSpan(a *corpus.Article, am *articleMarks, s corpus.Span, cls class) {
	for _, p := range b.pieces(a, am, s) {
		b.add(p.text, cls|p.flags)
	}
}

// changed appends deleted or inserted text, given as pieces. Its leading
// and trailing whitespace is drawn plain, so that a highlight covers
// words, not the gaps around them; in marker mode the words are bracketed
// by open and close. With space, a plain space goes first unless the text
// brings one: neither article's text, which search does not see in
// either (see clsNoText).
func (b *layoutBuilder) changed(pcs []piece, cls class, open, close string, space bool) {
	n := 0
	for _, p := range pcs {
		n += len(p.text)
	}
	// lead and end bound the words: what is left when the whitespace at
	// either end is trimmed, as offsets into the pieces laid end to end.
	lead, end := 0, n
	for _, p := range pcs {
		t := strings.TrimLeftFunc(p.text, unicode.IsSpace)
		lead += len(p.text) - len(t)
		if t != "" {
			break
		}
	}
	for i := len(pcs) - 1; i >= 0 && end > lead; i-- {
		t := strings.TrimRightFunc(pcs[i].text, unicode.IsSpace)
		end -= len(pcs[i].text) - len(t)
		if t != "" {
			break
		}
	}
	plain := clsEqual | cls&^roleMask
	spaces := func(from, to int) { b.emit(pcs, from, to, plain) }
	if end <= lead {
		spaces(0, n)
		return
	}
	if space && lead == 0 && !b.endsInSpace() {
		side := b.side
		b.side = clsNoText
		b.add(" ", plain)
		b.side = side
	}
	spaces(0, lead)
	if b.markers {
		b.deco(open, cls)
	}
	b.emit(pcs, lead, end, cls)
	if b.markers {
		b.deco(close, cls)
	}
	spaces(end, n)
}

// emit appends bytes [from, to) of pcs laid end to end, in class cls with
// each piece's flags.
func (b *layoutBuilder) emit(pcs []piece, from, to int, cls class) {
	at := 0
	for _, p := range pcs {
		s, e := max(from-at, 0), min(to-at, len(p.text))
		if s < e {
			b.add(p.text[s:e], cls|p.flags)
		}
		at += len(p.text)
		if at >= to {
			return
		}
	}
}

// spaceBefore reports whether op, coming after an op of kind prev, is an
// insertion that needs a space of its own before it: a deletion followed
// by an insertion would run together ("thenominee", or "Trump,said" after
// a deleted comma), so a space keeps them apart. Punctuation inserted
// (a minor op: "press.!") needs none.
func spaceBefore(prev compare.OpKind, op compare.Op) bool {
	return prev == compare.OpDelete && op.Kind == compare.OpInsert && !op.Minor
}

// dropSpaceOnly returns no pieces where pcs, a deletion, are whitespace
// alone and the first of rest, the ops after it, is an insertion: the
// insertion brings the whitespace the text goes on with ("democracy",
// then " " out and ", " in, reads "democracy, and", not
// "democracy , and"). Else it returns pcs.
func dropSpaceOnly(pcs []piece, rest []compare.Op) []piece {
	if len(rest) == 0 || rest[0].Kind != compare.OpInsert {
		return pcs
	}
	for _, p := range pcs {
		if strings.TrimSpace(p.text) != "" {
			return pcs
		}
	}
	return nil
}

func (b *layoutBuilder) endsInSpace() bool {
	if len(b.frags) == 0 {
		return true
	}
	t := b.frags[len(b.frags)-1].text
	return t == "" || unicode.IsSpace(rune(t[len(t)-1]))
}

// finish wraps the gathered notes and fragments into a new cell in column
// side and returns its index. A builder that keeps fragments keeps them,
// unwrapped, too.
func (b *layoutBuilder) finish(side int) int {
	lay := b.lay
	var lines []line
	if b.keepFrags {
		b.kept = append(b.kept, slices.Clone(b.frags))
	}
	_, mixed := cellSides(lay.mode, &lay.cmp.Blocks[b.curBlock], uint8(side))
	// A mixed cell's side runs, worked out once: for the layout, and to
	// star the query's matches in each article's text. They were worked
	// out for each apart.
	var runs []sideRun
	switch {
	case !mixed:
	case b.keepSides:
		from := len(lay.sideRuns)
		lay.sideRuns = appendSideRuns(lay.sideRuns, b.frags, int32(len(lay.cells)))
		runs = lay.sideRuns[from:]
	case len(b.star) > 0 && !b.noWrap:
		b.runs = appendSideRuns(b.runs[:0], b.frags, int32(len(lay.cells)))
		runs = b.runs
	}
	if !b.noWrap {
		lines = b.wrap(mixed, runs)
	}
	lay.lines = append(lay.lines, lines)
	lay.cells = append(lay.cells, cell{text: b.text.String(), row: int32(len(lay.rows)), col: uint8(side), block: int32(b.curBlock)})
	b.text.Reset()
	b.side = 0
	b.frags = b.frags[:0]
	b.notes = b.notes[:0]
	b.after = b.after[:0]
	return len(lay.cells) - 1
}

// wrap wraps the gathered notes and fragments, with the matches of the
// starred query starred, into the lines of a cell, mixed or not (see
// cellSides); runs are a mixed cell's side runs.
func (b *layoutBuilder) wrap(mixed bool, runs []sideRun) []line {
	width := b.lay.colWidth
	var lines []line
	for _, n := range b.notes {
		lines = append(lines, wrapFrags([]frag{{n, clsNote, -1}}, width)...)
	}
	frags := b.frags
	if len(b.star) > 0 {
		if mixed {
			b.lay.starredApart++
		}
		frags = starMatches(frags, starSpans(mixed, b.text.String(), runs, b.star))
	}
	body := wrapFrags(frags, width)
	for i := range body {
		for _, f := range body[i].frags {
			body[i].flags |= f.cls & rowFlags
		}
	}
	lines = append(lines, body...)
	for _, n := range b.after {
		lines = append(lines, wrapFrags([]frag{{n, clsNote, -1}}, width)...)
	}
	return lines
}

// starSpans returns the spans of text, a cell's searchable text, that
// the matches of the folded query q are drawn in, as the search finds
// them (see cellMatches). A mixed cell (see cellSides) draws the two
// articles' texts together, and sideMatches looks in each, by the cell's
// side runs.
// Any other is one article's text whole, or both's, as every cell side
// by side (see sideCell), and sideMatches found what one search of it
// finds, having gathered the runs of each article's text and copied each
// match's spans first. unionSpans joins matches that touch ("abab" for
// "ab"), as drawnSpans does, so that they are starred as one.
func starSpans(mixed bool, text string, runs []sideRun, q []rune) []span {
	if !mixed {
		return unionSpans(findAll(text, q, 0))
	}
	return drawnSpans(sideMatches(text, runs, q, 0))
}

// matchStar marks either end of a search match where the terminal shows
// no attributes: plain ASCII, read as emphasis in plain text everywhere.
const matchStar = "*"

// starMatches returns frags with a star decoration before and after each
// of matches (sorted spans of the cell's searchable text), cutting
// fragments where a match begins or ends.
func starMatches(frags []frag, matches []span) []frag {
	if len(matches) == 0 {
		return frags
	}
	out := make([]frag, 0, len(frags)+2*len(matches))
	mi := 0
	for _, f := range frags {
		if f.off < 0 {
			out = append(out, f)
			continue
		}
		start, end := f.off, f.off+len(f.text)
		pos := start
		for mi < len(matches) && matches[mi].start < end {
			m := matches[mi]
			if m.start >= pos {
				out = append(out, frag{f.text[pos-start : m.start-start], f.cls, pos}, frag{matchStar, f.cls, -1})
				pos = m.start
			}
			if m.end > end {
				break // the match goes on in the next fragment
			}
			out = append(out, frag{f.text[pos-start : m.end-start], f.cls, pos}, frag{matchStar, f.cls, -1})
			pos = m.end
			mi++
		}
		out = append(out, frag{f.text[pos-start:], f.cls, pos})
	}
	// Empty pieces would only cost the wrapper time.
	return slices.DeleteFunc(out, func(f frag) bool { return f.text == "" })
}

func opClass(op compare.Op) class {
	switch {
	case op.Kind == compare.OpDelete && op.Moved:
		return clsDeleteMoved
	case op.Moved:
		return clsInsertMoved
	case op.Kind == compare.OpDelete && op.Minor:
		return clsDeleteMinor
	case op.Kind == compare.OpDelete:
		return clsDelete
	case op.Minor:
		return clsInsertMinor
	}
	return clsInsert
}

// apartBelow is the share of equal words under which a paraphrase pair is
// shown as two passages rather than as a word diff. A paraphrase can be
// one word away from its partner ("voted to close the bridge" / "voted to
// shut the bridge": 89%, no run of six words on either side of the
// change): shown apart, the two nearly identical sentences hid the one
// word that differs. On the sample every paraphrase of prose is at 35% or
// less, and its word diff strikes through most of it; on the held-out
// stories those at 52–76% (a quote one outlet opens with "I am strongly
// pro-life and", a name changed in a tweet) read as a word diff.
const apartBelow = 0.5

// ShownApart reports whether blk is shown as its two passages, one above
// the other with the content words both have marked, rather than as a word
// diff: a paraphrase pair of prose under half of whose words are equal.
// The reader and the commands' text output go by it alike.
func ShownApart(blk *compare.Block) bool {
	return blk.Match == compare.Paraphrase && blk.Role == corpus.RoleProse &&
		(blk.Kind == compare.Aligned || blk.Kind == compare.Moved) && blk.Similarity < apartBelow
}

// paraphraseSide appends span s of a with the words in shared marked as
// shared and those in differ flagged, as analysis.Shared finds
// them (both in text order); without attributes they are bracketed {=…=}
// and {!…!}, as in plain output.
func (b *layoutBuilder) paraphraseSide(a *corpus.Article, am *articleMarks, s corpus.Span, shared, differ []corpus.Span, flags class) {
	at := s.Start
	mark := func(sp corpus.Span, cls class, open, close string) {
		if sp.Start > at {
			b.addSpan(a, am, corpus.Span{Start: at, End: sp.Start}, clsEqual|flags)
		}
		b.changed(b.pieces(a, am, sp), cls|flags, open, close, false)
		at = sp.End
	}
	i, j := 0, 0
	for i < len(shared) || j < len(differ) {
		if j == len(differ) || i < len(shared) && shared[i].Start < differ[j].Start {
			mark(shared[i], clsShared, "{=", "=}")
			i++
		} else {
			mark(differ[j], clsDiffer, "{!", "!}")
			j++
		}
	}
	if s.End > at {
		b.addSpan(a, am, corpus.Span{Start: at, End: s.End}, clsEqual|flags)
	}
}

// sideText returns the class flag of side 0's (the left article's) text
// or side 1's.
func sideText(side int) class {
	if side == 0 {
		return clsLeftText
	}
	return clsRightText
}

// opBrackets returns the wdiff-style brackets of a delete or insert, shown
// where there is no colour: a moved fragment's are its own, as in plain
// output.
func opBrackets(op compare.Op) (open, close string) {
	switch {
	case op.Kind == compare.OpDelete && op.Moved:
		return "[~", "~]"
	case op.Kind == compare.OpDelete:
		return "[-", "-]"
	case op.Moved:
		return "{~", "~}"
	}
	return "{+", "+}"
}

func opSpan(op compare.Op, side int) corpus.Span {
	if side == 0 {
		return op.Left
	}
	return op.Right
}

func blockSpan(blk *compare.Block, side int) corpus.Span {
	if side == 0 {
		return blk.Left
	}
	return blk.Right
}

func sentences(blk *compare.Block, side int) corpus.Range {
	if side == 0 {
		return blk.LeftSentences
	}
	return blk.RightSentences
}

// brush is a class's styling as the escape sequences before and after the
// text. Painting with brushes instead of calling Style.Render per fragment
// keeps a frame's cost to string concatenation; Render would also style a
// struck or underlined string rune by rune.
type brush struct{ pre, suf string }

func newBrush(st lipgloss.Style) brush {
	out := st.Render("X")
	i := strings.IndexByte(out, 'X')
	if i < 0 {
		return brush{}
	}
	return brush{out[:i], out[i+1:]}
}

// paint draws one line of text, which must hold no tab and no newline, as
// the style the brush was made from renders it.
func (b brush) paint(text string) string { return b.pre + text + b.suf }

// painter paints layouts with one set of styles.
type painter struct {
	brushes [numClasses]brush
	fillPat string // repeated to fill an empty cell
	// fillText is fillPat cut to fillWidth, the last width asked for.
	fillText  string
	fillWidth int
	blank     string // spaces, sliced to pad lines
	sep       string
	marks     [numMarks]string
	rowMarks  [numRowMarks]string // with the space that ends the gutter
	current   string              // the gutter mark of the current change or match
	// starMatches says that the match style draws nothing (no
	// attributes at all), so layouts star the matches instead.
	starMatches bool
}

func newPainter(s *Styles) *painter {
	p := &painter{}
	roles := [numRoles]lipgloss.Style{
		clsEqual:       s.Diff.Equal,
		clsDelete:      s.Diff.Delete,
		clsInsert:      s.Diff.Insert,
		clsDeleteMinor: s.Diff.DeleteMinor,
		clsInsertMinor: s.Diff.InsertMinor,
		clsDeleteMoved: s.Diff.DeleteMoved,
		clsInsertMoved: s.Diff.InsertMoved,
		clsShared:      s.Diff.Shared,
		clsDiffer:      s.Diff.Differ,
		clsOnlyLeft:    s.Diff.OnlyLeft,
		clsOnlyRight:   s.Diff.OnlyRight,
		clsNote:        s.Diff.Note,
		clsEmpty:       s.Diff.Empty,
	}
	for c := class(0); c < numClasses; c++ {
		role := c & roleMask
		if role >= numRoles {
			continue
		}
		st := roles[role]
		if c&clsTitle != 0 {
			st = st.Inherit(s.Diff.Title)
		}
		if c&clsDim != 0 {
			st = s.Diff.Dim.Inherit(st)
		}
		if c&clsCurrent != 0 && c&clsMatch == 0 {
			continue
		}
		if c&clsFact != 0 {
			st = s.Diff.Fact.Inherit(st)
		}
		if c&clsMatch != 0 {
			st = s.Diff.Match.Inherit(st)
		}
		if c&clsCurrent != 0 {
			st = s.Diff.CurrentMatch.Inherit(st)
		}
		p.brushes[c] = newBrush(st)
	}
	p.starMatches = p.brushes[clsEqual|clsMatch] == brush{}
	p.blank = strings.Repeat(" ", 256)
	p.fillPat = s.Diff.EmptyFill
	if p.fillPat == "" || textWidth(p.fillPat) != len([]rune(p.fillPat)) {
		p.fillPat = " "
	}
	p.sep = s.Diff.Separator.Render(colSep)
	markStyles := [numMarks]lipgloss.Style{
		markNone:    s.Compare.ChangedMark,
		markChanged: s.Compare.ChangedMark,
		markMoved:   s.Compare.MovedMark,
		markLeft:    s.Compare.OneSidedMark,
		markRight:   s.Compare.OneSidedMark,
	}
	for m := range numMarks {
		p.marks[m] = markStyles[m].Render(markGlyphs[m])
	}
	p.marks[markNone] = " "
	p.rowMarks = [numRowMarks]string{
		rowMarkNone: "  ",
		rowMarkWire: s.Compare.WireMark.Render(rowMarkGlyphs[rowMarkWire]) + " ",
		rowMarkFact: s.Compare.FactMark.Render(rowMarkGlyphs[rowMarkFact]) + " ",
	}
	p.current = s.Compare.CurrentMark.Render("▸")
	return p
}

// fill returns the empty-cell pattern cut to width cells.
func (p *painter) fill(width int) string {
	if width != p.fillWidth {
		rs := []rune(strings.Repeat(p.fillPat, width/len([]rune(p.fillPat))+1))
		p.fillWidth, p.fillText = width, string(rs[:width])
	}
	return p.fillText
}

// eagerRows is the most rows a layout has painted all at once, and
// maxLazyRows the most a longer one keeps painted. A painted row is a few
// hundred bytes: two 5 MiB articles make a layout of 600,000 rows, whose
// painting held 163 MB while the screen shows 60 of them. A row takes a
// few microseconds to paint, and a layout is painted on the UI goroutine
// when it is shown and when its search comes: two 10,000-word articles,
// 3,000 rows, took 13 ms. A news article makes a few hundred rows.
const (
	eagerRows   = 1_000
	maxLazyRows = 4_096
)

// paint styles every row of lay, or, past eagerRows or where lay wraps
// its cells lazily, makes lay paint each row as it is asked for
// (paintedRow). Painting every row of a layout that wraps lazily wrapped
// every cell again: two 100,000-word articles, 19,000 rows, took 120 ms
// on the message that brought their layout.
func (p *painter) paint(lay *layout) {
	if len(lay.rows) > eagerRows || lay.wrapLazily {
		lay.painted = make([]string, len(lay.rows))
		lay.lazy, lay.lazyRows = p, 0
		return
	}
	lay.lazy = nil
	if cap(lay.painted) < len(lay.rows) {
		lay.painted = make([]string, len(lay.rows))
	}
	lay.painted = lay.painted[:len(lay.rows)]
	var sb strings.Builder
	for i := range lay.rows {
		sb.Reset()
		p.row(&sb, lay, i, nil)
		lay.painted[i] = sb.String()
	}
}

// paintedRow returns row r of lay, styled, painting it first when lay
// paints its rows as they are shown. Those it keeps are dropped all at
// once past maxLazyRows: scrolling through a long layout repaints a page
// at a time and holds no more than a few thousand rows.
func (lay *layout) paintedRow(r int) string {
	if s := lay.painted[r]; s != "" || lay.lazy == nil {
		return s
	}
	if lay.lazyRows >= maxLazyRows {
		clear(lay.painted)
		lay.lazyRows = 0
	}
	var sb strings.Builder
	lay.lazy.row(&sb, lay, r, nil)
	lay.painted[r] = sb.String()
	lay.lazyRows++
	return lay.painted[r]
}

// paintCurrent returns row h.row of lay painted with match h standing out
// from the other matches.
func (p *painter) paintCurrent(lay *layout, h hit) string {
	var sb strings.Builder
	p.row(&sb, lay, int(h.row), &h)
	return sb.String()
}

// row paints one row of lay; cur, if not nil, is the current match.
func (p *painter) row(sb *strings.Builder, lay *layout, i int, cur *hit) {
	r := lay.rows[i]
	p.col(sb, lay, r.cols[0], cur)
	if lay.mode == sideBySide {
		sb.WriteString(p.sep)
		p.col(sb, lay, r.cols[1], cur)
		p.pad(sb, lay.width-gutterWidth-colSepWidth-2*lay.colWidth)
	}
}

func (p *painter) pad(sb *strings.Builder, n int) {
	for n > 0 {
		k := min(n, len(p.blank))
		sb.WriteString(p.blank[:k])
		n -= k
	}
}

func (p *painter) col(sb *strings.Builder, lay *layout, ref colRef, cur *hit) {
	switch {
	case ref.cell == emptyCell:
		sb.WriteString(p.brushes[clsEmpty].pre)
		sb.WriteString(p.fill(lay.colWidth))
		sb.WriteString(p.brushes[clsEmpty].suf)
	case ref.cell < 0 || ref.line < 0:
		p.pad(sb, lay.colWidth)
	default:
		ln := lay.cellLines(int(ref.cell))[ref.line]
		var current []span
		if cur != nil && cur.cell == ref.cell {
			current = lay.spansOf(cur)
		}
		p.line(sb, ln, lay.matches(int(ref.cell)), current)
		p.pad(sb, lay.colWidth-ln.width)
	}
}

// line paints one wrapped line, splitting fragments where search matches
// begin and end; the spans of the current match (within matches) stand
// out.
func (p *painter) line(sb *strings.Builder, ln line, matches, current []span) {
	cur := class(numClasses)
	write := func(s string, c class) {
		if s == "" {
			return
		}
		c &= brushMask
		if c != cur {
			if cur < numClasses {
				sb.WriteString(p.brushes[cur].suf)
			}
			sb.WriteString(p.brushes[c].pre)
			cur = c
		}
		sb.WriteString(s)
	}
	for _, f := range ln.frags {
		if len(matches) == 0 || f.off < 0 {
			write(f.text, f.cls)
			continue
		}
		start, end := f.off, f.off+len(f.text)
		i := firstMatchEndingAfter(matches, start)
		j := firstMatchEndingAfter(current, start)
		for pos := start; pos < end; {
			// The next stretch of one class: up to where a match or the
			// current match begins or ends.
			next, cls := end, f.cls
			if i < len(matches) && matches[i].start < end {
				if pos < matches[i].start {
					next = matches[i].start
				} else {
					next, cls = min(next, matches[i].end), cls|clsMatch
				}
			}
			if j < len(current) && current[j].start < end {
				if pos < current[j].start {
					next = min(next, current[j].start)
				} else if cls&clsMatch != 0 {
					next, cls = min(next, current[j].end), cls|clsCurrent
				}
			}
			write(f.text[pos-start:next-start], cls)
			pos = next
			for i < len(matches) && matches[i].end <= pos {
				i++
			}
			for j < len(current) && current[j].end <= pos {
				j++
			}
		}
	}
	if cur < numClasses {
		sb.WriteString(p.brushes[cur].suf)
	}
}
