package ui

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus/compare"
)

// span is a half-open range of byte offsets into a cell's text.
type span struct{ start, end int }

// foldRune makes a rune case-insensitive and typography-insensitive for
// search, the way the corpus's matching forms are: curly quotes and
// apostrophes straight, dashes one dash, every space a space. A reader
// typing "don't" finds "don’t".
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		// ASCII, nearly every rune of a search: the same answers as the
		// general path below, without its table lookups.
		switch {
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A'
		case r == '`':
			return '\''
		case r == ' ', '\t' <= r && r <= '\r':
			return ' '
		}
		return r
	}
	switch r {
	case '’', '‘', '′', 'ʼ':
		return '\''
	case '“', '”', '„', '″', '«', '»':
		return '"'
	case '–', '—', '‒', '−', '‐', '‑':
		return '-'
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	return unicode.ToLower(r)
}

func foldQuery(q string) []rune {
	rs := make([]rune, 0, utf8.RuneCountInString(q))
	for _, r := range q {
		rs = append(rs, foldRune(r))
	}
	return rs
}

// findAll returns the non-overlapping matches of the folded query q in s,
// as byte spans of s, at most limit of them (no limit when limit <= 0).
//
// It folds s as it reads rather than keeping a folded copy: a copy cost
// 12 bytes a byte of text, over 100 MB for two 5 MiB articles, while
// folding on the fly reads a 10 MB pair in tens of milliseconds.
func findAll(s string, q []rune, limit int) []span {
	if len(q) == 0 {
		return nil
	}
	var out []span
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if foldRune(r) != q[0] {
			i += n
			continue
		}
		end, k := i+n, 1
		for k < len(q) && end < len(s) {
			r, m := utf8.DecodeRuneInString(s[end:])
			if foldRune(r) != q[k] {
				break
			}
			end += m
			k++
		}
		if k < len(q) {
			i += n
			continue
		}
		out = append(out, span{i, end})
		if len(out) == limit {
			break
		}
		i = end
	}
	return out
}

// matches returns the search matches in cell ci, sorted.
func (lay *layout) matches(ci int) []span {
	return lay.found[ci]
}

// maxMatches is how many matches a search keeps, in reading order. A
// letter or a full stop can match millions of times in two 5 MiB articles,
// and each match costs a hit (24 bytes) and a span (16); no reader steps
// through more than this with n, and the status says the count is cut.
// A variable for the tests of a search cut short.
var maxMatches = 100_000

// firstMatchEndingAfter returns the index of the first of the sorted
// matches that ends after off.
func firstMatchEndingAfter(matches []span, off int) int {
	return sort.Search(len(matches), func(i int) bool { return matches[i].end > off })
}

// setQuery finds q in every cell of lay and repaints it with p, at once:
// for a new layout, and for the tests. A query typed by the reader is
// searched off the UI goroutine instead (see comparePane.startSearch):
// newSearch, run, then apply.
func (lay *layout) setQuery(q string, p *painter) {
	if q == lay.query && len(lay.painted) == len(lay.rows) {
		return
	}
	lay.apply(lay.newSearch(q, p, nil).run(), p)
}

// search is one search of a layout, made on the UI goroutine and run on
// any: it holds the layout's immutable parts (the comparison, the cells
// and their wrapped lines) and never the layout itself, which the UI goes
// on changing while it runs.
type search struct {
	query string
	// shape is a copy of the layout's immutable fields: enough to wrap a
	// cell again, or to lay the comparison out anew with the query
	// starred.
	shape layout
	// starred says to lay the comparison out anew with the matches
	// starred, where the match style draws nothing (see apply).
	starred bool
	// within, when not nil, are the cells the query before this one
	// matched in, the only ones that can hold this one; a map the layout
	// no longer changes once a search has filled it.
	within map[int][]span
	// stale reports that a newer search has started: this one stops.
	stale func() bool
}

