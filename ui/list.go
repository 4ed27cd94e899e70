package ui

import (
	"slices"
	"sort"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/newsdiff/newsdiff/corpus"
)

// list is the one cursor every pane with entries moves through: the
// articles, the quotes, the passages and the matrix's rows. Entries are
// one or more rows tall; headings are entries the cursor skips; a filter
// narrows the entries to those whose label holds the query, keeping the
// headings above them. The rows are seen through a scroller, which the
// cursor keeps on screen.
//
// It is a component of its own rather than bubbles/list because every
// pane here needs entries of several rows, headings the cursor skips, and
// a window of rows rather than of items; and list's filtering would pull
// in modules this program does not otherwise need.
type list struct {
	all    []listEntry
	shown  []listEntry // the entries the filter lets through
	starts []int       // the first row of each shown entry, and the total at the end
	// heads are the indexes into shown of its headings, so that counting
	// the entries shown, or those under a heading, on every key and
	// frame costs no pass over a hundred thousand of them.
	heads  []int
	cursor int    // index into shown; a selectable entry, or 0 when none is shown
	filter string // folded
	// also lets an entry through whose label does not hold the filter
	// (an archive search found it); nil lets none.
	also   func(item int) bool
	scroll scroller
	// held is the item (plus one; 0 for none) the cursor was on when a
	// filter last let nothing through, for the filter after it to put
	// the cursor back on (see SetFilter).
	held int
	// tested counts the labels a filter has looked at, for the test
	// that typing a long query costs what its growth costs.
	tested int
}

// listEntry is an entry of a list: item is the caller's index for it.
// A heading is an entry the cursor skips; context is, for a heading, how
// many of its last rows to keep on screen above the first entry under it.
type listEntry struct {
	item    int
	height  int
	head    bool
	context int
	// label is the entry's text folded for filtering (see filterRune).
	label string
}

// heading reports whether e is a heading the cursor skips.
func (e listEntry) heading() bool { return e.head }

// SetEntries replaces the entries, keeping the cursor on the same item
// where it is still shown, and the filter.
func (l *list) SetEntries(entries []listEntry) {
	sel := l.Selected()
	l.all = entries
	l.applyFilter()
	l.cursor = 0
	if !l.Select(sel) {
		l.Move(0)
	}
}

// SetFilter shows only the entries whose label holds q (case folded), or
// that also lets through, under their headings, keeping the cursor on the
// same item where it can.
//
// A query that extends the one before, with no also, looks only at the
// entries that one let through: typing (or pasting) a long query costs
// what its growth costs, not a pass over every entry per letter.
func (l *list) SetFilter(q string, also func(item int) bool) {
	sel := l.Selected()
	switch {
	case sel >= 0:
		l.held = sel + 1
	case l.held > 0:
		// The filter before let nothing through: the cursor goes back
		// to the entry it was on before it, not to the first, as a
		// filter of nothing cleared put it, the place in a long list
		// lost to a typo.
		sel = l.held - 1
	}
	// Read as the labels' texts are (see corpus.Normalise), and folded
	// as they are (see filterRune).
	q = filterFold(corpus.NormaliseString(strings.TrimSpace(q)))
	if q == l.filter && also == nil && l.also == nil {
		return
	}
	narrower := l.filter != "" && strings.HasPrefix(q, l.filter) && also == nil && l.also == nil
	l.filter, l.also = q, also
	if narrower {
		l.narrowFilter()
	} else {
		l.applyFilter()
	}
	l.showFrom(sel)
}

// showFrom shows a newly filtered list from its top, the cursor on item
// sel if it is still shown (scrolled down to it if need be), else on the
// first entry.
func (l *list) showFrom(sel int) {
	l.cursor = 0
	l.scroll.ScrollTo(0)
	if !l.Select(sel) {
		l.Move(0)
	}
}

func (l *list) applyFilter() {
	l.shown = l.shown[:0]
	heading := -1
	for i, e := range l.all {
		if e.heading() && l.filter == "" {
			// Unfiltered, every row shows: a heading with no entry under
			// it too, such as a last section that has none.
			l.shown = append(l.shown, e)
			continue
		}
		if e.heading() {
			heading = i
			continue
		}
		if l.filter != "" && !l.lets(e) {
			continue
		}
		if heading >= 0 {
			l.shown = append(l.shown, l.all[heading])
			heading = -1
		}
		l.shown = append(l.shown, e)
	}
	l.layOut()
}

