package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/ui/internal/digits"
	pct "github.com/newsdiff/newsdiff/ui/internal/percent"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// articlesPane lists the stories and their articles — outlet, title, word
// count, and each one's similarity to the left article — for choosing the
// two sides of the comparison.
//
// Its cursor, headings and filter are the reader's list; each entry is
// two lines, with marks for the left and right sides.
type articlesPane struct {
	styles *Styles
	keys   *KeyMap

	entries []entry
	list    list // over entries: stories are its headings
	// headings are the names of the list's headings, which a heading cut
	// short must stay apart from (see truncateAmong).
	headings []string
	// outletLabels are the outlets of a story as cut to a width, each
	// apart from the others (see outletLabel).
	outletLabels map[outletLabelsKey][]string

	left, right *corpus.Article
	picking     bool // the next pick sets the right side
	// sims holds the similarity of each article to simsFor, the left
	// article they were computed against.
	sims    map[*corpus.Article]float64
	simsFor *corpus.Article
	// stale holds the similarities to staleFor, a left article before,
	// shown dimmed and marked while those to the new one are worked out:
	// the figures went blank meanwhile, a second or more in a long
	// story. They are the last figures that came for the left article's
	// story, kept only while the left article stays in it (see SetPair).
	stale    map[*corpus.Article]float64
	staleFor *corpus.Article
	// pairSim is the similarity of the pair pairSimOf, from the
	// comparison shown: the right article's figure where sims has none,
	// as on an archive, which works out those of a story's first
	// maxSimilarities articles alone. An article past them put on the
	// right had a blank beside its "R", and the status bar a figure.
	pairSim   float64
	pairSimOf [2]*corpus.Article
	// unpaired are the articles their story's analysis found sharing no
	// passage with any other of the story: filed with it, most likely,
	// but about something else.
	unpaired map[*corpus.Article]bool

	input     lineInput
	filtering bool // the filter is being typed
	filter    string
	// search, on an archive, finds the filter in the articles' text
	// too; searchGen numbers the filter's edits, so that a search for an
	// older query is dropped, and found holds what the last search for
	// the filter in effect found.
	search    *searcher
	searchGen int
	found     map[*corpus.Article]bool
	// foundOrder is found in the order the search gave it.
	foundOrder []*corpus.Article
	// entryOf is each article's entry, made for the first filter.
	entryOf map[*corpus.Article]int
	// labelled says that the list's entries have their labels;
	// labelling, that they are being made off the UI goroutine since the
	// filter was opened (see makeLabels).
	labelled, labelling bool

	width, height int
	focus         bool
	// alone says that the pane has the screen to itself (a narrow
	// terminal): no border then, as there is nothing beside it.
	alone bool
	view  string
}

// entry is a line of the list: a story heading, or an article.
type entry struct {
	story   *corpus.Story
	article *corpus.Article
	// ungrouped is the heading over the articles that group with nothing
	// (stories of one article, Ungrouped): one heading for them all.
	ungrouped int
}

// labeller makes what the filter looks in for an article's entry: its
// outlet, title and story, folded (see filterRune), one line each. Each
// outlet and story name is folded once, not once for every article that
// shares it, and a label is made in one allocation: the labels of a
// 100,000-article archive are made as the first letter of a filter is
// typed, and took two thirds of a second there, most of it folding the
// same few thousand story names and some eighty outlets over again.
type labeller struct{ folded map[string]string }

// fold returns s on one line and folded as the filter reads it (see
// filterRune).
func (l *labeller) fold(s string) string {
	f, ok := l.folded[s]
	if !ok {
		f = filterFold(termsafe.OneLine(s))
		if l.folded == nil {
			l.folded = make(map[string]string)
		}
		l.folded[s] = f
	}
	return f
}

// label returns e's label: its outlet, title and story, folded, on lines
// of their own.
func (l *labeller) label(e entry) string {
	outlet, story := l.fold(e.article.Outlet), l.fold(e.story.Name)
	title := termsafe.OneLine(e.article.Title)
	var b strings.Builder
	b.Grow(len(outlet) + len(title) + len(story) + 2)
	b.WriteString(outlet)
	b.WriteByte('\n')
	for i := 0; i < len(title); i++ {
		c := title[i]
		if c >= utf8.RuneSelf {
			// An invalid byte as U+FFFD, as strings.ToLower reads it.
			for _, r := range title[i:] {
				b.WriteRune(filterRune(r))
			}
			break
		}
		b.WriteByte(byte(foldRune(rune(c))))
	}
	b.WriteByte('\n')
	b.WriteString(story)
	return b.String()
}