// searchResult is what a search found: the matches by cell, the hits in
// reading order, and whether it stopped at maxMatches. starred, when set,
// is the layout anew with the matches starred. A stale search has done
// nothing.
type searchResult struct {
	query      string
	found      map[int][]span
	hits       []hit
	hitSpans   []span // see layout.hitSpans
	counts     [2]int // the matches in the left article's text, and the right's
	matchesCut bool
	searched   int
	starred    *layout
	stale      bool
}

// newSearch prepares the search of lay for q. stale, when not nil, is
// asked as the search runs whether it is still wanted.
//
// Searching is incremental: a query that extends the one before looks
// only in the cells where that one matched, since only they can hold the
// longer one.
func (lay *layout) newSearch(q string, p *painter, stale func() bool) search {
	sr := search{
		query: q,
		shape: layout{
			cmp: lay.cmp, marks: lay.marks, mode: lay.mode, markers: lay.markers,
			width: lay.width, colWidth: lay.colWidth, cells: lay.cells, star: lay.star,
			wrapLazily: lay.wrapLazily, lines: lay.lines, linesFrom: lay.linesFrom, sideRuns: lay.sideRuns,
		},
		starred: p.starMatches && q != lay.query,
		stale:   stale,
	}
	// A cut search did not look at every cell, so it cannot narrow the next.
	if lay.query != "" && strings.HasPrefix(q, lay.query) && !p.starMatches && !lay.matchesCut {
		sr.within = lay.found
	}
	if sr.stale == nil {
		sr.stale = func() bool { return false }
	}
	return sr
}

// staleEvery is how many cells a search looks at between asking whether
// it is still wanted: a few milliseconds of work.
const staleEvery = 256

// run finds the query in the cells and places each match on its row. It
// reads nothing that the UI goroutine changes, so it may run on any
// goroutine. It keeps the first maxMatches matches.
func (sr search) run() searchResult {
	res := searchResult{query: sr.query}
	lay := &sr.shape
	if sr.starred {
		res.starred = buildLayoutStarred(lay.cmp, lay.width, lay.mode, lay.markers, lay.marks, sr.query)
		lay = res.starred
	}
	qr := foldQuery(sr.query)
	if len(qr) == 0 {
		return res
	}
	// The only article of a corpus faces itself: its matches are in one
	// text, counted once, not once for each side; side by side, those in
	// the right column, the same text again, are marked but not counted.
	oneText := selfCompared(lay.cmp)
	res.found = make(map[int][]span)
	left := maxMatches
	// The wrapped lines of the last block wrapped again, for its other cell.
	var wrapped map[int][]line
	// The cells that hold matches, kept until every cell is searched so
	// that the hits, as many as maxMatches, are made in one array of the
	// size counted rather than grown match by match.
	type cellFound struct {
		ci    int
		ms    []sideMatch
		lines []line
	}
	var cells []cellFound
	total := 0
	search := func(ci int) (more bool) {
		res.searched++
		if res.searched%staleEvery == 0 && sr.stale() {
			res.stale = true
			return false
		}
		ms := lay.cellMatches(ci, qr, left)
		if len(ms) == 0 {
			return true
		}
		var lines []line
		if !lay.wrapLazily {
			lines = lay.lines[ci]
		} else {
			if _, ok := wrapped[ci]; !ok {
				wrapped = lay.wrapBlockOf(ci)
			}
			lines = wrapped[ci]
		}
		res.found[ci] = drawnSpans(ms)
		cells = append(cells, cellFound{ci, ms, lines})
		total += len(ms)
		left -= len(ms)
		res.matchesCut = left <= 0
		return left > 0
	}
	if sr.within != nil {
		for _, ci := range slices.Sorted(maps.Keys(sr.within)) {
			if !search(ci) {
				break
			}
		}
	} else {
		for ci := range lay.cells {
			if !search(ci) {
				break
			}
		}
	}
	if res.stale {
		return res
	}
	res.hits = make([]hit, 0, total)
	for _, cf := range cells {
		ci, found, lines := cf.ci, res.found[cf.ci], cf.lines
		c := &lay.cells[ci]
		li := 0
		for k, m := range cf.ms {
			s := m.sides
			if oneText {
				if s&sideLeft == 0 {
					continue // marked, not counted
				}
				s = sideLeft
			}
			spans := m.spans
			li = lineAt(lines, li, spans[0].start)
			h := hit{row: c.row + int32(li), col: c.col, cell: int32(ci), match: int32(k), sides: s}
			if i, ok := slices.BinarySearchFunc(found, spans[0], func(a, b span) int { return a.start - b.start }); ok && len(spans) == 1 && found[i] == spans[0] {
				h.spansAt = int32(i) // the match is one of the spans drawn
			} else {
				h.spansAt, h.spansN = int32(len(res.hitSpans)), uint16(len(spans))
				res.hitSpans = append(res.hitSpans, spans...)
			}
			res.hits = append(res.hits, h)
		}
	}
	sort.SliceStable(res.hits, func(i, j int) bool {
		if res.hits[i].row != res.hits[j].row {
			return res.hits[i].row < res.hits[j].row
		}
		return res.hits[i].col < res.hits[j].col
	})
	n := 0
	for i := range res.hits {
		h := &res.hits[i]
		h.nth = int32(n + 1)
		n += h.sides.count()
		if h.sides&sideLeft != 0 {
			res.counts[0]++
		}
		if h.sides&sideRight != 0 {
			res.counts[1]++
		}
	}
	return res
}

