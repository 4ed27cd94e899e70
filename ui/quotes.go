package ui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/analysis/quote"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/ui/internal/digits"
	"github.com/newsdiff/newsdiff/ui/internal/plural"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// quotesPane lists a story's quotes, one entry per utterance, and shows
// for the selected one every outlet's wording, diffed word by word against
// the wording most of them share, with who it says spoke and how.
//
// Short quotes (under quote.MinWords words) are mostly scare quotes
// and quoted phrases — “beauties”, “alarm” — rather than speech; grouping
// leaves them out. They are listed last, under a heading of their own,
// gathered by wording, so that the utterances come first but nothing the
// outlets put in quote marks is hidden.
//
// In a terminal at least dualPaneWidth wide the list and the wordings sit
// side by side; below, only the focused one shows. The list's lines and
// each utterance's wordings are drawn once per width and then reused, so
// that moving the cursor costs a screenful of string joins.
type quotesPane struct {
	styles  *Styles
	keys    *KeyMap
	painter *painter
	// markers brackets changes wdiff-style, as inline comparisons do:
	// where there is no colour, strikethrough and underline alone would
	// have to tell deleted from inserted words.
	markers bool

	sa      *storyAnalysis
	entries []quoteEntry
	list    list // over entries: the short quotes' heading is its one heading

	width, height int
	dual          bool
	listWidth     int // the list's outer width, frame included
	detailWidth   int
	focusDetail   bool

	listView string
	// lines caches each entry's list lines at the current width, plain
	// and under the cursor, so that moving the cursor only joins strings.
	lines    []entryLines
	dividers [2]string // the rule after a list line: unfocused, focused
	detail   scroller
	rows     []string // the wordings shown, under the header
	header   []string // above the wordings: speaker, outlets, legend, rule
	// painted caches the wordings of each entry at the current width, and
	// starts where in them each wording begins.
	painted map[int][]string
	starts  map[int][]wordingStart
	shown   int // the entry whose wordings are shown, or -1
	// want is where the reader was in the view a refresh of the archive
	// replaced, taken up when the story's analysis comes again.
	want *quoteSpot
}

// quoteSpot is where the reader was in a quotes view: the quote under the
// cursor, by its wordings, as the story analysed again may list it
// elsewhere or not at all; the place of the cursor in the list and in its
// window; whether the wordings had the keys, and the wording at their top.
type quoteSpot struct {
	story   storyPaths
	quote   map[textKey]bool
	at, off int // the cursor's index in the list, its rows below the window's top
	detail  bool
	wording string // the path of the article whose wording was at the top
}

func keyOf(q quote.Quote) textKey { return textKey{q.Article.Source, q.Text()} }

// wordingStart is the first row of one outlet's wording among an
// entry's painted wordings, and the quote it is (an index into the
// group's Quotes).
type wordingStart struct{ row, quote int }

// quoteEntry is a line of the list: an utterance, or the heading above
// the short quotes.
type quoteEntry struct {
	group *quote.Group
	short bool
	text  string // the most common wording, on one line
}

// entryLines are an entry's lines in the list, plain and under the cursor;
// nil until first drawn.
type entryLines struct{ plain, selected []string }

// quoteDetailHeader is the least height of the header above the
// wordings: speaker, legend, rule.
const quoteDetailHeader = 3

func newQuotesPane(s *Styles, keys *KeyMap, p *painter, markers bool) *quotesPane {
	return &quotesPane{
		styles: s, keys: keys, painter: p, markers: markers, shown: -1,
		dividers: [2]string{s.Story.Divider.Render("│"), s.Story.FocusedDivider.Render("│")},
	}
}

