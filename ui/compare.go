package ui

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/ui/internal/digits"
	"github.com/newsdiff/newsdiff/ui/internal/plural"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// headerRows is the height of the comparison pane's header: outlets,
// titles, and a rule.
const headerRows = 3

// maxLayouts is how many laid-out comparisons a pane keeps: enough for
// flipping between a few pairs, both modes and a resize or two.
const maxLayouts = 8

// wheelRows is how far one notch of the mouse wheel scrolls.
const wheelRows = 3

// comparePane shows one comparison, side by side or inline, and scrolls
// through it. Its rows are laid out and painted once per (comparison,
// width, mode) and search query; View only slices them.
type comparePane struct {
	styles  *Styles
	keys    *KeyMap
	painter *painter
	// links says that the terminal draws OSC 8 hyperlinks: the outlets in
	// the header link to their articles.
	links bool
	// markers says, per mode, whether changes are also bracketed
	// wdiff-style: where the terminal shows no attributes at all, and in
	// inline mode when colour is off.
	markers [2]bool
	layouts []*layout // most recently used first

	cmp   *compare.Comparison
	marks pairMarks
	lay   *layout
	// mode is the mode shown, and want the mode wanted: they differ while
	// the layout in the mode switched to is made (see ToggleMode).
	mode   mode
	want   mode
	width  int
	height int
	focus  bool
	scroll scroller // over the layout's rows, below the header
	// held is the place the reader was at before a resize could not keep
	// it at the top (the pane grew past the comparison's end) or kept it
	// only scaled (a new width), for a resize back to restore while the
	// reader has not scrolled since:
	// the layout it was taken in, and where the scroll was left.
	keptPlace struct {
		pl  place
		lay *layout
		top int
	}

	// The current change (a block index) and search match (an index into
	// lay.hits), or -1: n/N move them, and the gutter marks them.
	curBlock int
	curHit   int
	// curSide, for a current match of both articles' text (inline, a
	// run they have in common), is the article whose match it was found
	// for after v, so that v again comes back to that one; 0 otherwise.
	curSide sides
	// curRow is the current match's row painted with that match standing
	// out, for View to use in place of the plain row.
	curRow string

	input     lineInput
	searching bool // the query is being typed
	query     string
	// searchGen counts the searches started; a search's result carries
	// its number, and only the latest's is taken. Shared with the
	// searches running, which stop once a newer one has started.
	searchGen *atomic.Int64
	// searchFrom is the top row when the search began: each edit of the
	// query looks for the first match from there.
	searchFrom int
	// keptMatch, when not nil, is the match the reader was at in the
	// layout shown before, to be current again once the one shown now is
	// searched for the query (see show).
	keptMatch *matchRef
	// noMatchKept says that the reader was at no match of the query's
	// search when the layout shown replaced one searched for it (the
	// match scrolled away from, see Update): its search leaves the reader
	// at the passage, with no match current, rather than taking them to
	// the first match from where the search began.
	noMatchKept bool
	// carried, when not nil, is the match the reader was at in the
	// comparison shown before SetComparison, for show to make current in
	// the new one's first layout (the same words of the same article,
	// after a swap in the other column).
	carried *matchRef
	// queued are the moves asked for while the query's search ran (keys
	// that scroll, n and N, the mouse's wheel), made once its result
	// comes and the reader is at its first match: keys that arrive
	// together ("/x", enter, j typed fast, or sent at once) go where they
	// would have gone typed slowly. An esc or a / typed before the result
	// comes drops them (see Update).
	queued []tea.Msg

	// laying is the layout being made off the UI goroutine, if one is:
	// in the other mode (v), or for the width and marks now shown (a
	// resize, the story's analysis). Until it comes the layout before
	// stays on screen, fitted to the pane's width (see writeRow).
	laying *layoutJob
	// work is a search of the layout shown that relayout started, until
	// the view takes it (see takeWork).
	work tea.Cmd

	// anchorsLooked is how many blocks and anchors the last new
	// comparison's findAnchor looked at, for the test that it looks at
	// each once.
	anchorsLooked int
	// carriedTop is the passage at the top of the pane a refresh of the
	// archive replaced, for the first comparison laid out here to scroll
	// to (see carryTop).
	carriedTop *topRef

	header []string
	blank  string
	// status is a message for the status bar about what the last key did,
	// or why it did nothing. The root takes it after each update.
	status string
}

func newComparePane(s *Styles, keys *KeyMap, pt *painter, markers [2]bool) comparePane {
	return comparePane{
		styles:    s,
		keys:      keys,
		painter:   pt,
		markers:   markers,
		curBlock:  -1,
		curHit:    -1,
		input:     newLineInput(),
		searchGen: new(atomic.Int64),
	}
}

// SetSize sets the pane's size, re-wrapping for a new width and keeping the
// same passage at the top.
func (p *comparePane) SetSize(width, height int) {
	if width == p.width && height == p.height {
		return
	}
	pl := p.place()
	kept := false
	if h := p.keptPlace; h.lay != nil && h.lay == p.lay && h.top == p.scroll.top {
		kept = true
		// Grown past the end, the pane showed the comparison from an
		// earlier row; the reader has not moved since, and the place
		// they were at comes back as the pane shrinks (a pane zoomed and
		// back): it had become the top of what the tall pane showed.
		pl = h.pl
	}
	hitInView := p.hitRow() >= 0 && p.visible(p.hitRow())
	changeInView := p.changeRow() >= 0 && p.visible(p.changeRow())
	p.width, p.height = width, height
	p.scroll.SetHeight(p.bodyHeight())
	p.blank = strings.Repeat(" ", max(width, 0))
	p.relayout(pl)
	if kept && p.lay != nil {
		p.restore(pl) // a layout of the same width is not laid out again
	}
	p.keptPlace.lay = nil
	// Kept too where the passage stays at the top but the row within it
	// was scaled to its new height: scaled back, rounded down twice, it
	// left the reader a row or two above where they were.
	if pl.block >= 0 && p.lay != nil && p.place() != pl {
		p.keptPlace.pl, p.keptPlace.lay, p.keptPlace.top = pl, p.lay, p.scroll.top
	}
	// The match the reader was at stays on screen: a shorter pane kept
	// the passage at the top, and the match below it was off screen,
	// "match 4/13" of a screen with none marked.
	if r := p.hitRow(); hitInView && r >= 0 && !p.visible(r) {
		p.scroll.ScrollTo(r - p.bodyHeight()/3)
	}
	// So does the change n took the reader to, at the top as n puts it.
	// A terminal made tall enough for the whole comparison showed it from
	// its first row, and made short again (a pane zoomed and back) kept
	// that row at the top: change 29 of 31, off screen, was no longer the
	// current one, and the reader was back at the start.
	if r := p.changeRow(); changeInView && r >= 0 && !p.visible(r) {
		p.scroll.ScrollTo(r)
	}
}

// changeRow returns the first row of the current change, or -1.
func (p comparePane) changeRow() int {
	if p.lay == nil || p.curBlock < 0 || p.curBlock >= len(p.lay.blockRow) {
		return -1
	}
	return p.lay.blockRow[p.curBlock]
}

// Focus and Blur say whether keys go to this pane.
func (p *comparePane) Focus() { p.focus = true; p.renderHeader() }
func (p *comparePane) Blur()  { p.focus = false; p.renderHeader() }

// Focused reports whether the pane has focus.
func (p comparePane) Focused() bool { return p.focus }

// Searching reports whether a search query is being typed.
func (p comparePane) Searching() bool { return p.searching }

// Query returns the search query in effect.
func (p comparePane) Query() string { return p.query }

// Mode returns the layout mode.
func (p comparePane) Mode() mode { return p.mode }

// Comparison returns the comparison shown, or nil.
func (p comparePane) Comparison() *compare.Comparison { return p.cmp }

