package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/ui/internal/digits"
	"github.com/newsdiff/newsdiff/ui/internal/plural"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// passagesPane shows, in one scrollable view, what sets a story's outlets
// apart and what binds them: the passages only one outlet reports, by
// outlet; the runs of words several outlets print word for word; and the
// facts they give differently. A cursor moves from entry to entry, and
// enter opens the comparison at the entry's passage.
type passagesPane struct {
	styles  *Styles
	keys    *KeyMap
	painter *painter

	sa       *storyAnalysis
	rows     []string // painted once per analysis and width, without the gutter
	items    []passageItem
	sections []int // the first item of each section that has any
	// list holds the items as its entries and the rows between them as
	// headings, so the cursor moves from item to item.
	list list

	width, height int
	bar, noBar    string // the gutter beside the cursor's entry, and elsewhere
	// want is where the reader was in the view a refresh of the archive
	// replaced, taken up when the story's analysis comes again.
	want *passageSpot
}

// passageSpot is where the reader was in a passages view: the entry under
// the cursor, by the words it stands for in each article,
// as the story analysed again may list it elsewhere or not at all; the
// place of the cursor in the list and in its window.
type passageSpot struct {
	story   storyPaths
	places  map[textKey]bool
	at, off int // the cursor's index in the list, its rows below the window's top
}

// passageItem is an entry of the view that enter can open: a passage only
// one outlet reports, a verbatim run, or one outlet's mention of a fact.
type passageItem struct {
	row, height int
	// at are the places the entry's text is, one per article; others the
	// articles to set beside it, best first.
	at     []analysis.ArticleSpan
	others []*corpus.Article
	what   string // for the status bar: "Al Jazeera ¶11, only there"
}

// passagesGutter is the width of the cursor's gutter.
const passagesGutter = 2

func newPassagesPane(s *Styles, keys *KeyMap, p *painter) *passagesPane {
	return &passagesPane{
		styles: s, keys: keys, painter: p,
		bar:   s.Story.Cursor.Render("▌") + " ",
		noBar: strings.Repeat(" ", passagesGutter),
	}
}

// SetAnalysis shows the passages of sa, which may be nil while the
// analysis is under way.
func (p *passagesPane) SetAnalysis(sa *storyAnalysis) {
	if sa == p.sa {
		return
	}
	p.sa = sa
	p.list = list{}
	p.render()
	if want := p.want; sa != nil {
		p.want = nil
		if want != nil && p.Ready() && want.story.holdsAny(sa) {
			p.restore(want)
		}
	}
}

// carry takes over from old, the passages view of the list a refresh of
// the archive replaced, where the reader was in it, to take up when the
// story's analysis comes again: the cursor went back to the first entry,
// wherever the reader was.
func (p *passagesPane) carry(old storyView) tea.Cmd {
	if o, ok := old.(*passagesPane); ok {
		p.want = o.spot()
	}
	return nil
}

// spot returns where the reader is in the view, or was to be in it once
// the analysis came; nil for nowhere.
func (p *passagesPane) spot() *passageSpot {
	if p.sa == nil {
		return p.want
	}
	if !p.Ready() {
		return nil
	}
	s := &passageSpot{story: pathsOf(p.sa), at: p.list.Cursor(), off: p.list.Offset()}
	if it := p.Selected(); it != nil {
		s.places = placesOf(*it)
	}
	return s
}

// placesOf returns the words it stands for in each article.
func placesOf(it passageItem) map[textKey]bool {
	places := make(map[textKey]bool, len(it.at))
	for _, at := range it.at {
		places[textKey{at.Article.Source, at.Article.Text(at.Span)}] = true
	}
	return places
}

// restore puts the reader where s says: the cursor on the entry that
// stands for most of the same words, else where it was in the list.
func (p *passagesPane) restore(s *passageSpot) {
	best := mostShared(len(p.items), func(i int) int {
		n := 0
		for k := range placesOf(p.items[i]) {
			if s.places[k] {
				n++
			}
		}
		return n
	})
	p.list.Restore(best, s.at, s.off)
}