// sideMatch is a match of the query in one article's text of a cell, or
// in both's: the spans of the cell's text it is drawn in, more than one
// where the other article's words are drawn between its words inline
// ("Hillary Clinton" in "Hillary [-Rodham-] Clinton").
type sideMatch struct {
	spans []span
	sides sides
}

// cellMatches returns the matches of the folded query q in the text of
// each article that cell ci shows, at most limit of them (none when limit
// <= 0), in the order their first spans are drawn.
//
// A match is one in an article's text of the passage, in either mode:
// side by side a column is that text, and inline the two articles' texts
// are drawn together, a deletion and an insertion one after the other,
// so that a match of either article's text may be drawn in two pieces,
// and a run of the cell's text across a deletion and an insertion is
// neither's. A match both texts hold at the same place, in what the two
// have in common, is drawn once inline and is both's. So the count of
// matches is the same in both modes.
func (lay *layout) cellMatches(ci int, q []rune, limit int) []sideMatch {
	c := &lay.cells[ci]
	own, mixed := cellSides(lay.mode, &lay.cmp.Blocks[c.block], c.col)
	switch {
	case !mixed:
		return wholeMatches(c.text, q, limit, own)
	case !holdsInOrder(c.text, q):
		return nil // nor does any article's text of it
	}
	return sideMatches(c.text, lay.cellSideRuns(ci), q, limit)
}

// cellSides returns whose text a cell of blk in column col, laid out in
// mode md, is whole: side by side, its column's article's; inline, the
// article's whose passage only it has, or both's where the passage is
// the same in both. It reports mixed instead for an inline cell that
// draws the two articles' texts together (see mixedText), whose parts
// are each's or neither's (see sideMatches).
func cellSides(md mode, blk *compare.Block, col uint8) (s sides, mixed bool) {
	switch {
	case md != inline && col == 1:
		return sideRight, false
	case md != inline:
		return sideLeft, false
	case blk.Kind == compare.LeftOnly:
		return sideLeft, false
	case blk.Kind == compare.RightOnly:
		return sideRight, false
	case !mixedText(blk):
		return bothSides, false
	}
	return 0, true
}

// wholeMatches returns the matches of the folded query q in text, at most
// limit (no limit when limit <= 0), as the matches of sides s, each in
// one span.
func wholeMatches(text string, q []rune, limit int, s sides) []sideMatch {
	ms := findAll(text, q, limit)
	out := make([]sideMatch, len(ms))
	for i := range ms {
		out[i] = sideMatch{ms[i : i+1 : i+1], s}
	}
	return out
}