// SetComparison shows c with marks, keeping the reader at the same passage
// where the new comparison has it (after a swap, or a new right-hand
// outlet). made, when not nil, is c laid out off the UI goroutine (see
// layoutWork): it is shown if it is still the layout wanted.
func (p *comparePane) SetComparison(c *compare.Comparison, marks pairMarks, made *madeLayout) {
	if c == p.cmp {
		p.SetMarks(marks)
		return
	}
	anc := p.anchors()
	p.carried = nil
	if old := p.lay; old != nil && p.query != "" && old.query == p.query && p.curHit >= 0 && p.curHit < len(old.hits) {
		ref := old.matchRef(p.curHit, p.curSide)
		p.carried = &ref
	}
	p.cmp = c
	p.marks = marks
	// A switch of mode under way was for the comparison before: v on
	// this one starts its own, and does not give that one up.
	p.setLaying(nil)
	p.want = p.mode
	p.curBlock, p.curHit = -1, -1
	p.queued = nil
	p.scroll.top = 0
	// Laid out at once, or before (off the key, see layoutWork):
	// the layout shown is of another comparison, and nothing of it would
	// do in the meantime.
	p.lay = nil
	if made != nil && made.lay.key() == p.keyFor(p.want) {
		made.lay.apply(made.res, p.painter)
		p.show(made.lay, place{block: -1})
		if cmd := p.searchShown(); cmd != nil {
			p.work = cmd // a query typed while it was made
		}
	} else {
		p.relayout(place{block: -1})
	}
	p.carried = nil // not laid out at once: the match waits for no layout
	if p.lay != nil {
		bi, looked := findAnchor(c, anc)
		p.anchorsLooked = looked
		below := 0
		if t := p.carriedTop; t != nil {
			p.carriedTop = nil
			if bi < 0 {
				bi, below = t.in(c), t.below
			}
		}
		if bi >= 0 {
			p.scroll.ScrollTo(p.lay.blockRow[bi] + below)
		}
		if p.curHit >= 0 && !p.visible(int(p.lay.hits[p.curHit].row)) {
			p.goToHit(p.curHit) // the match carried over, off the passage's screen
		}
	}
}

// madeLayout is a comparison not shown yet laid out for the pane off the
// UI goroutine, with the search of the query then in effect.
type madeLayout struct {
	lay *layout
	res searchResult
}

// layoutWork returns the work of laying c out with marks for the pane,
// searched for the query, where SetComparison(c, marks, made) would
// otherwise do it on the UI goroutine: c is laid out off the key (see
// offTheKey), and neither made nor a layout kept is the one wanted.
// Laying out two 3.4 MB articles takes a second, and held up every key
// while a new pair was opened; two 10,000-word articles, 20 to 45 ms. It
// returns nil where SetComparison shows c at once. The work gives up,
// and returns nil, once stop reports that it is no longer wanted.
func (p comparePane) layoutWork(c *compare.Comparison, marks pairMarks, made *madeLayout) func(stop func() bool) *madeLayout {
	if c == nil || c == p.cmp || p.width <= 0 || !offTheKey(c) {
		return nil
	}
	k := layoutKey{c, marks, p.width, p.mode} // SetComparison gives up a switch of mode
	if made != nil && made.lay.key() == k || p.cached(k) != nil {
		return nil
	}
	work := p.layOut(k)
	return func(stop func() bool) *madeLayout {
		lay, res := work(stop)
		if lay == nil || res.stale {
			return nil
		}
		return &madeLayout{lay, res}
	}
}

// layOut returns the work of laying k out off the UI goroutine, with the
// pane's markers for its mode, and searching it for the query now in
// effect. The work gives up, returning no layout, once stop reports that
// it is no longer wanted.
func (p comparePane) layOut(k layoutKey) func(stop func() bool) (*layout, searchResult) {
	markers, q, pt := p.markers[k.mode], p.query, p.painter
	return func(stop func() bool) (*layout, searchResult) {
		lay := buildLayoutUnless(k.cmp, k.width, k.mode, markers, k.marks, "", stop)
		if lay == nil {
			return nil, searchResult{}
		}
		return lay, lay.newSearch(q, pt, stop).run()
	}
}

// SetMarks flags the wire copy and the disputed facts of the comparison's
// two articles, once the story's analysis has found them, keeping the
// same passage at the top.
func (p *comparePane) SetMarks(marks pairMarks) {
	if marks == p.marks {
		return
	}
	pl := p.place()
	p.marks = marks
	p.relayout(pl)
}

// ScrollTo puts the passage holding sentence of article a at the top, and
// makes it the current change if it is one. It reports whether the
// comparison has that passage.
func (p *comparePane) ScrollTo(a *corpus.Article, sentence int) bool {
	if p.lay == nil {
		return false
	}
	bi := sentenceBlock(p.cmp, a, sentence)
	if bi < 0 {
		return false
	}
	p.curBlock = -1
	if i, ok := slices.BinarySearch(p.lay.changes, bi); ok {
		p.curBlock = p.lay.changes[i]
	}
	p.scroll.ScrollTo(p.lay.blockRow[bi])
	return true
}

// ToggleMode switches between side by side and inline, keeping the same
// passage at the top and the same match current. A long comparison not laid out in the other mode
// yet is laid out by the command returned, and switches when it is done
// (see handleLaidOut); ToggleMode again before then stays in this mode.
func (p *comparePane) ToggleMode() tea.Cmd {
	if p.want != p.mode {
		p.want = p.mode // v twice: stay
	} else {
		p.want = 1 - p.mode
	}
	p.relayout(p.place())
	return p.takeWork()
}

type (
	// laidOutMsg brings the layout a layoutJob made.
	laidOutMsg struct {
		job *layoutJob
		lay *layout
		res searchResult // the query's search of lay, to apply
	}
)

// layoutJob is a layout being made off the UI goroutine: for a long
// comparison, wrapping both articles again takes a quarter of a second,
// and searching them again as long. dropped says that it is no longer
// wanted: the command making it stops.
type layoutJob struct {
	key     layoutKey
	dropped atomic.Bool
	cmd     tea.Cmd // the command making it, until the view takes it
}

// setLaying makes job the layout being made, dropping the one before.
func (p *comparePane) setLaying(job *layoutJob) {
	if p.laying != nil && p.laying != job {
		p.laying.dropped.Store(true)
	}
	p.laying = job
}

// Switching reports the mode the pane is laying the comparison out in,
// to switch to, if it is.
func (p comparePane) Switching() (mode, bool) {
	if p.laying == nil || p.want == p.mode {
		return 0, false
	}
	return p.want, true
}

// Laying reports whether the layout for the width or marks now shown is
// being made, in the mode shown: until it comes, the layout before is
// shown, cut or padded to the width.
func (p comparePane) Laying() bool { return p.laying != nil && p.want == p.mode }

// takeWork returns, once, the commands relayout started: the making of
// the layout wanted, or a search of the one shown.
func (p *comparePane) takeWork() tea.Cmd {
	var lay tea.Cmd
	if p.laying != nil {
		lay, p.laying.cmd = p.laying.cmd, nil
	}
	search := p.work
	p.work = nil
	return tea.Batch(lay, search)
}

// handleLaidOut shows the layout msg brings, if it is still the one
// wanted: made for the comparison, marks, width and mode wanted, and not
// given up (v again). A newer job replaced it otherwise (see relayout).
// It reports whether the mode switched; again, when not nil, searches
// the layout for a query typed while it was made.
func (p *comparePane) handleLaidOut(msg laidOutMsg) (switched bool, again tea.Cmd) {
	if msg.job != p.laying || msg.lay == nil || msg.res.stale {
		return false, nil
	}
	p.setLaying(nil)
	if msg.job.key != p.keyFor(p.want) {
		// Nothing changes the key without a new job (see relayout); were
		// it to, this one must not be left waiting for nothing.
		p.relayout(p.place())
		return false, p.takeWork()
	}
	msg.lay.apply(msg.res, p.painter)
	was := p.mode
	p.show(msg.lay, p.place())
	again = p.searchShown()
	p.moveQueued() // searched for the query with the layout
	return p.mode != was, again
}