// SetSize sets the pane's size, keeping the entry under the cursor.
func (p *passagesPane) SetSize(width, height int) {
	if width == p.width && height == p.height {
		return
	}
	p.width, p.height = width, height
	p.render()
}

// Ready reports whether there is an analysis to show.
func (p passagesPane) Ready() bool { return p.sa != nil && p.sa.err == nil }

// Selected returns the entry under the cursor, or nil.
func (p passagesPane) Selected() *passageItem {
	if i := p.list.Selected(); i >= 0 && i < len(p.items) {
		return &p.items[i]
	}
	return nil
}

// cursor returns the index of the item under the cursor, or -1.
func (p passagesPane) cursor() int { return p.list.Selected() }

// Update moves the cursor through the reader's list, and n and N from
// section to section.
func (p *passagesPane) Update(msg tea.Msg) (storyView, tea.Cmd) {
	if !p.Ready() || len(p.items) == 0 {
		return p, nil
	}
	k := p.keys
	if p.list.Update(msg, k) {
		return p, nil
	}
	if mm, ok := msg.(tea.MouseMsg); ok && mm.Button == tea.MouseButtonLeft && mm.Action == tea.MouseActionPress {
		p.list.Click(mm.Y) // the list starts at the pane's first row
		return p, nil
	}
	if km, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(km, k.NextSection):
			p.nextSection(1)
		case key.Matches(km, k.PrevSection):
			p.nextSection(-1)
		case key.Matches(km, k.Open):
			return p, p.open()
		case pressedOff(km, k.NextSection):
			return p, flash("this is the last section")
		case pressedOff(km, k.PrevSection):
			return p, flash("this is the first section")
		}
	}
	return p, nil
}

// open handles enter: it opens a comparison at the entry's passage. The
// left side is the article the passage is in, the right the first of the
// entry's others; the root keeps its own pair where the entry allows it.
func (p passagesPane) open() tea.Cmd {
	it := p.Selected()
	if it == nil || len(it.at) == 0 {
		return nil
	}
	return sendMsg(openPassageMsg{at: it.at, others: it.others})
}

// isItemRow reports whether row r belongs to an entry.
func (p passagesPane) isItemRow(r int) bool {
	i, ok := slices.BinarySearchFunc(p.items, r, func(it passageItem, r int) int { return cmp.Compare(it.row, r) })
	if ok {
		return true
	}
	return i > 0 && r < p.items[i-1].row+p.items[i-1].height
}

// section returns the section the cursor is in.
func (p passagesPane) section() int {
	cursor, cur := p.cursor(), 0
	for s, first := range p.sections {
		if first <= cursor {
			cur = s
		}
	}
	return cur
}

// nextSection moves to the first entry of the next (dir 1) or previous
// (dir -1) section, with its heading at the top.
func (p *passagesPane) nextSection(dir int) {
	cursor, cur := p.cursor(), p.section()
	next := cur + dir
	if dir < 0 && cursor != p.sections[cur] {
		next = cur // back to the start of this section first
	}
	if next < 0 || next >= len(p.sections) {
		return
	}
	p.list.Select(p.sections[next])
	top := 0
	it := p.items[p.sections[next]]
	// The section's heading sits a few rows above its first entry.
	for r := it.row - 1; r >= 0; r-- {
		if p.isItemRow(r) {
			break
		}
		top = r
	}
	if top == 0 && it.row > 0 {
		top = max(it.row-4, 0)
	}
	p.list.scroll.ScrollTo(top)
}