// sideRun is a run of a cell's text that is one article's text alone
// (side clsLeftText or clsRightText) or neither's (clsNoText), the rest
// being both's; cell is the cell's index.
type sideRun struct {
	cell       int32
	start, end int32
	side       class
}

// appendSideRuns appends to runs those of frags, the fragments of cell ci
// before wrapping, in order, a run for each stretch of fragments of one
// side.
func appendSideRuns(runs []sideRun, frags []frag, ci int32) []sideRun {
	from := len(runs)
	for _, f := range frags {
		side := f.cls & clsNoText
		if f.off < 0 || side == 0 || f.text == "" {
			continue
		}
		start, end := int32(f.off), int32(f.off+len(f.text))
		if n := len(runs); n > from && runs[n-1].end == start && runs[n-1].side == side {
			runs[n-1].end = end
			continue
		}
		runs = append(runs, sideRun{ci, start, end, side})
	}
	return runs
}

// cellSideRuns returns the side runs of cell ci (see layout.sideRuns).
func (lay *layout) cellSideRuns(ci int) []sideRun {
	i := sort.Search(len(lay.sideRuns), func(i int) bool { return lay.sideRuns[i].cell >= int32(ci) })
	j := i
	for j < len(lay.sideRuns) && lay.sideRuns[j].cell == int32(ci) {
		j++
	}
	return lay.sideRuns[i:j]
}

// mixedText reports whether the inline cell of blk draws text of one
// article alone: the two passages of a paraphrase, or a word diff with a
// change.
func mixedText(blk *compare.Block) bool {
	if ShownApart(blk) {
		return true
	}
	return slices.ContainsFunc(blk.Ops, func(op compare.Op) bool { return op.Kind != compare.OpEqual })
}

// holdsInOrder reports whether s holds the runes of the folded query q in
// order, whatever lies between them: a text of which any article's text
// of it holds q does.
func holdsInOrder(s string, q []rune) bool {
	k := 0
	for _, r := range s {
		if k == len(q) {
			break
		}
		if foldRune(r) == q[k] {
			k++
		}
	}
	return k == len(q)
}

// sideMatches finds the folded query q in the text of each article that
// text, a cell's text whose runs of one article's text alone or of
// neither's are runs (see sideRun), holds, at most limit matches in each
// (no limit when limit <= 0), and returns them in the order their first
// spans are drawn: a match both hold at the same spans once, as both's.
func sideMatches(text string, runs []sideRun, q []rune, limit int) []sideMatch {
	if len(q) == 0 {
		return nil
	}
	if len(runs) == 0 {
		// The text is both's, whole: one search finds what the two
		// would, each at the same spans (an inline cell with no
		// change, starred as it is wrapped).
		return wholeMatches(text, q, limit, bothSides)
	}
	// piece is a stretch of an article's text: where it starts in that
	// text and in the cell's.
	type piece struct{ at, off, n int }
	var out []sideMatch
	var sb strings.Builder
	var pieces []piece
	left := 0 // the matches of the left article's text, in out
	for _, s := range []sides{sideLeft, sideRight} {
		other := clsRightText
		if s == sideRight {
			other = clsLeftText
		}
		// The article's text: the cell's, less the runs of the other
		// article's text and of neither's.
		pieces = pieces[:0]
		at, from := 0, 0
		for _, r := range runs {
			if r.side&other == 0 {
				continue
			}
			if start := int(r.start); start > from {
				pieces = append(pieces, piece{at, from, start - from})
				at += start - from
			}
			from = int(r.end)
		}
		if from < len(text) {
			pieces = append(pieces, piece{at, from, len(text) - from})
		}
		own := text
		if len(pieces) != 1 || pieces[0].n != len(text) {
			sb.Reset()
			sb.Grow(at + len(text) - from)
			for _, p := range pieces {
				sb.WriteString(text[p.off : p.off+p.n])
			}
			own = sb.String()
		}
		j := 0 // the first of the left text's matches that may be at the same spans
		for _, m := range findAll(own, q, limit) {
			var spans []span
			i := sort.Search(len(pieces), func(i int) bool { return pieces[i].at+pieces[i].n > m.start })
			for ; i < len(pieces) && pieces[i].at < m.end; i++ {
				p := pieces[i]
				sp := span{p.off + max(m.start, p.at) - p.at, p.off + min(m.end, p.at+p.n) - p.at}
				if n := len(spans); n > 0 && spans[n-1].end == sp.start {
					spans[n-1].end = sp.end
				} else {
					spans = append(spans, sp)
				}
			}
			if s == sideRight {
				// Where the left text holds it at the same spans, it is
				// both's: drawn once, in what the two have in common.
				// The left text's matches are in order, and none two
				// start at the same place.
				for j < left && out[j].spans[0].start < spans[0].start {
					j++
				}
				if j < left && slices.Equal(out[j].spans, spans) {
					out[j].sides = bothSides
					continue
				}
			}
			out = append(out, sideMatch{spans, s})
		}
		if s == sideLeft {
			left = len(out)
		}
	}
	slices.SortStableFunc(out, func(a, b sideMatch) int { return a.spans[0].start - b.spans[0].start })
	return out
}