// keyFor is the key of the layout of what the pane shows, in mode md.
func (p comparePane) keyFor(md mode) layoutKey { return layoutKey{p.cmp, p.marks, p.width, md} }

// held returns the comparisons of the layouts the pane keeps, most
// recently shown first, and the comparison shown: a pair opened again is
// shown from them, not compared and laid out again, when the comparison
// cache has let its comparison go. The slice is new, for a command to
// read off the UI goroutine.
func (p comparePane) held() []*compare.Comparison {
	held := make([]*compare.Comparison, 0, len(p.layouts)+1)
	if p.cmp != nil {
		held = append(held, p.cmp)
	}
	for _, l := range p.layouts {
		if !slices.Contains(held, l.cmp) {
			held = append(held, l.cmp)
		}
	}
	return held
}

// cached returns the layout k the pane holds, or nil.
func (p comparePane) cached(k layoutKey) *layout {
	if i := slices.IndexFunc(p.layouts, func(l *layout) bool { return l.key() == k }); i >= 0 {
		return p.layouts[i]
	}
	return nil
}

// relayout shows the layout for the current comparison, width and marks
// in the mode wanted, painted for the current query: one kept, or a new
// one, keeping the reader at pl. A long comparison's new layout is made
// by a command (see takeWork), and shown when it comes; until then the
// layout before stays, the reader can go on scrolling it, and pl is
// taken again when it comes. Laying the long comparison out again took a
// quarter of a second, and searching it again as long, on each resize.
func (p *comparePane) relayout(pl place) {
	defer p.renderHeader()
	if p.cmp == nil || p.width <= 0 {
		p.setLaying(nil)
		p.lay, p.mode = nil, p.want
		p.scroll.SetTotal(0)
		return
	}
	k := p.keyFor(p.want)
	switch {
	case p.lay != nil && p.lay.key() == k:
		p.setLaying(nil) // what is shown is what is wanted
		return
	case p.laying != nil && p.laying.key == k:
		return // being made
	}
	lay := p.cached(k)
	if lay == nil && p.lay != nil && offTheKey(p.cmp) {
		// The twin of the layout shown, in the other mode, is of the
		// width or marks before, and keep drops it once the new layout
		// comes: drop it now, so that no more than two long layouts are
		// held while the new one is made, as before twins were kept.
		p.layouts = slices.DeleteFunc(p.layouts, func(l *layout) bool { return l.wrapLazily && l != p.lay })
		job := &layoutJob{key: k}
		p.setLaying(job)
		work := p.layOut(k)
		job.cmd = recovering("laying out the comparison", func() tea.Msg {
			lay, res := work(job.dropped.Load) // no layout: dropped
			return laidOutMsg{job: job, lay: lay, res: res}
		})
		return
	}
	p.setLaying(nil)
	if lay == nil {
		lay = buildLayout(p.cmp, p.width, k.mode, p.markers[k.mode], p.marks)
		lay.setQuery(p.query, p.painter)
	}
	p.show(lay, pl)
	if cmd := p.searchShown(); cmd != nil {
		p.work = cmd
	}
}

// show makes lay the layout shown, and its mode the pane's, keeping the
// reader at pl and at the current match where lay has it.
func (p *comparePane) show(lay *layout, pl place) {
	p.keep(lay)
	old, oldHit, kept := p.lay, p.curHit, p.keptMatch
	p.lay = lay
	p.mode = lay.mode
	p.curHit = -1
	p.keptMatch = nil
	p.scroll.SetTotal(len(lay.rows))
	p.restore(pl)
	p.renderHeader()
	if carried := p.carried; carried != nil {
		p.carried = nil
		if lay.query != p.query {
			p.keptMatch = carried // found once searchShown has searched it
		} else if i, side := lay.findMatch(*carried); i >= 0 {
			p.goToHit(i)
			p.curSide = side
		}
		return
	}
	if old != nil && old.cmp == lay.cmp && old.query != p.query && lay.query == p.query {
		// The search the reader waited for was of the layout before, and
		// its result will be dropped (see handleSearched); lay was
		// searched as it was made, when the story's analysis came or the
		// terminal was resized meanwhile. Its search is that result: the
		// reader who pressed enter was left at no match, with any moves
		// asked for since waiting for a search that never came.
		p.keptMatch = kept
		p.searchDone()
		return
	}
	if old != nil && old.cmp == lay.cmp && oldHit < 0 && p.query != "" && old.query == p.query && lay.query != p.query {
		p.noMatchKept = true // see searchShown
	}
	if old == nil || oldHit < 0 || oldHit >= len(old.hits) || old.cmp != lay.cmp {
		return // no match of this comparison was current
	}
	switch {
	case lay.query != p.query:
		// Searched by searchShown: the match the reader was at is
		// found once it is.
		if old.query == p.query {
			ref := old.matchRef(oldHit, p.curSide)
			p.keptMatch = &ref
		}
	case old.mode == lay.mode:
		// The same cells at another width, or with other marks: the
		// match the reader was at is still the current one ("match
		// 5/13", not "13 matches" after a resize).
		h := old.hits[oldHit]
		if i := slices.IndexFunc(lay.hits, func(x hit) bool { return x.cell == h.cell && x.match == h.match }); i >= 0 {
			p.curHit = i
			p.curRow = p.painter.paintCurrent(lay, lay.hits[i])
		}
	case old.query == lay.query:
		// The other mode (v) draws the texts in other cells: the match
		// the reader was at is found by where it is in its article's
		// text ("match 3/16", not "16 matches" after v).
		if i, side := lay.findMatch(old.matchRef(oldHit, p.curSide)); i >= 0 {
			p.goToHit(i)
			p.curSide = side
		}
	}
}

// matchRef names a search match apart from the layout, and the
// comparison, it is drawn in: the article whose text holds it, and how
// many matches of that text come before it, its passages taken in the
// article's order. Both modes find the same matches in each article's
// text of a passage, in the order of the text (see cellMatches), so a
// match named in one mode is found in the other (v); and each article's
// text is the same in every comparison of it, so a match named in one
// comparison is found in another of the same article, where the article
// may be in the other column (s).
//
// A search that stopped at maxMatches found the first matches of its
// layout's reading order, which is not each article's text order (a
// moved passage is drawn where the left article has it; inline draws
// one text's passages among the other's), and the other layout's order
// finds another first set: the nth match found in one could be another
// occurrence in the other. So a match is named, and found, only where
// its search found every match of its article before it in the text
// (see searchedUpTo); elsewhere it is not found, and the reader keeps
// the passage it was at with no current match, n going on from there.
type matchRef struct {
	article *corpus.Article
	nth     int
	unsure  bool // matches before it in the text may not have been found
}

// sideOf returns the side a holds in lay's comparison, the left where it
// is both (an article read on its own), or 0.
func (lay *layout) sideOf(a *corpus.Article) sides {
	switch a {
	case lay.cmp.Left:
		return sideLeft
	case lay.cmp.Right:
		return sideRight
	}
	return 0
}

// textOrder returns, for a text of side s, how hit x compares with hit
// y in that side's article: by the block each is drawn in, blocks taken
// by the first of their bytes (a part of a sentence told as two events is
// a block of its own), then by index; within a block, by cell and match.
// matchRef counts by it and findMatch sorts by it, so the two agree.
func (lay *layout) textOrder(s sides) func(x, y hit) int {
	start := func(bi int32) int {
		if s == sideRight {
			return lay.cmp.Blocks[bi].Right.Start
		}
		return lay.cmp.Blocks[bi].Left.Start
	}
	return func(x, y hit) int {
		if bx, by := lay.cells[x.cell].block, lay.cells[y.cell].block; bx != by {
			if sx, sy := start(bx), start(by); sx != sy {
				return cmp.Compare(sx, sy)
			}
			return cmp.Compare(bx, by)
		}
		if x.cell != y.cell {
			return cmp.Compare(x.cell, y.cell)
		}
		return cmp.Compare(x.match, y.match)
	}
}