// render lays the three sections out at the pane's width.
func (p *passagesPane) render() {
	p.rows, p.items, p.sections = p.rows[:0], p.items[:0], p.sections[:0]
	w := p.width - passagesGutter
	if w <= 0 || p.height <= 0 {
		return
	}
	s := &p.styles.Story
	r := &passagesRenderer{p: p, w: w}
	switch {
	case p.sa == nil:
		r.line(seg{"analysing the story…", s.Meta})
	case p.sa.err != nil:
		r.text(seg{}, termsafe.OneLine(p.sa.err.Error()), s.Meta)
	default:
		for k, section := range []func(){r.unique, r.runs, r.facts} {
			if k > 0 {
				r.blank()
			}
			first := len(p.items)
			section()
			if len(p.items) > first {
				p.sections = append(p.sections, first)
			}
		}
	}
	p.setEntries()
}

// setEntries makes the items the list's entries and the rows between them
// its headings, keeping the cursor on the same item. Above an item, the
// non-blank rows right over it (at most two) belong to it: its outlet or
// its section's heading.
func (p *passagesPane) setEntries() {
	var le []listEntry
	row := 0
	for i, it := range p.items {
		if it.row > row {
			first := it.row
			for first > row && first > it.row-2 && strings.TrimSpace(p.rows[first-1]) != "" {
				first--
			}
			le = append(le, listEntry{item: -1, height: it.row - row, head: true, context: it.row - first})
		}
		le = append(le, listEntry{item: i, height: it.height})
		row = it.row + it.height
	}
	if len(p.rows) > row {
		le = append(le, listEntry{item: -1, height: len(p.rows) - row, head: true})
	}
	p.list.SetHeight(p.height)
	p.list.SetEntries(le)
}

// passagesRenderer appends rows and entries to a passagesPane.
type passagesRenderer struct {
	p *passagesPane
	w int
}

func (r *passagesRenderer) line(segs ...seg) {
	r.p.rows = append(r.p.rows, fitLine(r.w, nil, seg{}, segs...))
}

func (r *passagesRenderer) blank() { r.p.rows = append(r.p.rows, strings.Repeat(" ", r.w)) }

// text appends text wrapped with a hanging indent: the first line after
// lead, the rest under it.
func (r *passagesRenderer) text(lead seg, text string, st lipgloss.Style) {
	indent := textWidth(lead.text)
	for i, ln := range wrapFrags([]frag{{text, clsEqual, 0}}, max(r.w-indent, 2)) {
		prefix := strings.Repeat(" ", indent)
		if i == 0 {
			prefix = lead.st.Render(lead.text)
		}
		r.p.rows = append(r.p.rows, prefix+st.Render(lineText(ln))+strings.Repeat(" ", max(r.w-indent-ln.width, 0)))
	}
}

// item records the rows appended since row as an entry.
func (r *passagesRenderer) item(row int, it passageItem) {
	it.row, it.height = row, len(r.p.rows)-row
	r.p.items = append(r.p.items, it)
}

func (r *passagesRenderer) unique() {
	sa, s := r.p.sa, &r.p.styles.Story
	an := sa.an
	if len(an.Articles) < 2 {
		// Every passage of a lone article is its own, which says nothing.
		r.line(seg{"Only one outlet reports", s.Section})
		r.line(seg{"  the story has one article: there is no other outlet to set it against", s.Meta})
		return
	}
	total := uniqueCount(an)
	if total == 0 {
		r.line(seg{"Only one outlet reports", s.Section}, seg{" · none", s.Meta})
		r.line(seg{"  every passage is reported by another outlet too", s.Meta})
		return
	}
	r.line(seg{"Only one outlet reports", s.Section}, seg{fmt.Sprintf(" · %s", plural.Count(total, "passage", "passages")), s.Meta})
	// An outlet with no passage of its own is not headed, over nothing,
	// "0 passages only it reports": those outlets are named once, last.
	var none []string
	for i, a := range an.Articles {
		if len(an.Unique[i]) == 0 {
			none = append(none, sa.names[i])
			continue
		}
		r.blank()
		r.line(seg{sa.names[i], s.Outlet}, seg{" · " + plural.Count(len(an.Unique[i]), "passage only it reports", "passages only it reports"), s.Meta})
		others := sa.othersByShare(a)
		for _, ps := range an.Unique[i] {
			row := len(r.p.rows)
			n := a.ParagraphOf(ps.Sentences)
			r.text(seg{fmt.Sprintf("  ¶%-4d", n), s.Meta}, termsafe.OneLine(a.Text(ps.Span)), s.Text)
			r.item(row, passageItem{
				at:     []analysis.ArticleSpan{{Article: a, Span: ps.Span}},
				others: others,
				what:   fmt.Sprintf("%s ¶%d: only %s reports this", sa.names[i], n, sa.names[i]),
			})
		}
	}
	if len(none) > 0 {
		r.blank()
		names, rest := strings.Join(none, ", "), " · nothing of "+plural.Their(len(none))+" own"
		if textWidth(names+rest) <= r.w {
			r.line(seg{names, s.Outlet}, seg{rest, s.Meta})
		} else {
			r.text(seg{}, names+rest, s.Meta)
		}
	}
}