// SetAnalysis shows the quotes of sa, which may be nil while the analysis
// is under way.
func (p *quotesPane) SetAnalysis(sa *storyAnalysis) {
	if sa == p.sa {
		return
	}
	p.sa = sa
	p.entries = p.entries[:0]
	p.focusDetail = false
	if sa != nil {
		for i := range sa.quotes {
			p.entries = append(p.entries, quoteEntry{group: &sa.quotes[i], text: quoteText(sa.quotes[i])})
		}
		if len(sa.short) > 0 {
			p.entries = append(p.entries, quoteEntry{short: true})
			for i := range sa.short {
				p.entries = append(p.entries, quoteEntry{group: &sa.short[i], short: true, text: quoteText(sa.short[i])})
			}
		}
	}
	le := make([]listEntry, len(p.entries))
	for i, e := range p.entries {
		le[i] = listEntry{item: i, height: 2}
		if e.group == nil {
			le[i] = listEntry{item: i, height: 1, head: true, context: 1}
		}
	}
	p.list = list{}
	p.list.SetEntries(le)
	p.list.SetHeight(p.listHeight())
	p.painted, p.starts = nil, nil
	p.lines = make([]entryLines, len(p.entries))
	p.shown = -1
	p.render()
	if want := p.want; sa != nil {
		p.want = nil
		if want != nil && p.Ready() && want.story.holdsAny(sa) {
			p.restore(want)
		}
	}
}

// carry takes over from old, the quotes view of the list a refresh of the
// archive replaced, where the reader was in it, to take up when the
// story's analysis comes again: the cursor went back to the first quote,
// wherever the reader was. The refresh comes in the first seconds of a
// large archive, as the reader settles in.
func (p *quotesPane) carry(old storyView) tea.Cmd {
	if o, ok := old.(*quotesPane); ok {
		p.want = o.spot()
	}
	return nil
}

// spot returns where the reader is in the view, or was to be in it once
// the analysis came; nil for nowhere.
func (p *quotesPane) spot() *quoteSpot {
	if p.sa == nil {
		return p.want
	}
	if !p.Ready() {
		return nil
	}
	s := &quoteSpot{story: pathsOf(p.sa), at: p.list.Cursor(), off: p.list.Offset(), detail: p.focusDetail}
	g := p.Selected()
	if g == nil {
		return s
	}
	s.quote = make(map[textKey]bool, len(g.Quotes))
	for _, q := range g.Quotes {
		s.quote[keyOf(q)] = true
	}
	if k, _, _ := p.topWording(); k >= 0 && p.shown == p.cursor() {
		s.wording = g.Quotes[p.starts[p.shown][k].quote].Article.Source
	}
	return s
}

// restore puts the reader where s says: the cursor on the quote with the
// most of its wordings, else where it was in the list, the nearest quote;
// the wordings, of the same quote, at the same article's.
func (p *quotesPane) restore(s *quoteSpot) {
	best := mostShared(len(p.entries), func(i int) int {
		n := 0
		if g := p.entries[i].group; g != nil {
			for _, q := range g.Quotes {
				if s.quote[keyOf(q)] {
					n++
				}
			}
		}
		return n
	})
	p.list.Restore(best, s.at, s.off)
	p.focusDetail = s.detail && best >= 0 && p.HasQuotes()
	p.render()
	if best < 0 || p.shown != best {
		return
	}
	g := p.entries[best].group
	for _, st := range p.starts[best] {
		if g.Quotes[st.quote].Article.Source == s.wording {
			p.detail.ScrollTo(st.row)
			break
		}
	}
}

// quoteText is the most common wording of g on one line.
func quoteText(g quote.Group) string {
	if len(g.Quotes) == 0 {
		return ""
	}
	return termsafe.OneLine(g.Quotes[g.Common].Text())
}