// matchRef names hit i; a match of both articles' text is named as
// prefer's, if prefer is one of them, else as the left article's.
func (lay *layout) matchRef(i int, prefer sides) matchRef {
	h := lay.hits[i]
	side := sideLeft
	switch {
	case prefer == sideRight && h.sides&sideRight != 0:
		side = sideRight
	case h.sides&sideLeft == 0:
		side = sideRight
	}
	r := matchRef{article: lay.cmp.Left}
	if side == sideRight {
		r.article = lay.cmp.Right
	}
	order := lay.textOrder(side)
	for _, x := range lay.hits {
		if x.sides&side != 0 && order(x, h) < 0 {
			r.nth++
		}
	}
	r.unsure = !lay.searchedUpTo(side, h)
	return r
}

// searchedUpTo reports whether the search of lay found every match of
// side s's text up to and including the one of hit x: every match, where
// it did not stop at maxMatches; else those before, in that text's order
// (textOrder), the first cell it may not have searched to the end of.
func (lay *layout) searchedUpTo(s sides, x hit) bool {
	if !lay.matchesCut {
		return true
	}
	// The search went through the cells in order and stopped in the
	// last that has a match.
	last := -1
	for ci := range lay.found {
		last = max(last, ci)
	}
	order := lay.textOrder(s)
	first, any := hit{}, false
	for ci := max(last, 0); ci < len(lay.cells); ci++ {
		c := &lay.cells[ci]
		if own, mixed := cellSides(lay.mode, &lay.cmp.Blocks[c.block], c.col); !mixed && own&s == 0 {
			continue
		}
		if y := (hit{cell: int32(ci)}); !any || order(y, first) < 0 {
			first, any = y, true
		}
	}
	return !any || order(x, first) < 0
}

// findMatch returns the index of the hit r names, and the side of r's
// article, or -1; -1 too where either search was cut short (see
// matchRef).
func (lay *layout) findMatch(r matchRef) (int, sides) {
	side := lay.sideOf(r.article)
	if side == 0 || r.unsure {
		return -1, 0
	}
	var of []int // the hits of r's article's text
	for i, x := range lay.hits {
		if x.sides&side != 0 {
			of = append(of, i)
		}
	}
	if r.nth >= len(of) {
		return -1, 0
	}
	order := lay.textOrder(side)
	slices.SortFunc(of, func(a, b int) int { return order(lay.hits[a], lay.hits[b]) })
	if i := of[r.nth]; lay.searchedUpTo(side, lay.hits[i]) {
		return i, side
	}
	return -1, 0
}

// searchShown searches the layout shown for the query, where it was
// searched for another: a layout kept from before the query was typed,
// or made while it was. A short comparison is searched at once; a long
// one by the command returned, from where the reader is.
func (p *comparePane) searchShown() tea.Cmd {
	if p.lay == nil || p.lay.query == p.query {
		return nil
	}
	if !offTheKey(p.cmp) {
		p.searchLayout(func() { p.lay.setQuery(p.query, p.painter) })
		p.goToKeptMatch()
		return nil
	}
	p.searchFrom = p.scroll.top
	return p.startSearch(p.query)
}

// goToKeptMatch makes current the match the reader was at before the
// layout shown was searched (see keptMatch), where it has it; otherwise
// the first match from where the search began.
func (p *comparePane) goToKeptMatch() {
	kept, stay := p.keptMatch, p.noMatchKept
	p.keptMatch, p.noMatchKept = nil, false
	if stay && kept == nil {
		// No match was current: the reader stays at the passage, where
		// v took them from the end of the comparison back to the first
		// match from where the search began.
		p.curHit = -1
		return
	}
	if kept != nil && p.lay != nil && p.query != "" {
		if i, side := p.lay.findMatch(*kept); i >= 0 {
			p.goToHit(i)
			p.curSide = side
			return
		}
		// Not to be found for sure (see matchRef): no match is current,
		// as where the layout shown was searched at once (show), and the
		// reader stays at the passage.
		p.curHit = -1
		return
	}
	p.goToFirstHit()
}

// keep puts lay first among the layouts kept, dropping those it makes
// useless or too many.
func (p *comparePane) keep(lay *layout) {
	p.layouts = slices.DeleteFunc(p.layouts, func(l *layout) bool {
		// A layout of this comparison at this width and mode with other
		// marks was made before the story's analysis came, and will not
		// be shown again: over SSH, where memory is per session, it was a
		// quarter of what an idle session held.
		if l.cmp == lay.cmp && l.width == lay.width && l.mode == lay.mode {
			return true
		}
		// A long comparison's layout is tens of megabytes however little
		// of it is wrapped: keep no other beside the one shown but its
		// twin in the other mode, for v to switch back to at once.
		return lay.wrapLazily && l.wrapLazily && (l.cmp != lay.cmp || l.marks != lay.marks || l.width != lay.width)
	})
	if len(p.layouts) >= maxLayouts {
		p.layouts = p.layouts[:maxLayouts-1]
	}
	p.layouts = slices.Insert(p.layouts, 0, lay)
}

// place is where the reader is: the block at the top row, and how many of
// its rows are above the screen.
type place struct {
	block, offset, height int
}

func (p comparePane) place() place {
	if p.lay == nil || len(p.lay.rows) == 0 {
		return place{block: -1}
	}
	b := int(p.lay.rows[p.scroll.top].block)
	return place{b, p.scroll.top - p.lay.blockRow[b], p.blockHeight(b)}
}

// restore scrolls back to pl after a re-layout, scaling the offset into the
// block by how much taller or shorter it became.
func (p *comparePane) restore(pl place) {
	if p.lay == nil || pl.block < 0 || pl.block >= len(p.lay.blockRow) {
		return
	}
	off := 0
	if pl.height > 0 {
		off = pl.offset * p.blockHeight(pl.block) / pl.height
	}
	p.scroll.ScrollTo(p.lay.blockRow[pl.block] + off)
}

func (p comparePane) blockHeight(b int) int {
	end := len(p.lay.rows)
	if b+1 < len(p.lay.blockRow) {
		end = p.lay.blockRow[b+1]
	}
	return end - p.lay.blockRow[b]
}

// topRef is the passage at the top of a comparison by a sentence of its
// article's, the article by its path: a refresh of the archive lists
// every article anew, which the comparison of the pair kept holds. below
// is how many of the passage's rows were above the top.
type topRef struct {
	path     string
	sentence int
	below    int
}

// carryTop takes from old, the comparison pane a refresh of the archive
// replaced, the passage at its top, for the pair's comparison made again
// to open at: it opened at the top, wherever the reader was.
func (p *comparePane) carryTop(old *comparePane) {
	as := old.anchors()
	a, ok := as.first()
	if !ok {
		p.carriedTop = old.carriedTop // none laid out yet: what it was to take
		return
	}
	// below: the rows above the top of the passage the anchor is of.
	p.carriedTop = &topRef{path: a.article.Source, sentence: a.sentence,
		below: old.scroll.top - old.lay.blockRow[a.block]}
}

// in returns the block of c holding the sentence of the article at path
// t names, or -1.
func (t topRef) in(c *compare.Comparison) int {
	for _, a := range []*corpus.Article{c.Left, c.Right} {
		if a.Source == t.path {
			if bi := sentenceBlock(c, a, t.sentence); bi >= 0 {
				return bi
			}
		}
	}
	return -1
}

// anchor names a passage by a sentence of an article, so that another
// comparison of that article can find it.
type anchor struct {
	article  *corpus.Article
	sentence int
	// moved says the passage is a moved one, drawn where the left
	// article has it: where the article goes to the other column, as on
	// a swap, the other comparison draws it where that one has it, far
	// from where the reader was.
	moved bool
	// block is the block of the comparison it was taken from.
	block int
}