// drawnSpans returns the bytes of a cell's text that matches ms are drawn
// in, as sorted, disjoint spans in an array of their own.
func drawnSpans(ms []sideMatch) []span {
	n := 0
	for _, m := range ms {
		n += len(m.spans)
	}
	drawn := make([]span, 0, n)
	for _, m := range ms {
		drawn = append(drawn, m.spans...)
	}
	return unionSpans(drawn)
}

// unionSpans returns the bytes that spans cover, as sorted, disjoint
// spans, in spans's own array.
func unionSpans(spans []span) []span {
	if len(spans) <= 1 {
		return spans
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	out := spans[:1]
	for _, sp := range spans[1:] {
		if last := &out[len(out)-1]; sp.start <= last.end {
			last.end = max(last.end, sp.end)
		} else {
			out = append(out, sp)
		}
	}
	return out
}

// spansOf returns the spans of the text of h's cell that h, one of
// lay's hits, is drawn in.
func (lay *layout) spansOf(h *hit) []span { return hitSpans(h, lay.found, lay.hitSpans) }

// spansOf is layout.spansOf for one of res's hits.
func (res *searchResult) spansOf(h *hit) []span { return hitSpans(h, res.found, res.hitSpans) }

// hitSpans returns the spans h is drawn in, of a search that found, and
// kept spans, for its hits (see hit.spansAt).
func hitSpans(h *hit, found map[int][]span, spans []span) []span {
	at := int(h.spansAt)
	if h.spansN == 0 {
		return found[int(h.cell)][at : at+1 : at+1]
	}
	return spans[at : at+int(h.spansN) : at+int(h.spansN)]
}

// apply makes res lay's search and repaints lay with p. Where matches
// would not show (the terminal shows no attributes, so the match style
// draws nothing), res holds the layout anew with each match starred,
// *like this*: the gutter's ▸ alone does not say which words matched.
func (lay *layout) apply(res searchResult, p *painter) {
	if res.stale {
		return
	}
	if res.starred != nil {
		searches, searched := lay.searches, lay.searched
		*lay = *res.starred
		lay.searches, lay.searched = searches, searched
	}
	lay.query = res.query
	lay.found, lay.hits, lay.hitSpans, lay.counts, lay.matchesCut = res.found, res.hits, res.hitSpans, res.counts, res.matchesCut
	lay.searches++
	lay.searched += res.searched
	p.paint(lay)
}

// lineAt returns the index of the line, at or after from, that holds the
// text at byte offset off: the last line starting at or before it.
func lineAt(lines []line, from, off int) int {
	at := from
	for i := from; i < len(lines); i++ {
		start := -1
		for _, f := range lines[i].frags {
			if f.off >= 0 {
				start = f.off
				break
			}
		}
		switch {
		case start < 0:
			continue
		case start <= off:
			at = i
		default:
			return at
		}
	}
	return at
}