// SetSize sets the pane's size.
func (p *quotesPane) SetSize(width, height int) {
	if width == p.width && height == p.height {
		return
	}
	p.width, p.height = width, height
	p.dual = width >= dualPaneWidth
	p.listWidth, p.detailWidth = width, width
	if p.dual {
		p.listWidth = min(max(width*2/5, 32), 60)
		p.detailWidth = width - p.listWidth
	}
	// The wording at the top of the wordings stays there, the one enter
	// opens: repainted for the new size, they were shown from their
	// first row, and enter opened the most common wording instead.
	shown := p.shown
	k, above, of := p.topWording()
	p.detail.SetHeight(height - quoteDetailHeader)
	p.painted, p.starts = nil, nil
	p.lines = make([]entryLines, len(p.entries))
	p.shown = -1
	p.list.SetHeight(p.listHeight())
	p.render()
	if k >= 0 && p.shown == shown {
		st := p.starts[shown]
		top := st[k].row
		if above > 0 && k > 0 {
			// As many of the rows of the wording before as showed, in
			// proportion, and one at least, as before.
			h := top - st[k-1].row
			top -= min(max(above*h/of, 1), h)
		}
		p.detail.ScrollTo(top)
	}
}

// topWording returns where the wordings on screen start: k, the first
// wording whose heading is at the top row or below it, and how many rows of
// the wording before it show above its heading, of how many that one
// has. k is -1 where no wording's heading is at the top row or below it.
func (p *quotesPane) topWording() (k, above, of int) {
	if p.shown < 0 {
		return -1, 0, 0
	}
	st, top := p.starts[p.shown], p.detail.Top()
	for k := range st {
		if st[k].row < top {
			continue
		}
		if k == 0 {
			return 0, 0, 0
		}
		return k, st[k].row - top, st[k].row - st[k-1].row
	}
	return -1, 0, 0
}

// openedWording returns the wording enter opens, and the status bar
// counts: the first whose heading is on screen, else, where none's is (one
// wording's rows fill the pane, its heading scrolled above), the one whose
// rows are at the top. It opened the first whose heading was at the top or
// below it, on screen or not: a row into a long wording, the next
// outlet's, off screen; in the last wording, none. It is -1 where no
// wordings are shown.
func (p *quotesPane) openedWording() int {
	if p.shown < 0 || len(p.starts[p.shown]) == 0 {
		return -1
	}
	st, top := p.starts[p.shown], p.detail.Top()
	for k := range st {
		if st[k].row < top {
			continue
		}
		if k > 0 && !p.detail.Visible(st[k].row) {
			return k - 1
		}
		return k
	}
	return len(st) - 1
}

// Ready reports whether there is an analysis to show.
func (p quotesPane) Ready() bool { return p.sa != nil && p.sa.err == nil }

// DetailFocused reports whether keys go to the wordings rather than the
// list.
func (p quotesPane) DetailFocused() bool { return p.focusDetail }

// HasQuotes reports whether the list has an utterance to select.
func (p quotesPane) HasQuotes() bool { return p.Selected() != nil }

// Selected returns the selected group, or nil.
func (p quotesPane) Selected() *quote.Group {
	if i := p.list.Selected(); i >= 0 {
		return p.entries[i].group
	}
	return nil
}

// cursor returns the index of the entry under the cursor, or -1.
func (p quotesPane) cursor() int { return p.list.Selected() }

// ToggleFocus moves the keys between the list and the wordings.
func (p *quotesPane) ToggleFocus() {
	p.focusDetail = !p.focusDetail && p.HasQuotes()
	p.render()
}