// anchors name the passage at the top row, best first: its own sentences
// on either side, then those of the passages above it, so that after a
// swap or a new right-hand article the nearest passage still there can be
// found. They are made as they are asked for (see findAnchor): far down a
// long comparison there are thousands, and the first one or two are
// nearly always the one found.
type anchors struct {
	cmp *compare.Comparison
	top int // the block at the top row; -1 for none
}

// anchors returns the anchors of the passage at the top row.
func (p comparePane) anchors() anchors {
	if p.lay == nil || len(p.lay.rows) == 0 {
		return anchors{top: -1}
	}
	return anchors{p.cmp, int(p.lay.rows[p.scroll.top].block)}
}

// each calls yield with each anchor, best first, until it returns false.
func (as anchors) each(yield func(anchor) bool) {
	for b := as.top; b >= 0; b-- {
		blk := &as.cmp.Blocks[b]
		moved := blk.Kind == compare.Moved
		if blk.LeftSentences.Len() > 0 && !yield(anchor{as.cmp.Left, blk.LeftSentences.Start, moved, b}) {
			return
		}
		if blk.RightSentences.Len() > 0 && !yield(anchor{as.cmp.Right, blk.RightSentences.Start, moved, b}) {
			return
		}
	}
}

// first returns the best anchor, and whether there is one.
func (as anchors) first() (a anchor, ok bool) {
	as.each(func(x anchor) bool { a, ok = x, true; return false })
	return a, ok
}

// findAnchor returns the block of c holding the first of as that c has,
// or -1, and how many blocks and anchors it looked at. It indexes the
// blocks of c holding each sentence of the articles the two comparisons
// share, in one pass, and then looks each anchor up: it used to scan
// c's blocks once for every anchor, and far down two long articles,
// with thousands of passages above the top, going to a pair that
// shares neither took a scan of every block for each of them.
func findAnchor(c *compare.Comparison, as anchors) (block, looked int) {
	if c == nil || as.cmp == nil || as.top < 0 {
		return -1, 0
	}
	shared := func(a *corpus.Article) bool { return a == c.Left || a == c.Right }
	if !shared(as.cmp.Left) && !shared(as.cmp.Right) {
		return -1, 0
	}
	// index holds, for each article of c, the block holding each of its
	// sentences, plus one; the first block, where two hold one.
	index := make(map[*corpus.Article][]int32, 2)
	note := func(a *corpus.Article, r corpus.Range, bi int) {
		if !shared(a) || r.Len() <= 0 {
			return
		}
		blocks := index[a]
		if blocks == nil {
			blocks = make([]int32, len(a.Sentences))
			index[a] = blocks
		}
		for s := max(r.Start, 0); s < min(r.End, len(blocks)); s++ {
			if blocks[s] == 0 {
				blocks[s] = int32(bi) + 1
			}
		}
	}
	for bi := range c.Blocks {
		blk := &c.Blocks[bi]
		looked++
		note(c.Left, blk.LeftSentences, bi)
		note(c.Right, blk.RightSentences, bi)
	}
	// An article that changes column (a swap) has its moved passages
	// drawn elsewhere in c: they are the anchors of last resort.
	changesColumn := func(a *corpus.Article) bool {
		return a == as.cmp.Left && a != c.Left || a == as.cmp.Right && a != c.Right
	}
	block = -1
	fallback := -1
	as.each(func(a anchor) bool {
		looked++
		if blocks := index[a.article]; a.sentence >= 0 && a.sentence < len(blocks) && blocks[a.sentence] > 0 {
			if a.moved && changesColumn(a.article) {
				if fallback < 0 {
					fallback = int(blocks[a.sentence]) - 1
				}
				return true
			}
			block = int(blocks[a.sentence]) - 1
			return false
		}
		return true
	})
	if block < 0 {
		block = fallback
	}
	return block, looked
}

// sentenceBlock returns the first block of c holding sentence of article
// a, or -1.
func sentenceBlock(c *compare.Comparison, a *corpus.Article, sentence int) int {
	in := func(r corpus.Range) bool { return sentence >= r.Start && sentence < r.End }
	for bi := range c.Blocks {
		blk := &c.Blocks[bi]
		if c.Left == a && in(blk.LeftSentences) || c.Right == a && in(blk.RightSentences) {
			return bi
		}
	}
	return -1
}

func (p comparePane) bodyHeight() int { return max(p.height-headerRows, 1) }

func (p comparePane) visible(row int) bool { return p.scroll.Visible(row) }

// Update handles the keys and mouse events for a focused pane.
func (p comparePane) Update(msg tea.Msg) (comparePane, tea.Cmd) {
	if p.lay == nil {
		return p, nil
	}
	p.keptPlace.lay = nil // the reader goes on from where they are now
	k := p.keys
	if p.query != "" && p.SearchPending() && p.moves(msg) {
		p.queued = append(p.queued, msg) // made when the search is done
		return p, nil
	}
	if msg, ok := msg.(tea.KeyMsg); ok && len(p.queued) > 0 && key.Matches(msg, k.Search, k.Cancel) {
		// esc, or / for another search, gives up the moves held: they
		// were to be made from the first match of a search that has not
		// answered, and finishing it here held the key up for as long as
		// it takes (a large part of a second on two long articles). esc
		// gives the search up too (see setQuery).
		p.queued = nil
	}
	if p.scroll.Update(msg, k) {
		if p.curHit >= 0 && p.curHit < len(p.lay.hits) && !p.visible(int(p.lay.hits[p.curHit].row)) {
			// Scrolled away from (G, a page, the wheel), the match is
			// no longer where the reader is: n goes on from the screen,
			// and s and v keep the passage at its top, as they do after
			// a change scrolled away from. Kept, the bar said "match
			// 2/15" over the end of the comparison, and v took the
			// reader back to the top, to the match.
			p.curHit = -1
		}
		return p, nil
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, k.NextChange):
			p.nextChange(1)
		case key.Matches(msg, k.PrevChange):
			p.nextChange(-1)
		case key.Matches(msg, k.NextMatch):
			p.nextMatch(1)
		case key.Matches(msg, k.PrevMatch):
			p.nextMatch(-1)
		case p.query != "" && (pressedOff(msg, k.NextMatch) || pressedOff(msg, k.PrevMatch)):
			p.nextMatch(1) // says that nothing matches
		case p.query == "" && (pressedOff(msg, k.NextChange) || pressedOff(msg, k.PrevChange)):
			p.nextChange(1) // says that the texts are the same
		case key.Matches(msg, k.Search):
			p.searching = true
			p.searchFrom = p.scroll.top
			p.input.SetValue("")
		case key.Matches(msg, k.Cancel):
			if p.query != "" {
				cmd := p.setQuery("")
				p.status = "search cleared"
				return p, cmd
			}
		}
	}
	return p, nil
}

// UpdateSearch edits the search query while it is being typed: each edit
// finds the first match from where the search began.
func (p comparePane) UpdateSearch(msg tea.KeyMsg) (comparePane, tea.Cmd) {
	switch {
	case key.Matches(msg, p.keys.Accept):
		p.searching = false
		if p.query != "" && !p.SearchPending() && len(p.lay.hits) == 0 {
			p.status = fmt.Sprintf("no matches for %q", p.query)
		}
	case key.Matches(msg, p.keys.Cancel), key.Matches(msg, p.keys.DeleteChar) && p.input.Empty():
		// backspace with nothing left to delete closes the search, as
		// esc does, and as it closes vim's and less's prompts.
		p.searching = false
		cmd := p.setQuery("")
		p.scroll.ScrollTo(p.searchFrom)
		return p, cmd
	default:
		in, changed := p.input.Update(msg, p.keys)
		p.input = in
		if changed {
			p.keptMatch, p.noMatchKept = nil, false // a place in another query's search
			// The query typed is read as the articles' texts are (see
			// corpus.Normalise): "cafe" and a combining acute, as some
			// keyboards and pastes send it, finds "café" however the
			// outlet wrote it.
			return p, p.startSearch(corpus.NormaliseString(in.Value()))
		}
	}
	return p, nil
}