// headingName is the name a heading entry shows.
func (e entry) headingName() string {
	if e.story == nil {
		return notGrouped
	}
	return termsafe.OneLine(e.story.Name)
}

// notGrouped heads the articles that group with no other, as the list
// command's listing does.
const notGrouped = "not grouped"

// linesPerArticle is the height of an article's entry.
const linesPerArticle = 2

func newArticlesPane(c *corpus.Corpus, s *Styles, keys *KeyMap) articlesPane {
	p := articlesPane{styles: s, keys: keys, input: newLineInput(), outletLabels: map[outletLabelsKey][]string{}}
	if c != nil {
		alone := -1 // the "not grouped" heading's entry
		for _, st := range c.Stories {
			switch {
			case !st.Ungrouped:
				p.entries = append(p.entries, entry{story: st})
			case alone < 0:
				alone = len(p.entries)
				p.entries = append(p.entries, entry{})
				fallthrough
			default:
				p.entries[alone].ungrouped += len(st.Articles)
			}
			for _, a := range st.Articles {
				p.entries = append(p.entries, entry{story: st, article: a})
			}
		}
	}
	le := make([]listEntry, len(p.entries))
	for i, e := range p.entries {
		le[i] = listEntry{item: i, height: linesPerArticle}
		if e.article == nil {
			p.headings = append(p.headings, e.headingName())
			le[i] = listEntry{item: i, height: 1, head: true, context: 1}
		}
	}
	p.list.SetEntries(le)
	return p
}

// SetSize sets the pane's outer size, its frame included; alone says
// whether it has the screen to itself.
func (p *articlesPane) SetSize(width, height int, alone bool) {
	p.width, p.height, p.alone = width, height, alone
	p.list.SetHeight(p.listHeight())
	p.render()
}

// Focus and Blur say whether keys go to this pane.
func (p *articlesPane) Focus() { p.focus = true; p.render() }
func (p *articlesPane) Blur()  { p.focus = false; p.render() }

// Focused reports whether the pane has focus.
func (p articlesPane) Focused() bool { return p.focus }

// Filtering reports whether the filter is being typed.
func (p articlesPane) Filtering() bool { return p.filtering }

// Filter returns the filter in effect.
func (p articlesPane) Filter() string { return p.filter }

// Picking reports whether the next pick sets the right side.
func (p articlesPane) Picking() bool { return p.picking }

// Selected returns the article under the cursor, or nil.
func (p articlesPane) Selected() *corpus.Article {
	if i := p.list.Selected(); i >= 0 {
		return p.entries[i].article
	}
	return nil
}

// SetPair marks the articles on each side and whether the next pick sets
// the right side.
//
// The figures before stay, stale, while those to a new left article are
// worked out: the last that came, which are those of two left articles
// back where the one between never had its own. Back on the left article
// they are of (s twice), they are its figures again. They are dropped
// once the left article is of another story, beside whose articles they
// never show: one story's figures at most are kept, and "updating…" is
// not said over figures of another story.
func (p *articlesPane) SetPair(left, right *corpus.Article, picking bool) {
	p.left, p.right, p.picking = left, right, picking
	if p.simsFor != left {
		if p.sims != nil {
			p.stale, p.staleFor = p.sims, p.simsFor
		}
		p.sims, p.simsFor = nil, nil
		switch {
		case p.staleFor == nil:
		case p.staleFor == left:
			p.sims, p.simsFor = p.stale, left
			p.stale, p.staleFor = nil, nil
		case left == nil || !sameStory(p.staleFor, left):
			p.stale, p.staleFor = nil, nil
		}
	}
	p.render()
}

// SetSimilarities shows each article's similarity to left, unless the left
// side has changed since they were asked for.
func (p *articlesPane) SetSimilarities(left *corpus.Article, sims map[*corpus.Article]float64) {
	if left != p.left {
		return
	}
	p.sims, p.simsFor, p.stale, p.staleFor = sims, left, nil, nil
	p.render()
}

// SetPairSimilarity gives the similarity of left and right, from their
// comparison, for right's entry while they are the pair.
func (p *articlesPane) SetPairSimilarity(left, right *corpus.Article, v float64) {
	p.pairSim, p.pairSimOf = v, [2]*corpus.Article{left, right}
	p.render()
}