func (r *passagesRenderer) runs() {
	sa, s := r.p.sa, &r.p.styles.Story
	runs := sa.an.Verbatim
	r.line(seg{"Word for word in several outlets", s.Section},
		seg{fmt.Sprintf(" · %s of %d or more words", plural.Count(len(runs), "run", "runs"), analysis.MinVerbatimRun), s.Meta})
	if len(runs) == 0 {
		none := "none"
		if note := sa.an.VerbatimNote.Text(digits.Group); note != "" {
			none = note
		}
		r.line(seg{"  " + none, s.Meta})
		return
	}
	for k, run := range runs {
		if k > 0 {
			r.blank()
		}
		row := len(r.p.rows)
		r.line(seg{"  " + plural.Count(len(run.Spans), "outlet", "outlets") + " · " + plural.Count(run.Words, "word", "words"), s.Heading})
		r.text(seg{"    ", s.Meta}, termsafe.OneLine(run.Common.Article.Text(run.Common.Span)), s.Text)
		var in []string
		var others []*corpus.Article
		for i, sp := range run.Spans {
			in = append(in, fmt.Sprintf("%s ¶%d", sa.name(sp.Article), run.Paragraph(i)))
			others = append(others, sp.Article)
		}
		r.text(seg{"    in: ", s.Meta}, strings.Join(in, ", "), s.Meta)
		r.item(row, passageItem{
			at:     run.Spans,
			others: others,
			what:   plural.Count(run.Words, "word", "words") + " word for word in " + plural.Count(len(run.Spans), "outlet", "outlets"),
		})
	}
}

func (r *passagesRenderer) facts() {
	sa, s := r.p.sa, &r.p.styles.Story
	r.line(seg{"Facts the outlets give differently", s.Section}, seg{" · " + digits.Group(len(sa.facts)), s.Meta})
	if len(sa.facts) == 0 {
		r.line(seg{"  none found", s.Meta})
		return
	}
	fact := r.p.styles.Diff.Fact
	for k, d := range sa.facts {
		if k > 0 {
			r.blank()
		}
		about := ""
		if d.About != "" {
			about = " · " + termsafe.OneLine(d.About)
		}
		if d.Act != "" {
			about += " · " + termsafe.OneLine(d.Act)
		}
		r.line(seg{"  " + d.Kind.String() + about, s.Heading})
		nameW, valueW := 0, 0
		for _, m := range d.Mentions {
			nameW = max(nameW, textWidth(sa.name(m.Article)))
			valueW = max(valueW, textWidth(termsafe.OneLine(m.Value)))
		}
		nameW = min(nameW, max(r.w/4, 8))
		names := make([]string, len(d.Mentions))
		for i, m := range d.Mentions {
			names[i] = sa.name(m.Article)
		}
		names = truncateApart(names, nameW)
		for i, m := range d.Mentions {
			row := len(r.p.rows)
			name := names[i]
			value := termsafe.OneLine(m.Value)
			var others []*corpus.Article
			for j, o := range d.Mentions {
				if j != i && !strings.EqualFold(termsafe.OneLine(o.Value), value) {
					others = append(others, o.Article)
				}
			}
			n := m.Article.ParagraphAt(m.Span.Start)
			a := m.Article
			context := termsafe.OneLine(m.ContextText())
			r.line(
				seg{"    " + name + strings.Repeat(" ", nameW-textWidth(name)+2), s.Outlet},
				seg{value, fact},
				seg{strings.Repeat(" ", max(valueW-textWidth(value), 0)) + fmt.Sprintf("  ¶%-4d", n), s.Meta},
				seg{context, s.Text},
			)
			r.item(row, passageItem{
				at:     []analysis.ArticleSpan{{Article: a, Span: m.Span}},
				others: others,
				what:   fmt.Sprintf("%s ¶%d gives %s", sa.name(a), n, value),
			})
		}
	}
}