type (
	// searchedMsg is the result of a search of the comparison pane's
	// layout lay, the gen'th started.
	searchedMsg struct {
		lay *layout
		gen int64
		res searchResult
	}
)

// startSearch makes q the query and returns the command that searches
// for it. A search of two long articles takes a large part of a second:
// run as the query was typed, it held up every key. Until its result
// comes, the status says "searching…" and the matches shown are the
// previous query's. Where the search leaves the reader (keptMatch,
// noMatchKept) stays: a caller that changes the query drops it, and
// searchShown, searching the layout shown for the same query, has just
// kept it.
func (p *comparePane) startSearch(q string) tea.Cmd {
	p.query = q
	p.curHit = -1
	p.queued = nil
	gen := p.searchGen.Add(1)
	if p.lay == nil {
		return nil
	}
	if p.searchesAtOnce(q) {
		// Nothing to look for, or found already: no need to wait.
		p.searchLayout(func() { p.lay.setQuery(q, p.painter) })
		p.goToFirstHit()
		return nil
	}
	lay, counter := p.lay, p.searchGen
	sr := lay.newSearch(q, p.painter, func() bool { return counter.Load() != gen })
	return recovering("the search", func() tea.Msg {
		return searchedMsg{lay: lay, gen: gen, res: sr.run()}
	})
}

// searchesAtOnce reports whether the layout shown is searched for q at
// once: q is what it was searched for, or nothing to look for. Not where
// the matches of a long layout are starred, *like this* (the terminal
// shows no attributes): taking the stars away lays the two articles out
// anew, a second on the UI goroutine, and it is done by a command.
func (p comparePane) searchesAtOnce(q string) bool {
	if q == p.lay.query {
		return true
	}
	return q == "" && !(p.painter.starMatches && offTheKey(p.cmp))
}

// handleSearched takes a search's result, unless a newer search has
// started or the layout searched is no longer shown (relayout searched
// the new one at once).
func (p *comparePane) handleSearched(msg searchedMsg) {
	if msg.gen != p.searchGen.Load() || msg.lay != p.lay || msg.res.stale || msg.res.query != p.query {
		return
	}
	p.searchLayout(func() { p.lay.apply(msg.res, p.painter) })
	p.searchDone()
}

// searchDone takes the reader where the query's search, just done, says:
// its first match from where the search began (or the match kept), and
// then the moves asked for while it ran.
func (p *comparePane) searchDone() {
	if p.searching && p.input.Value() != p.query {
		// A query accepted before, answering while the next is typed:
		// its matches are shown, but the reader stays where the new
		// query begins, as when the answer came before the /.
		p.keptMatch = nil
		return
	}
	p.goToKeptMatch()
	if !p.searching && p.query != "" && len(p.lay.hits) == 0 {
		// The query was accepted before its search was done.
		p.status = fmt.Sprintf("no matches for %q", p.query)
	}
	p.moveQueued()
}

// moveQueued makes the moves asked for while the query's search ran,
// once it is done and the reader is at its first match.
func (p *comparePane) moveQueued() {
	if p.lay == nil || p.SearchPending() || p.query == "" {
		return
	}
	queued := p.queued
	p.queued = nil
	for _, msg := range queued {
		*p, _ = p.Update(msg)
	}
}

// goToFirstHit makes current the first match at or below where the
// search began, or the first of all; with none, while the query is typed,
// the reader goes back where the search began.
func (p *comparePane) goToFirstHit() {
	p.curHit = -1
	if p.lay == nil || p.query == "" {
		return
	}
	if i := sort.Search(len(p.lay.hits), func(i int) bool { return int(p.lay.hits[i].row) >= p.searchFrom }); i < len(p.lay.hits) {
		p.goToHit(i)
	} else if len(p.lay.hits) > 0 {
		p.goToHit(0)
	} else if p.searching {
		// Nothing matches the query as typed: back where the search
		// began, as vim's incremental search goes, not left at a match
		// of what was typed before ("Sullivan", then "Sullivanzz").
		p.scroll.ScrollTo(p.searchFrom)
	}
}

// SearchPending reports whether the query's search is still running.
func (p comparePane) SearchPending() bool {
	return p.lay != nil && p.query != p.lay.query
}

// setQuery makes q the query, searching the layout shown for it at once,
// or, where that would take long (see searchesAtOnce), by the command
// returned.
func (p *comparePane) setQuery(q string) tea.Cmd {
	p.keptMatch, p.noMatchKept = nil, false
	if p.lay != nil && !p.searchesAtOnce(q) {
		return p.startSearch(q)
	}
	p.query = q
	p.curHit = -1
	p.queued = nil
	p.searchGen.Add(1) // a search still running is no longer wanted
	if p.lay != nil {
		p.searchLayout(func() { p.lay.setQuery(q, p.painter) })
	}
	return nil
}

// searchLayout runs search, which searches the layout shown in place, and
// keeps the scroller on it: where matches are starred, *like this* (the
// terminal shows no attributes), the search lays the comparison out anew
// with the stars, and its rows, wrapped again, change in number. The
// reader stays at the passage it was at.
func (p *comparePane) searchLayout(search func()) {
	pl := p.place()
	search()
	if p.scroll.total != len(p.lay.rows) {
		p.scroll.SetTotal(len(p.lay.rows))
		p.restore(pl)
		p.renderHeader()
	}
}

// nextChange moves to the next (dir 1) or previous (dir -1) block with a
// change and puts it at the top. From a current change still on screen it
// steps from there; otherwise from what is on screen.
func (p *comparePane) nextChange(dir int) {
	ch := p.lay.changes
	if len(ch) == 0 {
		p.status = "no differences: the texts are the same"
		return
	}
	var i int
	if p.curBlock >= 0 && p.visible(p.lay.blockRow[p.curBlock]) {
		i = sort.SearchInts(ch, p.curBlock) + dir
	} else if dir > 0 {
		i = sort.Search(len(ch), func(i int) bool { return p.lay.blockRow[ch[i]] >= p.scroll.top })
	} else {
		i = sort.Search(len(ch), func(i int) bool { return p.lay.blockRow[ch[i]] >= p.scroll.top }) - 1
	}
	if i < 0 || i >= len(ch) {
		if dir > 0 {
			p.status = "no more changes below"
		} else {
			p.status = "no more changes above"
		}
		return
	}
	p.curBlock = ch[i]
	p.scroll.ScrollTo(p.lay.blockRow[ch[i]])
}

// moves reports whether msg moves the reader: a key that scrolls, the
// mouse's wheel, or n or N.
func (p comparePane) moves(msg tea.Msg) bool {
	k := p.keys
	switch msg := msg.(type) {
	case tea.MouseMsg:
		return wheel(msg) != 0
	case tea.KeyMsg:
		if _, ok := keyMovement(msg, k, 1); ok {
			return true
		}
		return key.Matches(msg, k.NextChange, k.PrevChange, k.NextMatch, k.PrevMatch)
	}
	return false
}

// nextMatch moves to the next (dir 1) or previous (dir -1) search match,
// wrapping around at either end.
func (p *comparePane) nextMatch(dir int) {
	hits := p.lay.hits
	if p.SearchPending() {
		p.status = fmt.Sprintf("still searching for %q", p.query)
		return
	}
	if len(hits) == 0 {
		p.status = fmt.Sprintf("no matches for %q", p.query)
		return
	}
	var i int
	if p.curHit >= 0 && p.curHit < len(hits) && p.visible(int(hits[p.curHit].row)) {
		i = p.curHit + dir
	} else {
		i = sort.Search(len(hits), func(i int) bool { return int(hits[i].row) >= p.scroll.top })
		if dir < 0 {
			i--
		}
	}
	wrapped := i < 0 || i >= len(hits)
	i = (i + len(hits)) % len(hits)
	p.goToHit(i)
	if wrapped {
		p.status = "search wrapped around"
	}
}