// Include shows, besides the entries the filter lets through, the
// entries of items (an archive search's finds, a few thousand at most),
// each under its heading, and lets them through from now on. It merges
// them into what is shown rather than filtering every entry again: on a
// hundred thousand entries that is the difference between a frame and
// several.
//
// A cursor on the first entry shown, where a filter puts it, stays on
// the first: finds that come above it are where the list now starts.
// Kept on its entry, it went down past them, to the window's foot, their
// heading scrolled off above, and what the list starts with unseen.
func (l *list) Include(items []int, also func(item int) bool) {
	sel := l.Selected()
	if at, _ := l.Count(); at == 1 {
		sel = -1
	}
	l.also = also
	// Where each item is in all: at its own index, as the panes number
	// them, or else looked up.
	var pos map[int]int
	at := func(it int) (int, bool) {
		if it >= 0 && it < len(l.all) && l.all[it].item == it && !l.all[it].heading() {
			return it, true
		}
		if pos == nil {
			pos = make(map[int]int, len(l.all))
			for i, e := range l.all {
				if !e.heading() {
					pos[e.item] = i
				}
			}
		}
		i, ok := pos[it]
		return i, ok
	}
	var add []int // indexes into all
	for _, it := range items {
		if i, ok := at(it); ok {
			add = append(add, i)
		}
	}
	slices.Sort(add)
	// The entries shown, by index into all, merged with those added.
	shownAt := make([]int, 0, len(l.shown)+len(add))
	for _, e := range l.shown {
		if !e.heading() {
			i, _ := at(e.item)
			shownAt = append(shownAt, i)
		}
	}
	merged := make([]int, 0, len(shownAt)+len(add))
	for i, j := 0, 0; i < len(shownAt) || j < len(add); {
		switch {
		case j == len(add) || i < len(shownAt) && shownAt[i] < add[j]:
			merged = append(merged, shownAt[i])
			i++
		case i == len(shownAt) || add[j] < shownAt[i]:
			merged = append(merged, add[j])
			j++
		default:
			merged = append(merged, shownAt[i])
			i, j = i+1, j+1
		}
	}
	// Each entry under its heading: the last heading before it in all,
	// found walking all once.
	l.shown = l.shown[:0]
	head, shownHead, walked := -1, -1, 0
	for _, i := range merged {
		for ; walked < i; walked++ {
			if l.all[walked].heading() {
				head = walked
			}
		}
		if head >= 0 && head != shownHead {
			l.shown = append(l.shown, l.all[head])
			shownHead = head
		}
		l.shown = append(l.shown, l.all[i])
	}
	l.layOut()
	l.showFrom(sel)
}

// SetLabels gives every entry but the headings the label labelOf makes
// of its item, for a list whose labels are made only once it is
// filtered. The filter in effect is applied again.
func (l *list) SetLabels(labelOf func(item int) string) {
	for i := range l.all {
		if !l.all[i].heading() {
			l.all[i].label = labelOf(l.all[i].item)
		}
	}
	l.applyFilter()
}

// lets reports whether the filter lets e, not a heading, through.
func (l *list) lets(e listEntry) bool {
	l.tested++
	return l.labelHolds(e) || (l.also != nil && l.also(e.item))
}

// labelHolds reports whether e's label holds the filter: whether the
// filter lets e through for its label, not for also alone.
func (l *list) labelHolds(e listEntry) bool {
	return strings.Contains(e.label, l.filter)
}

// narrowFilter applies a filter that extends the one before: it drops,
// from the entries shown, those it does not let through, and headings
// left with nothing under them.
func (l *list) narrowFilter() {
	kept := l.shown[:0]
	for _, e := range l.shown {
		if e.heading() || l.lets(e) {
			kept = append(kept, e)
		}
	}
	// Drop each heading that no entry followed.
	out := kept[:0]
	for i, e := range kept {
		if e.heading() && (i+1 == len(kept) || kept[i+1].heading()) {
			continue
		}
		out = append(out, e)
	}
	l.shown = out
	l.layOut()
}

// layOut numbers the rows of the entries shown, and finds their
// headings: whatever changes the entries shown lays them out again.
func (l *list) layOut() {
	l.starts = l.starts[:0]
	l.heads = l.heads[:0]
	row := 0
	for i, e := range l.shown {
		l.starts = append(l.starts, row)
		row += e.height
		if e.heading() {
			l.heads = append(l.heads, i)
		}
	}
	l.starts = append(l.starts, row)
	l.scroll.SetTotal(row)
	if c := l.cursor; c < len(l.shown) {
		l.settleTop(l.starts[c+1])
	}
}

// SetHeight sets the number of rows on screen.
func (l *list) SetHeight(h int) {
	l.scroll.SetHeight(h)
	l.reveal()
}

// Filtered reports whether a filter narrows the entries.
func (l list) Filtered() bool { return l.filter != "" }

// Shows reports whether the entry of item is shown. It looks item up by
// halving, for a list whose items rise with their entries, as the
// articles pane numbers them (each entry by its index).
func (l list) Shows(item int) bool {
	i := sort.Search(len(l.shown), func(i int) bool { return l.shown[i].item >= item })
	return i < len(l.shown) && l.shown[i].item == item && !l.shown[i].heading()
}