// MarkUnpaired marks arts as sharing no passage with the rest of their
// story.
func (p *articlesPane) MarkUnpaired(arts []*corpus.Article) {
	if len(arts) == 0 {
		return
	}
	if p.unpaired == nil {
		p.unpaired = make(map[*corpus.Article]bool)
	}
	for _, a := range arts {
		p.unpaired[a] = true
	}
	p.render()
}

// Select moves the cursor to a, if it is shown.
func (p *articlesPane) Select(a *corpus.Article) {
	for i, e := range p.entries {
		if e.article == a && a != nil {
			if p.list.Select(i) {
				p.render()
			}
			return
		}
	}
}

// Update handles the keys and mouse events for a focused pane.
func (p articlesPane) Update(msg tea.Msg) (articlesPane, tea.Cmd) {
	k := p.keys
	switch {
	case p.list.Update(msg, k):
	default:
		switch msg := msg.(type) {
		case tea.MouseMsg:
			if msg.Button == tea.MouseButtonLeft && msg.Action == tea.MouseActionPress {
				p.list.Click(msg.Y - 1) // the first row is the pane's header
			}
		case tea.KeyMsg:
			switch {
			case key.Matches(msg, k.Filter):
				p.filtering = true
				p.input.SetValue(p.filter)
				cmd := p.makeLabels()
				p.render()
				return p, cmd
			case key.Matches(msg, k.Cancel):
				if p.filter != "" {
					p.setFilter("")
				}
			}
		}
	}
	p.render()
	return p, nil
}

// carry takes the filter of old, typed or in effect, and filters the
// list by it (see compareView.carry).
func (p *articlesPane) carry(old articlesPane) tea.Cmd {
	var cmds []tea.Cmd
	if old.filtering {
		p.filtering, p.input = true, old.input
		cmds = append(cmds, p.makeLabels())
	}
	if old.filter != "" {
		cmds = append(cmds, p.setFilter(old.filter))
	}
	return tea.Batch(cmds...)
}

// UpdateFilter edits the filter while it is being typed; the list narrows
// with each edit.
func (p articlesPane) UpdateFilter(msg tea.KeyMsg) (articlesPane, tea.Cmd) {
	switch {
	case key.Matches(msg, p.keys.Accept):
		p.filtering = false
		if p.labelling {
			// The keys that follow act on the list: it is filtered now,
			// not when the labels made in the background come, which
			// would leave enter to pick what the filter hides.
			p.labelNow()
		}
	case key.Matches(msg, p.keys.Cancel), key.Matches(msg, p.keys.DeleteChar) && p.input.Empty():
		// backspace with nothing left to delete closes the filter, as
		// esc does, and as it closes vim's and less's prompts.
		p.filtering = false
		p.setFilter("")
	default:
		in, changed := p.input.Update(msg, p.keys)
		p.input = in
		if changed {
			cmd := p.setFilter(in.Value())
			p.render()
			return p, cmd
		}
	}
	p.render()
	return p, nil
}

// labelsMsg carries the filter's labels of the list's entries, made off
// the UI goroutine; of is the first of the entries they were made for.
type labelsMsg struct {
	of     *entry
	labels []string
}

// makeLabels returns the command that makes the filter's labels, when the
// filter is opened and they are not made yet. On an archive of 100,000
// articles they take a third of a second, or more on a busy machine,
// which the first letter typed waited for. Should letters come first,
// they echo at once and the list is filtered by them when the labels
// come (see setFilter and handleLabels).
func (p *articlesPane) makeLabels() tea.Cmd {
	if p.labelled || p.labelling || len(p.entries) == 0 {
		return nil
	}
	p.labelling = true
	entries := p.entries
	return recovering("making the filter's labels", func() tea.Msg {
		var l labeller
		labels := make([]string, len(entries))
		for i, e := range entries {
			if e.article != nil {
				labels[i] = l.label(e)
			}
		}
		return labelsMsg{of: &entries[0], labels: labels}
	})
}

// handleLabels gives the list the labels makeLabels made, unless it has
// its labels already or they were made for other entries.
func (p *articlesPane) handleLabels(msg labelsMsg) {
	if p.labelled || len(p.entries) == 0 || msg.of != &p.entries[0] {
		return
	}
	p.takeLabels(func(item int) string { return msg.labels[item] })
	p.render()
}