// Update handles the keys and mouse events for the pane.
func (p *quotesPane) Update(msg tea.Msg) (storyView, tea.Cmd) {
	if !p.Ready() {
		return p, nil
	}
	k := p.keys
	if mm, ok := msg.(tea.MouseMsg); ok {
		// The wheel scrolls what is under the pointer; a click gives it
		// the keys, and on the list moves the cursor to the entry.
		onList := !p.focusDetail
		if p.dual {
			onList = mm.X < p.listWidth
		}
		click := mm.Button == tea.MouseButtonLeft && mm.Action == tea.MouseActionPress
		switch {
		case click && onList:
			p.focusDetail = false
			p.list.Click(mm.Y - 1) // the first row is the list's header
		case click:
			p.focusDetail = p.HasQuotes()
		case onList:
			p.list.Update(msg, k)
		default:
			p.detail.Update(msg, k)
		}
		p.render()
		return p, nil
	}
	km, isKey := msg.(tea.KeyMsg)
	switch {
	case isKey && key.Matches(km, k.SwitchPane):
		p.ToggleFocus()
	case p.focusDetail && isKey && key.Matches(km, k.Back):
		p.focusDetail = false
	case p.focusDetail && isKey && key.Matches(km, k.Open):
		return p, p.openWording()
	case p.focusDetail && isKey && pressedOff(km, k.Open) && p.HasQuotes():
		return p, flash(noOtherToOpen)
	case p.focusDetail:
		p.detail.Update(msg, k)
	case p.list.Update(msg, k):
	case isKey && key.Matches(km, k.Open):
		p.focusDetail = p.HasQuotes()
	}
	p.render()
	return p, nil
}

// listHeight is the number of rows for entries, below the list's header.
func (p quotesPane) listHeight() int { return max(p.height-1, 1) }

// render draws the list and brings the wordings up to date with the
// cursor: the list is a screenful of short lines, the wordings come from
// the cache after the first time.
func (p *quotesPane) render() {
	if p.width <= 0 || p.height <= 0 {
		p.listView = ""
		return
	}
	p.renderList()
	p.renderDetail()
}

func (p *quotesPane) renderList() {
	s := &p.styles.Story
	w := p.listWidth
	divider := ""
	if p.dual {
		// The list's right edge is a rule, in the accent while the list
		// has the keys.
		w--
		divider = p.dividers[0]
		if !p.focusDetail {
			divider = p.dividers[1]
		}
	}
	if w <= 0 {
		p.listView = ""
		return
	}
	var sb strings.Builder
	sb.Grow(p.height * (w + len(divider) + 16))
	n := 0
	put := func(l string) {
		if n >= p.height {
			return
		}
		if n > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(l)
		sb.WriteString(divider)
		n++
	}
	hs := s.Header
	if !p.focusDetail {
		hs = s.FocusedHeader
	}
	title := "Quotes"
	if p.Ready() {
		// The quotes and the short ones apart, as the status bar counts
		// them: "Quotes · 33" stood over "19 quotes" there.
		title = "Quotes · " + digits.Group(len(p.sa.quotes))
		if len(p.sa.short) > 0 {
			title += " · " + digits.Group(len(p.sa.short)) + " short"
		}
	}
	put(p.styles.lead(!p.focusDetail) + fitLine(w-1, nil, seg{}, seg{title, hs}))
	p.list.Window(func(i int, le listEntry, skip int) bool {
		for _, l := range p.entryLines(le.item, w)[skip:] {
			put(l)
		}
		return n < p.height
	})
	if msg := p.emptyMessage(); msg != "" {
		for _, l := range wrapText(msg, w-1) {
			put(" " + fitLine(w-1, nil, seg{}, seg{l, s.Meta}))
		}
	}
	blank := strings.Repeat(" ", w)
	for n < p.height {
		put(blank)
	}
	p.listView = sb.String()
}

// emptyMessage says why the list is empty, if it is.
func (p quotesPane) emptyMessage() string {
	switch {
	case p.sa == nil:
		return "analysing the story…"
	case p.sa.err != nil:
		return termsafe.OneLine(p.sa.err.Error())
	case len(p.entries) == 0:
		return "no quotes in this story"
	}
	return ""
}

// entryLines returns the lines of entry i of the list, w cells wide, from
// the cache or drawn into it.
func (p *quotesPane) entryLines(i, w int) []string {
	c := &p.lines[i]
	selected := i == p.cursor()
	if c.plain == nil {
		c.plain = p.drawEntry(i, w, false)
	}
	if !selected {
		return c.plain
	}
	if c.selected == nil {
		c.selected = p.drawEntry(i, w, true)
	}
	return c.selected
}