// uniqueCount is how many passages only one outlet of an reports.
func uniqueCount(an *analysis.Analysis) int {
	total := 0
	for _, ps := range an.Unique {
		total += len(ps)
	}
	return total
}

// View draws the rows in view, with the cursor's entry marked in the
// gutter.
func (p *passagesPane) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	var sb strings.Builder
	size := 0
	top := p.list.scroll.Top()
	for r := top; r < min(top+p.height, len(p.rows)); r++ {
		size += len(p.rows[r]) + len(p.bar) + 1
	}
	sb.Grow(size + p.height*(p.width+1))
	blank := strings.Repeat(" ", p.width)
	from, to := -1, -1
	if it := p.Selected(); it != nil {
		from, to = it.row, it.row+it.height
	}
	for i := range p.height {
		if i > 0 {
			sb.WriteByte('\n')
		}
		r := top + i
		if r >= len(p.rows) {
			sb.WriteString(blank)
			continue
		}
		if r >= from && r < to {
			sb.WriteString(p.bar)
		} else {
			sb.WriteString(p.noBar)
		}
		sb.WriteString(p.rows[r])
	}
	return sb.String()
}

// Position describes the scroll position.
func (p *passagesPane) Position() []string {
	if !p.Ready() {
		return nil
	}
	return []string{p.list.scroll.Position()}
}

// UpdateKeys enables the keys of the passages: moving from entry to entry
// and section to section, and enter to open an entry.
func (p *passagesPane) UpdateKeys() {
	if !p.Ready() || p.Selected() == nil {
		return
	}
	k := p.keys
	k.enableMoving(p.list.CanMove())
	k.Open.SetEnabled(true)
	k.Open.SetHelp("enter", "open in comparison")
	cur := p.section()
	k.NextSection.SetEnabled(cur+1 < len(p.sections))
	// N goes back to the start of this section first.
	k.PrevSection.SetEnabled(cur > 0 || len(p.sections) > 0 && p.cursor() != p.sections[0])
}

// Typing reports false: the passages have no query.
func (p *passagesPane) Typing() bool { return false }

// StatusItems are the figures of the story's passages, or what the entry
// under the cursor is.
func (p *passagesPane) StatusItems() []string {
	if !p.Ready() {
		return nil
	}
	var out []string
	if it := p.Selected(); it != nil {
		out = append(out, it.what)
	}
	out = append(out, p.sa.limitItems()...)
	if len(p.sa.an.Articles) < 2 {
		// "0 runs word for word · 0 facts given differently" counted
		// what one article cannot have, under a pane saying why.
		return append(out, "the story has one article")
	}
	out = append(out, plural.Count(uniqueCount(p.sa.an), "passage in one outlet only", "passages in one outlet only"))
	return append(out,
		plural.Count(len(p.sa.an.Verbatim), "run word for word", "runs word for word"),
		plural.Count(len(p.sa.facts), "fact given differently", "facts given differently"))
}