// Len is the number of entries shown, headings included.
func (l list) Len() int { return len(l.shown) }

// CanMove reports whether a moving key has anywhere to go: another entry
// for the cursor, or rows that do not fit.
func (l list) CanMove() bool {
	if !l.scroll.Fits() {
		return true
	}
	_, n := l.Count()
	return n > 1
}

// Count returns the place of the cursor's entry among the entries shown
// that are not headings, from 1 (0 when the cursor is on none), and how
// many of them there are.
func (l list) Count() (at, n int) {
	n = len(l.shown) - len(l.heads)
	if l.cursor < len(l.shown) && !l.shown[l.cursor].heading() {
		at = l.cursor + 1 - sort.SearchInts(l.heads, l.cursor)
	}
	return at, n
}

// Under returns how many entries, not headings, are shown under heading
// i: those between it and the next heading.
func (l list) Under(i int) int {
	next := len(l.shown)
	if k := sort.SearchInts(l.heads, i+1); k < len(l.heads) {
		next = l.heads[k]
	}
	return next - i - 1
}

// Entry returns shown entry i.
func (l list) Entry(i int) listEntry { return l.shown[i] }

// Cursor returns the index of the cursor's entry among those shown.
func (l list) Cursor() int { return l.cursor }

// Selected returns the item under the cursor, or -1.
func (l list) Selected() int {
	if l.cursor < len(l.shown) && !l.shown[l.cursor].heading() {
		return l.shown[l.cursor].item
	}
	return -1
}

// Select moves the cursor to item, if it is shown, and reports whether it
// is.
func (l *list) Select(item int) bool {
	if item < 0 {
		return false
	}
	for i, e := range l.shown {
		if e.item == item && !e.heading() {
			l.cursor = i
			l.reveal()
			return true
		}
	}
	return false
}

// Offset returns how many rows below the window's top the cursor's
// entry starts (negative where it starts above it).
func (l list) Offset() int {
	if l.cursor >= len(l.shown) {
		return 0
	}
	return l.starts[l.cursor] - l.scroll.top
}

// Restore puts the cursor back where a list before this one had it: on
// item where it is shown, else on the selectable entry nearest at, the
// index among those shown it was at; the window where the cursor's entry
// starts off rows below its top, as far as the window goes (see Offset).
func (l *list) Restore(item, at, off int) {
	if len(l.shown) == 0 {
		return
	}
	if !l.Select(item) {
		l.cursor = l.settle(at)
	}
	l.scroll.ScrollTo(l.starts[l.cursor] - off)
	l.reveal()
}

// Move moves the cursor n selectable entries down (up if negative),
// skipping headings and stopping at either end.
func (l *list) Move(n int) {
	if len(l.shown) == 0 {
		l.cursor = 0
		return
	}
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	c := l.cursor
	for range n {
		next := c + step
		for next >= 0 && next < len(l.shown) && l.shown[next].heading() {
			next += step
		}
		if next < 0 || next >= len(l.shown) {
			break
		}
		c = next
	}
	l.cursor = l.settle(c)
	l.reveal()
}

// settle returns the selectable entry nearest c: c itself, the first
// below it, or the last above it.
func (l list) settle(c int) int {
	c = min(max(c, 0), len(l.shown)-1)
	for i := c; i < len(l.shown); i++ {
		if !l.shown[i].heading() {
			return i
		}
	}
	for i := c; i >= 0; i-- {
		if !l.shown[i].heading() {
			return i
		}
	}
	return c
}

// entryAt returns the shown entry holding row r.
func (l list) entryAt(r int) int {
	return max(sort.Search(len(l.shown), func(i int) bool { return l.starts[i+1] > r }), 0)
}

// moveRows moves the cursor to the entry n rows below (above if negative)
// the top of the cursor's entry, and the window with it, so that a page
// key turns a page of the list as it would a page of text.
func (l *list) moveRows(n int) {
	if len(l.shown) == 0 {
		return
	}
	if l.scrollWithin(n) {
		return
	}
	from := l.cursor
	target := l.entryAt(min(max(l.starts[from]+n, 0), l.scroll.total-1))
	if target == from {
		// An entry taller than the move: step to the next one anyway.
		l.Move(sign(n))
		return
	}
	c := l.settle(target)
	if n > 0 && c < from || n < 0 && c > from {
		c = from
	}
	l.cursor = c
	l.scroll.ScrollBy(n)
	l.reveal()
}