// drawEntry draws entry i of the list, w cells wide.
func (p *quotesPane) drawEntry(i, w int, selected bool) []string {
	s := &p.styles.Story
	e := p.entries[i]
	if e.group == nil {
		return []string{" " + fitLine(w-1, nil, seg{}, seg{"Short quotes", s.Section}, seg{fmt.Sprintf(" · under %d words", quote.MinWords), s.Meta})}
	}
	bar := " "
	var sel *lipgloss.Style
	meta := s.Meta
	if selected {
		bar = s.Cursor.Render("▌")
		sel = &s.Selected
		meta = s.SelectedMeta
	}
	speaker := termsafe.OneLine(e.group.Speaker)
	if speaker == "" {
		speaker = "no speaker named"
	}
	n := len(e.group.Quotes)
	outlets := plural.Count(n, "outlet", "outlets")
	return []string{
		bar + fitLine(w-1, sel, seg{outlets, meta}, seg{" ", meta}, seg{speaker, s.Heading}),
		bar + fitLine(w-1, sel, seg{}, seg{"  “" + e.text + "”", s.Text}),
	}
}

// renderDetail shows the wordings of the entry under the cursor.
func (p *quotesPane) renderDetail() {
	w := p.detailWidth
	s := &p.styles.Story
	p.header = p.header[:0]
	if w <= 0 || !p.Ready() || !p.HasQuotes() {
		p.rows = nil
		p.detail.SetTotal(0)
		p.shown = -1
		return
	}
	cur := p.cursor()
	g := p.entries[cur].group
	if p.shown != cur {
		if p.painted == nil {
			p.painted = make(map[int][]string)
		}
		rows, ok := p.painted[cur]
		if !ok {
			var starts []wordingStart
			rows, starts = p.wordings(g, w)
			p.painted[cur] = rows
			if p.starts == nil {
				p.starts = make(map[int][]wordingStart)
			}
			p.starts[cur] = starts
		}
		p.rows = rows
		p.detail.SetTotal(len(rows))
		p.detail.ScrollTo(0)
		p.shown = cur
	}
	speaker := termsafe.OneLine(g.Speaker)
	if speaker == "" {
		speaker = "No speaker named"
	}
	hs := s.Header
	if p.focusDetail || !p.dual {
		hs = s.FocusedHeader
	}
	n := len(g.Quotes)
	meta := " · " + plural.Count(n, "outlet", "outlets")
	legend := "only one outlet quotes this"
	switch {
	case n > 1 && p.entries[cur].short:
		legend = "the same words in each"
	case n > 1 && p.markers:
		legend = fmt.Sprintf("diffed against %s’s, the most common wording: [-only there-] {+only here+}", p.sa.name(g.Quotes[g.Common].Article))
	case n > 1:
		legend = fmt.Sprintf("diffed against %s’s, the most common wording: struck only there, underlined only here", p.sa.name(g.Quotes[g.Common].Article))
	}
	p.header = append(p.header, p.styles.lead(p.focusDetail || !p.dual)+fitLine(w-1, nil, seg{}, seg{speaker, hs}, seg{meta, s.Meta}))
	// The legend may take two lines in a narrow pane; the wordings get
	// what is left.
	lines := wrapFrags([]frag{{legend, clsEqual, 0}}, max(w-1, 2))
	for i, ln := range lines[:min(len(lines), 2)] {
		text := lineText(ln)
		if i == 1 && len(lines) > 2 {
			text += " …"
		}
		p.header = append(p.header, " "+fitLine(w-1, nil, seg{}, seg{text, s.Legend}))
	}
	p.header = append(p.header, s.Rule.Render(strings.Repeat("─", w)))
	p.detail.SetHeight(p.height - len(p.header))
	// The wordings scroll on until the last one's heading is at the top:
	// enter opens the wording at the top, and those of the last
	// screenful (where all fitted, all but the first) never got there.
	if st := p.starts[cur]; len(st) > 1 {
		p.detail.SetTotal(max(len(p.rows), st[len(st)-1].row+p.detail.height))
	}
}