// goToHit makes hit i current, scrolling it into view a third of the way
// down if it is off screen.
func (p *comparePane) goToHit(i int) {
	p.curHit = i
	p.curSide = 0
	p.curRow = p.painter.paintCurrent(p.lay, p.lay.hits[i])
	r := int(p.lay.hits[i].row)
	if !p.visible(r) {
		p.scroll.ScrollTo(r - p.bodyHeight()/3)
	}
}

// CurrentBlock returns the passage the reader is at: the current change
// or match while it is on screen, else the one at the top; -1 for none.
func (p comparePane) CurrentBlock() int {
	if p.lay == nil || len(p.lay.rows) == 0 {
		return -1
	}
	if r := p.cursorRow(); r >= 0 && p.visible(r) {
		return int(p.lay.rows[r].block)
	}
	return int(p.lay.rows[p.scroll.Top()].block)
}

// hitRow returns the row of the current match, or -1 when there is none.
func (p comparePane) hitRow() int {
	if p.lay == nil || p.curHit < 0 || p.curHit >= len(p.lay.hits) {
		return -1
	}
	return int(p.lay.hits[p.curHit].row)
}

// cursorRow returns the row the gutter marks as current, or -1.
func (p comparePane) cursorRow() int {
	switch {
	case p.lay == nil:
		return -1
	case p.query != "":
		return p.hitRow()
	case p.curBlock >= 0 && p.curBlock < len(p.lay.blockRow):
		return p.lay.blockRow[p.curBlock]
	}
	return -1
}

// Position describes the scroll position: "row 10/230 · 4%".
func (p comparePane) Position() string {
	if p.lay == nil {
		return ""
	}
	return p.scroll.Position()
}

// ChangeStatus says which change is current, while it is on screen:
// "change 4/38".
func (p comparePane) ChangeStatus() string {
	if p.lay == nil || p.query != "" || p.curBlock < 0 || !p.visible(p.lay.blockRow[p.curBlock]) {
		return ""
	}
	i := sort.SearchInts(p.lay.changes, p.curBlock)
	return "change " + digits.Group(i+1) + "/" + digits.Group(len(p.lay.changes))
}

// SearchStatus describes the search: the match under the cursor and how
// many there are.
//
// A match counts once for each article whose text holds it, in either
// mode: side by side, words the two passages have in common are drawn
// twice, once in each column, and inline once, and they count two
// matches in both modes; inline the match under the cursor is then two
// of them: "match 4–5/22".
func (p comparePane) SearchStatus() string {
	if p.query == "" || p.lay == nil {
		return ""
	}
	if p.SearchPending() {
		return "searching…"
	}
	count := digits.Group(p.lay.counts[0] + p.lay.counts[1])
	if p.lay.matchesCut {
		count += "+" // the search kept the first maxMatches
	}
	switch {
	case len(p.lay.hits) == 0:
		return "no matches"
	case p.curHit >= 0 && p.curHit < len(p.lay.hits):
		h := p.lay.hits[p.curHit]
		if h.sides == bothSides {
			return "match " + digits.Group(int(h.nth)) + "–" + digits.Group(int(h.nth)+1) + "/" + count
		}
		return "match " + digits.Group(int(h.nth)) + "/" + count
	}
	return count + " matches"
}

// selfCompared reports whether c is the only article of a corpus facing
// itself: one text, not two sides to count, swap or step between.
func selfCompared(c *compare.Comparison) bool {
	return c != nil && c.Left == c.Right
}

// SearchSides says how many of the matches are in each article's text,
// which is what the count counts: "10 left, 12 right".
func (p comparePane) SearchSides() string {
	if p.query == "" || p.lay == nil || p.SearchPending() || len(p.lay.hits) == 0 || selfCompared(p.lay.cmp) {
		return ""
	}
	return digits.Group(p.lay.counts[0]) + " left, " + digits.Group(p.lay.counts[1]) + " right"
}

// renderHeader renders the outlets and titles above the rows.
func (p *comparePane) renderHeader() {
	p.header = p.header[:0]
	if p.cmp == nil || p.width <= 0 {
		return
	}
	// The width of the layout shown, which writeRow fits to the pane's
	// while the one for its width is made.
	width := p.width
	if p.lay != nil {
		width = p.lay.width
	}
	s := p.styles
	outlet := s.Compare.Outlet
	if p.focus {
		outlet = s.Compare.FocusOutlet
	}
	l, r := p.cmp.Left, p.cmp.Right
	lname, rname := pairNames(l, r)
	lsw, rsw := s.Compare.LeftSwatch.Render("━━"), s.Compare.RightSwatch.Render("━━")
	if p.markers[p.mode] {
		// The marks whole: a lone "[-" read as a mark left open.
		lsw, rsw = s.Compare.LeftSwatch.Render("[-…-]"), s.Compare.RightSwatch.Render("{+…+}")
	}
	swW := textWidth(lsw) + 1 // the swatch and a space before the outlet
	gutter := strings.Repeat(" ", gutterWidth)
	// The first line's gutter holds the focus mark, where there is one.
	lead := p.styles.lead(p.focus) + gutter[1:]
	// link links an outlet's name, drawn, to its article where the
	// terminal draws links (see hyperlink).
	link := func(a *corpus.Article, drawn string) string { return hyperlink(p.links, a.URL, drawn) }
	// rule draws the third line: a rule, or, when the two share no passage
	// but their titles, a warning in its place. An article without prose
	// (a title over page furniture) has no passage to share, so two such
	// articles, however alike, are no sign of two stories.
	rule := func(plain string) string {
		if p.cmp.Stats().Paired > 0 || l == r || l.ProseWords() == 0 || r.ProseWords() == 0 {
			return s.Compare.Rule.Render(plain)
		}
		note := truncate(" these articles share no passage — different stories? ", width-2)
		return s.Compare.Rule.Render("──") + s.Compare.FactMark.Render(note) + s.Compare.Rule.Render(strings.Repeat("─", max(width-2-textWidth(note), 0)))
	}
	if p.mode == inline {
		w := width - gutterWidth
		// Two outlets named alike ("longbench-multinews-018_01", "…_02")
		// keep the ends that tell them apart.
		names := truncateApart([]string{lname, rname}, max(w-swW, 1))
		lname, rname := names[0], names[1]
		side := func(lead, sw, name, title string, words int, a *corpus.Article) string {
			rest := w - swW - textWidth(name)
			tail := wordCount(words, rest)
			if room := rest - textWidth(tail); room >= minTitle {
				t := " · " + title
				if textWidth(t) > room-textWidth(articleDate(a, room)) {
					// The date before the title's end: a long title
					// pushed it off one line and not the other, and the
					// article read as undated.
					d := articleDate(a, room-minTitle)
					tail += truncate(t, room-textWidth(d)) + d
				} else {
					tail += t + articleSource(a, room-textWidth(t))
				}
			}
			return lead + sw + " " + link(a, outlet.Render(name)) + s.Compare.Title.Render(tail) + strings.Repeat(" ", max(rest-textWidth(tail), 0))
		}
		second := side(gutter, rsw, rname, termsafe.OneLine(r.Title), r.Words, r)
		if l == r {
			// An article read on its own (the corpus's only one).
			t := truncate(onlyArticle, w)
			second = gutter + s.Compare.Title.Render(t) + strings.Repeat(" ", max(w-textWidth(t), 0))
		}
		p.header = append(p.header,
			side(lead, lsw, lname, termsafe.OneLine(l.Title), l.Words, l),
			second,
			rule(strings.Repeat("─", width)))
		return
	}
	cw := colWidths(width, sideBySide)
	extra := strings.Repeat(" ", max(width-gutterWidth-colSepWidth-2*cw, 0))
	names := truncateApart([]string{lname, rname}, max(cw-swW, 1))
	lname, rname = names[0], names[1]
	// The two sides say the same things, or neither does: the count as
	// long on both ("340w" stood beside "316 words"), and the dates on
	// both or on neither (one side's alone read as the other undated).
	// The address, cut to fit, follows where there is room.
	lroom, rroom := cw-swW-textWidth(lname), cw-swW-textWidth(rname)
	lcount, rcount := wordCounts(l.Words), wordCounts(r.Words)
	form := 0
	for form < len(lcount)-1 && (textWidth(lcount[form]) > lroom || textWidth(rcount[form]) > rroom) {
		form++
	}
	ldate, rdate := articleDate(l, lroom-textWidth(lcount[form])), articleDate(r, rroom-textWidth(rcount[form]))
	if (ldate == "" && l.Date != "") || (rdate == "" && r.Date != "") {
		ldate, rdate = "", ""
	}
	name := func(sw, name, count, date string, room int, a *corpus.Article) string {
		meta := count + date
		if date != "" || a.Date == "" {
			meta += articleAddress(a, room-textWidth(meta))
		}
		meta = truncate(meta, room)
		return sw + " " + link(a, outlet.Render(name)) + s.Compare.Title.Render(meta) + strings.Repeat(" ", max(room-textWidth(meta), 0))
	}
	title := func(t string) string {
		t = truncate(termsafe.OneLine(t), cw)
		return s.Compare.Title.Render(t) + strings.Repeat(" ", cw-textWidth(t))
	}
	p.header = append(p.header,
		lead+name(lsw, lname, lcount[form], ldate, lroom, l)+p.painter.sep+name(rsw, rname, rcount[form], rdate, rroom, r)+extra,
		gutter+title(l.Title)+p.painter.sep+title(r.Title)+extra,
		rule(strings.Repeat("─", gutterWidth+cw)+"─┼─"+strings.Repeat("─", cw)+strings.Repeat("─", len(extra))))
}