// labelNow makes the labels on the UI goroutine and gives them to the
// list, filtered by the filter typed.
func (p *articlesPane) labelNow() {
	var l labeller
	p.takeLabels(func(item int) string { return l.label(p.entries[item]) })
}

// takeLabels gives the list its labels, and filters it by the filter typed
// while they were made, with the archive's finds that came meanwhile.
func (p *articlesPane) takeLabels(labelOf func(item int) string) {
	p.list.SetLabels(labelOf)
	p.labelled, p.labelling = true, false
	if p.filter != "" {
		p.list.SetFilter(p.filter, nil)
		if p.found != nil {
			p.includeFound(p.foundOrder)
		}
	}
}

// setFilter lists the articles whose outlet, title or story contains f,
// case folded, under their story headings. On an archive, the articles
// whose text holds f's words join them once the filter has rested and the
// archive has been searched: the command returned waits for that.
func (p *articlesPane) setFilter(f string) tea.Cmd {
	p.filter = f
	p.found, p.foundOrder = nil, nil
	switch {
	case p.labelling:
		// The labels are being made since the filter opened: the list
		// is filtered by f when they come, and meanwhile f echoes.
	case !p.labelled && strings.TrimSpace(f) != "":
		// Labels are made for the first filter, not at start: on an
		// archive of 100,000 articles they are a third of a second and
		// 15 MB that a reader who never filters does not need.
		p.labelNow()
	default:
		p.list.SetFilter(f, nil)
	}
	if strings.TrimSpace(f) != "" {
		p.indexEntries()
	}
	if p.search == nil {
		return nil
	}
	p.searchGen++
	if strings.TrimSpace(f) == "" {
		return nil
	}
	return p.search.due(p.searchGen, f)
}

// handleSearch searches the archive once the filter has rested at a
// query, and lists what the search found, unless the filter has changed
// since.
func (p *articlesPane) handleSearch(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case filterDueMsg:
		if msg.gen == p.searchGen && p.search != nil {
			return p.search.search(msg.gen, msg.query)
		}
	case filterFoundMsg:
		if msg.gen != p.searchGen {
			return nil
		}
		if msg.err != nil {
			// Said, not dropped: the list showed what matched titles
			// and outlets, or "nothing matches", as if the text had
			// been searched and held nothing.
			if errors.Is(msg.err, context.Canceled) {
				return nil
			}
			if r, ok := p.search.lib.(Rebuilder); ok {
				if index, ok := r.Damaged(msg.err); ok {
					return sendMsg(indexDamagedMsg{lib: r, index: index})
				}
			}
			return flash("the archive's text could not be searched: the filter matched titles, outlets and stories only")
		}
		p.found = make(map[*corpus.Article]bool, len(msg.found))
		for _, a := range msg.found {
			p.found[a] = true
		}
		p.foundOrder = msg.found
		if p.labelling {
			// The list is not filtered yet: handleLabels takes them.
			return nil
		}
		p.includeFound(msg.found)
		p.render()
	}
	return nil
}

// includeFound lists, beside the articles the filter lets through, those
// the archive's search found, in the order found.
func (p *articlesPane) includeFound(order []*corpus.Article) {
	found, entries := p.found, p.entries
	p.indexEntries()
	var items []int
	for _, a := range order {
		if i, ok := p.entryOf[a]; ok {
			items = append(items, i)
		}
	}
	p.list.Include(items, func(item int) bool { return found[entries[item].article] })
}

// indexEntries makes entryOf, if it is not made: for a filter, not at
// start, as a reader who never filters does not need it.
func (p *articlesPane) indexEntries() {
	if p.entryOf != nil {
		return
	}
	p.entryOf = make(map[*corpus.Article]int, len(p.entries))
	for i, e := range p.entries {
		if e.article != nil {
			p.entryOf[e.article] = i
		}
	}
}

// Lists reports whether the list shows a: every article but under a
// filter, which shows those it lets through.
func (p articlesPane) Lists(a *corpus.Article) bool {
	if !p.list.Filtered() {
		return true
	}
	i, ok := p.entryOf[a]
	return ok && p.list.Shows(i)
}

// listHeight is the number of rows for entries, below the pane's header.
func (p articlesPane) listHeight() int { return max(p.height-1, 1) }