// wordings paints every outlet's wording of g, w cells wide: the most
// common wording first, then the others in article order, each diffed
// against it, under a line with its outlet, paragraph, speaker and verb,
// and hedges.
func (p *quotesPane) wordings(g *quote.Group, w int) ([]string, []wordingStart) {
	s := &p.styles.Story
	order := []int{g.Common}
	for i := range g.Quotes {
		if i != g.Common {
			order = append(order, i)
		}
	}
	const indent = 3
	var rows []string
	var starts []wordingStart
	// Outlets wider than the pane keep apart the ends that differ.
	names := make([]string, len(g.Quotes))
	for i, q := range g.Quotes {
		names[i] = p.sa.name(q.Article)
	}
	names = truncateApart(names, w-1)
	for k, i := range order {
		q := g.Quotes[i]
		if k > 0 {
			rows = append(rows, strings.Repeat(" ", w))
		}
		starts = append(starts, wordingStart{len(rows), i})
		segs := []seg{{names[i], s.Outlet}, {fmt.Sprintf(" ¶%d", q.Para+1), s.Meta}}
		speaker := termsafe.OneLine(q.Speaker)
		switch {
		case speaker == "" && q.Source != "":
			segs = append(segs, seg{" · source: " + termsafe.OneLine(q.Source), s.Differs})
		case speaker == "":
			segs = append(segs, seg{" · no speaker named", s.Differs})
		case !quote.SameSpeaker(speaker, g.Speaker):
			segs = append(segs, seg{" · ", s.Meta}, seg{speaker, s.Differs})
		default:
			segs = append(segs, seg{" · " + speaker, s.Meta})
		}
		if q.Verb != "" {
			segs = append(segs, seg{" " + termsafe.OneLine(q.Verb), s.Meta})
		}
		if len(q.Hedges) > 0 {
			segs = append(segs, seg{" · hedged: " + termsafe.OneLine(strings.Join(q.Hedges, ", ")), s.Hedge})
		}
		var tags []string
		if len(g.Quotes) > 1 && i == g.Common {
			tags = append(tags, "most common wording")
		}
		if q.Block {
			tags = append(tags, "block quote")
		}
		if q.Unclosed {
			tags = append(tags, "no closing mark")
		}
		tags = append(tags, plural.Count(q.Words, "word", "words"))
		// The tags that fit, whole: "block…" or "4…" says nothing.
		used := 0
		for _, sg := range segs {
			used += textWidth(sg.text)
		}
		if t := fitItems(tags, " · ", w-1-used-len(" · ")); t != "" {
			segs = append(segs, seg{" · " + t, s.Meta})
		}
		rows = append(rows, " "+fitLine(w-1, nil, seg{}, segs...))
		lines := wrapFrags(p.quoteFrags(g, i), max(w-indent-1, 2))
		rows = append(rows, paintLines(p.painter, lines, strings.Repeat(" ", indent), indent, w)...)
	}
	return rows, starts
}

// openWording asks the root to open the comparison at the wording at the
// top of the wordings on screen (see openedWording): its
// article on the left, the most common wording's on the right (or the
// next outlet's, for the most common itself), but where the pair on
// screen holds it already, which stays as it is (see openPassage).
func (p *quotesPane) openWording() tea.Cmd {
	cur := p.cursor()
	if cur < 0 || p.entries[cur].group == nil || p.shown != cur {
		return nil
	}
	g := p.entries[cur].group
	k := p.openedWording()
	if k < 0 {
		return nil
	}
	q := g.Quotes[p.starts[cur][k].quote]
	if len(q.Parts) == 0 {
		return nil
	}
	others := []*corpus.Article{g.Quotes[g.Common].Article}
	for _, o := range g.Quotes {
		if !slices.Contains(others, o.Article) {
			others = append(others, o.Article)
		}
	}
	if len(others) == 1 && p.sa != nil {
		// Only this outlet gives the quote: the story's other articles
		// are set against it, as they are against a passage only one
		// outlet reports, the one that shares most with it first.
		others = append(others, p.sa.othersByShare(others[0])...)
	}
	return sendMsg(openPassageMsg{at: []analysis.ArticleSpan{{Article: q.Article, Span: q.Parts[0]}}, others: others})
}