// pairNames names the two sides of a comparison by their outlets, made
// safe to print and one line, and by their ids too where both are of one
// outlet (a report and its update, two reports of one day): the header
// said "Hacked.com" over each side, and which was which went by titles
// and dates, cut or alike. The ids alike as well (two stories' files of
// one name), each is its story's: "STORY/ID", as the command line names
// it.
func pairNames(l, r *corpus.Article) (string, string) {
	ln, rn := termsafe.OneLine(l.Outlet), termsafe.OneLine(r.Outlet)
	if l == r || ln != rn {
		return ln, rn
	}
	lid, rid := l.ID, r.ID
	if lid == rid && l.Story != r.Story {
		lid, rid = l.Story+"/"+lid, r.Story+"/"+rid
	}
	return ln + " (" + termsafe.OneLine(lid) + ")", rn + " (" + termsafe.OneLine(rid) + ")"
}

// wordCount is what the header says of an article's length in room
// columns: " · 340 words" whole, or shorter as the list says it, " · 340w",
// or nothing. Cut, "340 wor…" read as a count cut short too.
func wordCount(words, room int) string {
	return longestFitting(room, wordCounts(words)...)
}

// wordCounts are the forms of wordCount, longest first.
func wordCounts(words int) []string {
	return []string{" · " + plural.Count(words, "word", "words"), " · " + digits.Group(words) + "w", ""}
}

// minTitle is the least room the inline header gives a title after the
// word count: " · " and a letter and "…". With less, "340 words ·…" read as
// the count cut short.
const minTitle = 5

// articleSource is what the header says of where an article comes from,
// in at most width columns: " · date" where known and whole, then
// " · address" (without its scheme, which costs columns and says nothing a
// reader needs), shortened to fit when there is room for a useful part.
func articleSource(a *corpus.Article, width int) string {
	d := articleDate(a, width)
	return d + articleAddress(a, width-textWidth(d))
}

// articleDate is " · date" where the article has one and it fits whole in
// width columns, else "".
func articleDate(a *corpus.Article, width int) string {
	if d := " · " + termsafe.OneLine(day(a.Date)); a.Date != "" && textWidth(d) <= width {
		return d
	}
	return ""
}

// articleAddress is " · address" without its scheme, cut to width
// columns, where the article has one and there is room for a useful part.
func articleAddress(a *corpus.Article, width int) string {
	const minAddress = 16 // " · " and enough of a host to recognise it
	if a.URL == "" || width < minAddress {
		return ""
	}
	u := termsafe.OneLine(a.URL)
	for _, scheme := range []string{"https://", "http://"} {
		u = strings.TrimPrefix(u, scheme)
	}
	return truncate(" · "+u, width)
}

// day is the day of date when date is a day and a time, as a page's
// metadata gives it ("2015-07-24T05:36:09+01:00"): the header names the
// article, and the time took a third of a narrow column. Anything else is
// date unchanged.
func day(date string) string {
	if len(date) > len(time.DateOnly) && (date[len(time.DateOnly)] == 'T' || date[len(time.DateOnly)] == ' ') {
		if _, err := time.Parse(time.DateOnly, date[:len(time.DateOnly)]); err == nil {
			return date[:len(time.DateOnly)]
		}
	}
	return date
}

// View renders the header and the rows in view: string concatenation only.
func (p comparePane) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	var sb strings.Builder
	sb.Grow(p.viewSize())
	cur := p.cursorRow()
	for i := range p.height {
		if i > 0 {
			sb.WriteByte('\n')
		}
		p.writeRow(&sb, i, cur)
	}
	return sb.String()
}

// viewSize is at least the length of View in bytes, for growing a buffer
// once: the header, then each row with room for its gutter marks, or a
// blank row past the end.
func (p *comparePane) viewSize() int {
	const gutter = 64 // the escape sequences of a row's marks, generously
	size := 0
	for _, h := range p.header {
		size += len(h) + 1
	}
	for i := len(p.header); i < p.height; i++ {
		r := p.scroll.top + i - len(p.header)
		if p.lay == nil || r >= len(p.lay.rows) {
			size += len(p.blank) + 1
			continue
		}
		row := p.lay.paintedRow(r)
		size += len(row) + max(len(p.curRow)-len(row), 0) + gutter
	}
	return size
}

// writeRow writes the i-th row on screen, counted from the pane's top, into
// sb; cur is cursorRow. Views that set the pane beside another write its
// rows straight into their frame rather than split View's.
//
// While the layout for the pane's width is being made, the one shown is
// of the width before: its rows are cut or padded to the pane's, so that
// the frame keeps its shape (a row wider than the pane breaks onto the
// next line of the terminal and pushes the screen out of place).
func (p *comparePane) writeRow(sb *strings.Builder, i, cur int) {
	if p.width <= 0 || i < 0 || i >= p.height {
		return
	}
	if p.lay != nil && p.lay.width != p.width {
		var row strings.Builder
		p.writeLayoutRow(&row, i, cur)
		sb.WriteString(fitWidth(row.String(), p.width))
		return
	}
	p.writeLayoutRow(sb, i, cur)
}

// fitWidth cuts s to width cells, or pads it with spaces to them.
func fitWidth(s string, width int) string {
	if w := textWidth(s); w < width {
		return s + strings.Repeat(" ", width-w)
	} else if w > width {
		return ansi.Truncate(s, width, "")
	}
	return s
}

// writeLayoutRow is writeRow for a layout as wide as the pane.
func (p *comparePane) writeLayoutRow(sb *strings.Builder, i, cur int) {
	if i < len(p.header) {
		sb.WriteString(p.header[i])
		return
	}
	r := p.scroll.top + i - len(p.header)
	if p.lay == nil || r >= len(p.lay.rows) {
		sb.WriteString(p.blank)
		return
	}
	row := p.lay.paintedRow(r)
	if r == cur {
		sb.WriteString(p.painter.current)
		if p.curHit >= 0 && p.curRow != "" {
			row = p.curRow
		}
	} else {
		sb.WriteByte(' ')
	}
	sb.WriteString(p.painter.marks[p.lay.rows[r].mark])
	sb.WriteString(p.painter.rowMarks[p.lay.rows[r].rowMark])
	sb.WriteString(row)
}