// render draws the pane into p.view; View then has nothing left to do.
func (p *articlesPane) render() {
	s := &p.styles.Articles
	frame := s.Pane
	if p.focus {
		frame = s.FocusedPane
	}
	if p.alone {
		frame = frame.BorderRight(false)
	}
	w := p.width - frame.GetHorizontalFrameSize()
	if w <= 0 || p.height <= 0 {
		p.view = ""
		return
	}
	lines := make([]string, 0, p.height)
	lines = append(lines, p.headerLine(w))
	p.list.Window(func(i int, le listEntry, skip int) bool {
		var el []string
		if le.heading() {
			el = []string{p.headingLine(p.entries[le.item], p.list.Under(i), w)}
		} else {
			el = p.articleLines(p.entries[le.item], i == p.list.Cursor(), p.byText(le), w)
		}
		for _, l := range el[skip:] {
			if len(lines) < p.height {
				lines = append(lines, l)
			}
		}
		return len(lines) < p.height
	})
	if p.list.Len() == 0 && len(lines) < p.height {
		lines = append(lines, padRight(s.Meta.Render(truncate(" nothing matches", w)), min(16, w), w))
	}
	blank := strings.Repeat(" ", w)
	for len(lines) < p.height {
		lines = append(lines, blank)
	}
	p.view = frame.Height(p.height).Render(strings.Join(lines, "\n"))
}

// headerLine draws the pane's header in w cells: the filter being
// typed, with its cursor, or what the list shows. It keeps where the
// filter is scrolled to (see lineInput.View).
func (p *articlesPane) headerLine(w int) string {
	s := &p.styles.Articles
	var text string
	lead := p.styles.lead(p.focus)
	switch {
	case p.filtering:
		text = p.input.View("/ ", w-1)
		return lead + s.Hint.Render(text) + strings.Repeat(" ", max(w-1-textWidth(text), 0))
	case p.picking:
		text = truncate("pick the right side ↵", w-1)
		return lead + s.Hint.Render(text) + strings.Repeat(" ", max(w-1-textWidth(text), 0))
	case p.filter != "":
		text = truncate("filter: "+p.filter, w-1)
	default:
		text = truncate("Articles", w-1)
	}
	hs := s.Header
	if p.focus {
		hs = s.FocusedHeader
	}
	// The figures beside the outlets are each one's similarity to the
	// left article: the header says so over them, where there is room.
	// While they are worked out for a new left article, the figures
	// before stand dimmed, and the header says they are being updated.
	label, labelStyle := "", s.Meta
	room := w - 1 - textWidth(text) - 2
	switch {
	case len(p.sims) > 0:
		label = longestFitting(room, "% similar to left", "% similar", "")
	case len(p.stale) > 0: // kept only until the new left's come
		label, labelStyle = longestFitting(room, "% similar, updating…", "updating…", ""), s.Stale
	}
	gap := max(w-1-textWidth(text)-textWidth(label), 0)
	return lead + hs.Render(text) + strings.Repeat(" ", gap) + labelStyle.Render(label)
}

// Shown returns the position of the cursor's article among the articles
// shown, from 1, and how many are shown.
func (p articlesPane) Shown() (at, n int) { return p.list.Count() }

// headingLine draws a heading: a story's name, or "not grouped" over the
// articles that group with nothing, and how many articles are under it,
// or, under a filter, how many of them match ("2 of 5").
func (p articlesPane) headingLine(e entry, shown, w int) string {
	name, total := e.headingName(), e.ungrouped
	if e.story != nil {
		total = len(e.story.Articles)
	}
	n := " · " + digits.Group(total)
	if shown < total {
		n = " · " + digits.Group(shown) + " of " + digits.Group(total)
	}
	// Copies of one story's folder ("longbench-multinews-018", "…-019")
	// would all cut to "longbench-multinews-0…".
	name = truncateAmong(name, p.headings, max(w-1-textWidth(n), 1))
	text := name + n
	return " " + p.styles.Articles.Story.Render(name) + p.styles.Articles.Meta.Render(n) + strings.Repeat(" ", max(w-1-textWidth(text), 0))
}

// byText reports whether the filter lists e, an article's entry, only
// for words of its text (an archive's search found it): its outlet,
// title and story do not hold the filter.
func (p articlesPane) byText(e listEntry) bool {
	return p.found != nil && !p.labelling && p.found[p.entries[e.item].article] && !p.list.labelHolds(e)
}