// quoteFrags returns quote i of g as fragments: this outlet's words, with
// the words only the most common wording has struck and those only this
// outlet has underlined. Where the outlet split the quote around its
// attribution, the parts are joined by a space, and read as Quote.Text
// reads them.
func (p *quotesPane) quoteFrags(g *quote.Group, i int) []frag {
	b := &layoutBuilder{markers: p.markers}
	q := g.Quotes[i]
	var ops []compare.Op
	if i < len(g.Ops) {
		ops = g.Ops[i]
	}
	if len(ops) == 0 {
		for k, part := range q.Parts {
			if k > 0 {
				b.deco(" ", clsEqual)
			}
			b.add(q.TextIn(part), clsEqual)
		}
		return b.frags
	}
	common := g.Quotes[g.Common]
	lastL, lastR := -1, -1
	prev := compare.OpEqual
	for k, op := range ops {
		// A jump in either side's offsets is the gap between two parts.
		gap := false
		switch op.Kind {
		case compare.OpEqual:
			gap = lastR >= 0 && op.Right.Start != lastR
			lastL, lastR = op.Left.End, op.Right.End
		case compare.OpDelete:
			gap = lastL >= 0 && op.Left.Start != lastL
			lastL = op.Left.End
		case compare.OpInsert:
			gap = lastR >= 0 && op.Right.Start != lastR
			lastR = op.Right.End
		}
		if gap && !b.endsInSpace() {
			b.deco(" ", clsEqual)
		}
		switch op.Kind {
		case compare.OpEqual:
			b.add(q.TextIn(op.Right), clsEqual)
		case compare.OpDelete:
			b.changed(dropSpaceOnly(quotePieces(common, op.Left), ops[k+1:]), opClass(op), "[-", "-]", false)
		case compare.OpInsert:
			b.changed(quotePieces(q, op.Right), opClass(op), "{+", "+}", spaceBefore(prev, op))
		}
		prev = op.Kind
	}
	return b.frags
}

// quotePieces is span s of q as one piece, as the quote reads it (see
// quote.Quote.TextIn).
func quotePieces(q quote.Quote, s corpus.Span) []piece {
	return []piece{{termsafe.Display(q.TextIn(s)), 0}}
}

// View draws the list and the wordings side by side, or the focused one.
func (p *quotesPane) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	if !p.dual {
		if p.focusDetail {
			return p.detailView()
		}
		return p.listView
	}
	lv, dv := p.listView, p.detailView()
	var sb strings.Builder
	sb.Grow(len(lv) + len(dv) + p.height)
	writeColumns(&sb, lv, dv, p.height)
	return sb.String()
}

// detailView draws the header and the wordings in view.
func (p quotesPane) detailView() string {
	w := p.detailWidth
	blank := strings.Repeat(" ", max(w, 0))
	var sb strings.Builder
	n := 0
	newline := func() {
		if n > 0 {
			sb.WriteByte('\n')
		}
		n++
	}
	if len(p.header) == 0 && (p.emptyMessage() == "" || !p.dual) {
		// Beside the list, which says why it is empty, nothing: said
		// twice, it was cut short twice.
		msg := p.emptyMessage()
		if msg == "" {
			msg = "no quote selected"
		}
		newline()
		sb.WriteString(" " + fitLine(w-1, nil, seg{}, seg{msg, p.styles.Story.Meta}))
	}
	for _, h := range p.header {
		if n == p.height {
			break
		}
		newline()
		sb.WriteString(h)
	}
	for r := p.detail.Top(); n < p.height; r++ {
		newline()
		if r < len(p.rows) {
			sb.WriteString(p.rows[r])
		} else {
			sb.WriteString(blank)
		}
	}
	return sb.String()
}