// scrollWithin scrolls the window n rows down (up if negative) through
// the cursor's entry, where the entry runs past the window that way, and
// reports whether it did: a passage taller than the pane showed its first
// rows, and every moving key went from it to the next entry, the rest of
// it never read. The window goes no further than the entry's end.
func (l *list) scrollWithin(n int) bool {
	if l.cursor >= len(l.shown) || l.shown[l.cursor].heading() {
		return false
	}
	top, bottom := l.starts[l.cursor], l.starts[l.cursor+1]
	switch {
	case n > 0 && bottom > l.scroll.top+l.scroll.height:
		l.scroll.ScrollTo(min(l.scroll.top+n, bottom-l.scroll.height))
	case n < 0 && top < l.scroll.top:
		l.scroll.ScrollTo(max(l.scroll.top+n, top))
	default:
		return false
	}
	return true
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// Update moves the cursor for the moving keys and the mouse wheel (one
// entry a notch), scrolling first through an entry taller than the
// window (see scrollWithin), and reports whether msg was one of them.
func (l *list) Update(msg tea.Msg, k *KeyMap) bool {
	switch msg := msg.(type) {
	case tea.MouseMsg:
		d := wheel(msg)
		if d == 0 {
			return false
		}
		if !l.scrollWithin(d * wheelRows) {
			l.Move(d)
		}
	case tea.KeyMsg:
		mv, ok := keyMovement(msg, k, max(l.scroll.height, 1))
		switch {
		case !ok:
			return false
		case mv.end != 0:
			l.Move(mv.end * len(l.shown))
			if mv.end > 0 {
				// The bottom is the last row, below the last entry
				// where headings follow it.
				l.scroll.ScrollTo(l.scroll.total)
				l.reveal()
			}
		case mv.step != 0:
			if !l.scrollWithin(mv.step) {
				l.Move(mv.step)
			}
		default:
			l.moveRows(mv.rows)
		}
	default:
		return false
	}
	return true
}

// Click moves the cursor to the entry on row y of the window, if it is
// not a heading, and reports whether it did.
func (l *list) Click(y int) bool {
	r := l.scroll.top + y
	if y < 0 || y >= l.scroll.height || r >= l.scroll.total {
		return false // off the rows on screen: the status bar, say
	}
	i := l.entryAt(r)
	if l.shown[i].heading() {
		return false
	}
	l.cursor = i
	l.reveal()
	return true
}

// reveal scrolls the cursor's entry into view, with the rows of the
// heading right above it that belong to it; the first entry, with every
// row above it, as the list opens (a view's own heading, over the
// heading of the entry's group), and the last with every row below it
// (a last section with nothing to list, "none found"), as the ends (g,
// G) show them. An entry taller than the window shows from its top.
func (l *list) reveal() {
	if l.cursor >= len(l.shown) {
		l.scroll.ScrollTo(0)
		return
	}
	top, bottom := l.starts[l.cursor], l.starts[l.cursor+1]
	if onlyHeadings(l.shown[:l.cursor]) {
		top = 0
	} else if c := l.cursor - 1; c >= 0 && l.shown[c].heading() {
		top -= min(l.shown[c].context, l.shown[c].height)
	}
	if onlyHeadings(l.shown[l.cursor+1:]) {
		bottom = l.scroll.total
	}
	l.scroll.Reveal(top, bottom)
	l.settleTop(bottom)
}

// settleTop moves the window where its top row would cut an entry, so
// that the top row is an entry's first, as bubbles/list shows its items
// whole: an article's title stood at the top with its outlet above the
// window, after a filter or a step down. The window goes up to the cut
// entry's first row where the rows down to bottom (the end of those
// reveal shows) stay in view, else down to the next entry's, leaving
// blank rows below the last entry if need be. A heading may show only its
// last rows at the top (see listEntry.context).
func (l *list) settleTop(bottom int) {
	top := l.scroll.top
	if len(l.shown) == 0 || top <= 0 || top >= l.scroll.total {
		return
	}
	i := l.entryAt(top)
	if l.starts[i] == top || l.shown[i].heading() {
		return
	}
	if up := l.starts[i]; l.cursor <= i || bottom <= up+l.scroll.height {
		l.scroll.top = up
		return
	}
	l.scroll.top = l.starts[i+1]
}

// onlyHeadings reports whether entries holds no entry the cursor can
// take. It stops at the first it finds: next to the cursor, but at
// either end of a list.
func onlyHeadings(entries []listEntry) bool {
	for _, e := range entries {
		if !e.heading() {
			return false
		}
	}
	return true
}

// RowOf returns the first row of shown entry i.
func (l list) RowOf(i int) int { return l.starts[i] }

// Window calls fn for each shown entry in view, from the top, with how
// many of its rows are above the window.
func (l list) Window(fn func(i int, e listEntry, skip int) bool) {
	if len(l.shown) == 0 {
		return
	}
	top := l.scroll.top
	for i := l.entryAt(top); i < len(l.shown) && l.starts[i] < top+l.scroll.height; i++ {
		if !fn(i, l.shown[i], max(top-l.starts[i], 0)) {
			return
		}
	}
}