// articleLines draws an article's entry: a side mark, the outlet and its
// similarity to the left article; then its title and word count, or,
// where the filter lists it for its text alone, "in text": nothing shown
// of it holds the filter, and the left article itself, listed so, seemed
// listed by mistake.
func (p articlesPane) articleLines(e entry, selected, byText bool, w int) []string {
	s := &p.styles.Articles
	a := e.article
	bar, side := " ", " "
	if selected {
		bar = s.Cursor.Render("▌")
	}
	switch a {
	case p.left:
		side = s.LeftMark.Render("L")
	case p.right:
		side = s.RightMark.Render("R")
	}
	// The faint figures would not stand out of the cursor row's shade.
	meta, stale := s.Meta, s.Stale
	if selected {
		meta, stale = s.SelectedMeta, s.SelectedStale
	}
	sim := ""
	simStyle := meta
	switch {
	case a == p.left:
		sim = "left"
	case p.sims != nil:
		if v, ok := p.sims[a]; ok {
			sim = fmt.Sprintf("%d%%", percent(v))
		} else if a == p.right && p.pairSimOf == [2]*corpus.Article{p.left, a} {
			sim = fmt.Sprintf("%d%%", percent(p.pairSim))
		}
	case p.left != nil && sameStory(p.left, a):
		sim = "…"
		if v, ok := p.stale[a]; ok {
			// Marked, not only dimmed: the figures are faint already,
			// and dim is lost where the terminal draws no attributes
			// (TERM=dumb) or draws no faint text. "…" is what the
			// column says of a figure being worked out.
			sim, simStyle = fmt.Sprintf("%d%%…", percent(v)), stale
		}
	}
	if p.unpaired[a] && a != p.left {
		// Its similarity to anything in its story is nil: say why.
		sim, simStyle = "unrelated?", p.styles.Compare.FactMark
	}
	avail := w - 3 // bar, side mark, space
	if textWidth(sim) > avail/2 {
		sim = truncate(sim, max(avail/2, 1))
	}
	simW := textWidth(sim)
	outlet := p.outletLabel(e, max(avail-simW-1, 1))
	gap := max(avail-textWidth(outlet)-simW, 0)
	words := digits.Group(a.Words) + "w"
	if byText {
		words = "in text"
	}
	title := truncate(termsafe.OneLine(a.Title), max(avail-textWidth(words)-1, 1))
	gap2 := max(avail-textWidth(title)-textWidth(words), 0)

	pick := func(st lipgloss.Style) lipgloss.Style { return st }
	space := func(n int) string { return strings.Repeat(" ", n) }
	if selected {
		// Each piece carries the highlight: an outer Render would lose it at
		// the first piece's reset.
		pick = func(st lipgloss.Style) lipgloss.Style { return st.Inherit(s.Selected) }
		space = func(n int) string { return s.Selected.Render(strings.Repeat(" ", n)) }
	}
	l1 := pick(s.Outlet).Render(outlet) + space(gap) + pick(simStyle).Render(sim)
	l2 := pick(s.Title).Render(title) + space(gap2) + pick(meta).Render(words)
	return []string{bar + side + " " + l1, bar + "  " + l2}
}

// outletLabel is a's outlet cut to width cells apart from the outlets of
// the other articles of its story, as truncateApart cuts them: outlets
// named alike ("longbench-multinews-0018_01", "…_02") were each listed
// as "longbench-multinews…". The labels of a story at a width are kept,
// as the list draws every row anew at each key.
func (p articlesPane) outletLabel(e entry, width int) string {
	a, st := e.article, e.story
	name := termsafe.OneLine(a.Outlet)
	if textWidth(name) <= width || st == nil || len(st.Articles) < 2 {
		return truncate(name, width)
	}
	key := outletLabelsKey{st, width}
	labels, ok := p.outletLabels[key]
	if !ok {
		names := make([]string, len(st.Articles))
		for i, o := range st.Articles {
			names[i] = termsafe.OneLine(o.Outlet)
		}
		labels = truncateApart(names, width)
		p.outletLabels[key] = labels
	}
	if i := slices.Index(st.Articles, a); i >= 0 {
		return labels[i]
	}
	return truncate(name, width)
}

// outletLabelsKey names the labels of a story's outlets at a width.
type outletLabelsKey struct {
	story *corpus.Story
	width int
}

func sameStory(a, b *corpus.Article) bool { return a.Story == b.Story }

// percent is a similarity or a share in [0, 1] as a whole percentage
// (see pct.Of).
func percent(v float64) int { return pct.Of(v) }