// Position says where the reader is: the utterance, among the quotes or
// among the short quotes, as the heading and the status bar count them
// apart; and the row of its wordings when they have the keys.
func (p *quotesPane) Position() []string {
	if !p.Ready() || !p.HasQuotes() {
		return nil
	}
	if p.focusDetail && p.shown >= 0 {
		// Which wording enter opens, the one at the top, and the row: the
		// wordings scroll past their last row (see renderDetail), which
		// "row 1/60" of 24 rows counted.
		st, n := p.starts[p.shown], len(p.rows)
		k := max(p.openedWording(), 0)
		return []string{
			"wording " + digits.Group(k+1) + "/" + digits.Group(len(st)),
			"row " + digits.Group(min(p.detail.Top()+1, max(n, 1))) + "/" + digits.Group(n),
		}
	}
	cur := p.cursor()
	if cur < 0 {
		return nil
	}
	// The entries are the quotes, then the short quotes' heading and
	// the short quotes (SetAnalysis).
	if p.entries[cur].short {
		return []string{"short quote " + digits.Group(cur-len(p.sa.quotes)) + "/" + digits.Group(len(p.sa.short))}
	}
	return []string{"quote " + digits.Group(cur+1) + "/" + digits.Group(len(p.sa.quotes))}
}

// UpdateKeys enables the keys of the quotes: moving, tab between the list
// and the wordings, enter to go to the wordings and esc back.
func (p *quotesPane) UpdateKeys() {
	if !p.Ready() {
		return
	}
	k := p.keys
	if p.focusDetail {
		k.enableMoving(!p.detail.Fits())
	} else {
		k.enableMoving(p.list.CanMove())
	}
	has := p.HasQuotes()
	k.SwitchPane.SetEnabled(has)
	// As in the comparison: beside both panes tab switches them; where
	// one is shown alone, its help names the other, where tab goes.
	switch {
	case p.dual:
		k.SwitchPane.SetHelp("tab", switchPaneHelp)
	case p.focusDetail:
		k.SwitchPane.SetHelp("tab", "list")
	default:
		k.SwitchPane.SetHelp("tab", "wordings")
	}
	// A wording opens beside another article of the story: in a story
	// of one, enter would only say there is none.
	k.Open.SetEnabled(has && (!p.focusDetail || len(p.sa.an.Articles) > 1))
	if p.focusDetail {
		k.Open.SetHelp("enter", "open the top wording in comparison")
	} else {
		k.Open.SetHelp("enter", "wordings")
	}
	k.Back.SetEnabled(p.focusDetail)
}

// Typing reports false: the quotes have no query.
func (p *quotesPane) Typing() bool { return false }

// StatusItems are the story's quote figures, most important first.
func (p *quotesPane) StatusItems() []string {
	if !p.Ready() {
		return nil
	}
	shared := 0
	for _, g := range p.sa.quotes {
		if len(g.Quotes) > 1 {
			shared++
		}
	}
	out := p.sa.limitItems()
	if len(p.sa.quotes) == 0 && len(p.sa.short) == 0 {
		// "0 quotes · 0 in two or more outlets · 0 short" said nothing
		// three times over the pane's "no quotes in this story".
		return append(out, "no quotes in this story")
	}
	out = append(out, plural.Count(len(p.sa.quotes), "quote", "quotes"))
	if len(p.sa.quotes) > 0 {
		out = append(out, digits.Group(shared)+" in two or more outlets")
	}
	// Short quotes counted where there are some, as the list's heading
	// counts them: "0 short" stood under "Quotes · 19".
	if len(p.sa.short) > 0 {
		out = append(out, digits.Group(len(p.sa.short))+" short")
	}
	return out
}
