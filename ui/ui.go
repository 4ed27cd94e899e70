// Package ui is newsdiff's terminal reader: a Bubble Tea program for
// comparing how news outlets worded the same story.
//
// It has four views, on keys 1 to 4. The first has an articles pane
// (stories, their articles, and each article's similarity to the one on
// the left) and a comparison pane that shows two articles side by side,
// corresponding passages level, with the words one deleted and the other
// inserted highlighted, or inline as a word diff. Passages paired out of
// order, passages one side lacks, repeated wording, wire copy and facts
// other outlets give differently are marked. The other three look at the
// whole story of the left article: its quotes, each outlet's wording
// diffed against the most common; a matrix of how much each outlet
// reports of each other's words; and the passages only one outlet
// reports, the runs several print word for word, and the facts they give
// differently.
//
// Alignment and diffing are corpus's work, cached per pair in a
// analysis.Cache that every reader may share; a story's analysis is
// computed once per reader, off the UI goroutine, the first time the
// reader needs it. The reader only lays the
// result out: it wraps each block's two sides to the column width (wide
// runes measured as two cells), pads the shorter so each pair starts level,
// and paints the rows once per (comparison, width, mode) and search query.
// View slices the painted rows, so scrolling costs no more than copying a
// screenful of strings.
//
// Everything is drawn through the lipgloss.Renderer given in Options, so a
// server can run one reader per SSH session, each in its client's colours.
// Nothing here writes to the terminal by itself or exits the process:
// problems become state the reader shows.
package ui

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
)

// Options configures a reader.
type Options struct {
	Renderer *lipgloss.Renderer // the session's renderer; nil means lipgloss.DefaultRenderer()
	NoColor  bool               // monochrome: attributes (strikethrough, underline, reverse, dim) and no colours
	Problems []string           // load warnings to show (e.g. in a dismissable status line)
}

// The smallest terminal the reader draws in; below it, it says so.
const (
	MinWidth  = 60
	MinHeight = 12
)

// dualPaneWidth is the narrowest terminal that shows both panes at once;
// below it, only the focused pane shows, full width, and tab switches.
const dualPaneWidth = 100

// page is a view of the corpus, on keys 1–4: comparing two articles, then
// three views of the left article's story as a whole.
type page int

const (
	pageCompare  page = iota // the articles and the comparison of two of them
	pageQuotes               // the story's quotes, each outlet's wording
	pageMatrix               // outlets × outlets: how much each reports of the others
	pagePassages             // what one outlet alone reports, wire copy, disputed facts
)

var pageNames = [...]string{"compare", "quotes", "matrix", "passages"}

func (p page) String() string {
	if int(p) < len(pageNames) {
		return pageNames[p]
	}
	return fmt.Sprintf("page(%d)", int(p))
}

// state is what the reader can show at all.
type state int

const (
	stateReady  state = iota
	stateNoPair       // fewer than two articles: nothing to compare
)

// focus is the pane that keys go to.
type focus int

const (
	focusArticles focus = iota
	focusCompare
)

// Model is the reader. It implements tea.Model.
type Model struct {
	corpus   *corpus.Corpus
	cache    *analysis.Cache
	articles []*corpus.Article // every article, in corpus order
	styles   *Styles
	keys     *KeyMap
	help     help.Model

	page     page
	state    state
	focus    focus
	width    int
	height   int
	showHelp bool
	// helpKeys is the keymap the full help lists: every key, not only
	// those that work in the help itself (see helpKeyMap).
	helpKeys KeyMap

	left, right *corpus.Article
	articlePane articlesPane
	comparePane comparePane
	quotesPane  quotesPane
	matrixPane  matrixPane
	passagePane passagesPane

	// storyOf maps each article to its story. analyses holds each story's
	// analysis once it has come; analysing the stories asked for and not
	// come yet. Both are written only by Update.
	storyOf   map[*corpus.Article]*corpus.Story
	analyses  map[*corpus.Story]*storyAnalysis
	analysing map[*corpus.Story]bool

	problems     []string
	showProblems bool
	// flash is a one-off message about the last key: what it did, or why
	// it did nothing. The next key clears it.
	flash string

	// Rendered on update, so that View only joins strings.
	statusLine  string
	helpLine    string
	helpKey     string // what helpLine was rendered for; see refresh
	statKey     string // what statMiddle was rendered for; see renderStatus
	statMiddle  string
	problemLine string
	helpView    []string
}

// New returns a reader for c. Comparisons are computed through cache,
// which may be shared with other readers of the same corpus; a nil cache
// gets a private one. The first two articles are compared from the start,
// so there is something to read at once.
func New(c *corpus.Corpus, cache *analysis.Cache, opts Options) Model {
	r := opts.Renderer
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	if cache == nil {
		cache = analysis.NewCache()
	}
	var st Styles
	if opts.NoColor {
		st = NewMonoStyles(r)
	} else {
		st = NewStyles(r)
	}
	keys := DefaultKeyMap()
	// With no attributes at all, only brackets can show a change; without
	// colour, inline mode would otherwise tell deleted from inserted text by
	// strikethrough and underline alone.
	ascii := r.ColorProfile() == termenv.Ascii
	markers := [2]bool{sideBySide: ascii, inline: ascii || opts.NoColor}

	m := Model{
		corpus:       c,
		cache:        cache,
		styles:       &st,
		keys:         &keys,
		help:         help.New(),
		problems:     opts.Problems,
		showProblems: len(opts.Problems) > 0,
		focus:        focusCompare,
		storyOf:      make(map[*corpus.Article]*corpus.Story),
		analyses:     make(map[*corpus.Story]*storyAnalysis),
		analysing:    make(map[*corpus.Story]bool),
	}
	m.help.Styles = st.Help
	if c != nil {
		m.articles = c.Articles()
		for _, story := range c.Stories {
			for _, a := range story.Articles {
				m.storyOf[a] = story
			}
		}
	}
	pt := newPainter(m.styles)
	m.articlePane = newArticlesPane(c, m.styles, m.keys)
	m.comparePane = newComparePane(m.styles, m.keys, pt, markers)
	m.quotesPane = newQuotesPane(m.styles, m.keys, pt, markers[inline])
	m.matrixPane = newMatrixPane(m.styles, m.keys, ascii)
	m.passagePane = newPassagesPane(m.styles, m.keys, pt)
	if len(m.articles) < 2 {
		m.state = stateNoPair
		m.focus = focusArticles
	} else {
		left := m.articles[0]
		m.setPair(left, m.nextInStory(left, nil, 1), false)
		m.articlePane.Select(left)
	}
	m.applyFocus()
	m.refresh()
	return m
}

// Init starts computing the similarities shown in the articles pane, and
// the analysis of the left article's story, which marks wire copy and
// disputed facts in the comparison.
func (m Model) Init() tea.Cmd { return tea.Batch(m.similarities(), m.analyseStory()) }

// analyseStory returns a command that analyses the left article's story,
// unless that is done or under way.
func (m *Model) analyseStory() tea.Cmd {
	st := m.storyOf[m.left]
	if st == nil || m.analyses[st] != nil || m.analysing[st] {
		return nil
	}
	m.analysing[st] = true
	return analyse(st, m.cache)
}

// analysis returns the analysis of the left article's story, or nil while
// it is under way.
func (m Model) analysis() *storyAnalysis { return m.analyses[m.storyOf[m.left]] }

// pairMarks returns the marks for comparing left with right, from the
// analyses of their stories that have come.
func (m Model) pairMarks(left, right *corpus.Article) pairMarks {
	marks := func(a *corpus.Article) *articleMarks {
		if sa := m.analyses[m.storyOf[a]]; sa != nil {
			return sa.marks[a]
		}
		return nil
	}
	return pairMarks{marks(left), marks(right)}
}

// syncStoryPage gives the page on screen, if it is a view of the story,
// the left article's analysis and the size of the screen. The other
// pages wait until they are shown, so that a resize or a new analysis
// paints only what is seen.
func (m *Model) syncStoryPage() {
	if m.tooSmall() || m.state != stateReady {
		return
	}
	sa := m.analysis()
	w, h := m.width, m.height-m.bottomRows()
	switch m.page {
	case pageQuotes:
		m.quotesPane.SetSize(w, h)
		m.quotesPane.SetAnalysis(sa)
	case pageMatrix:
		m.matrixPane.SetSize(w, h)
		m.matrixPane.SetAnalysis(sa)
	case pagePassages:
		m.passagePane.SetSize(w, h)
		m.passagePane.SetAnalysis(sa)
	}
}

type (
	// similaritiesMsg carries each article's similarity to left.
	similaritiesMsg struct {
		left *corpus.Article
		sims map[*corpus.Article]float64
	}
)

// similarities returns a command that compares the left article with
// every other article of its story, off the UI goroutine. The articles and
// the cache are safe to share; the result names the left article it was
// computed for, so a late answer for an old choice is dropped.
func (m Model) similarities() tea.Cmd {
	left, cache := m.left, m.cache
	if left == nil {
		return nil
	}
	var others []*corpus.Article
	for _, a := range m.articles {
		if a != left && sameStory(a, left) {
			others = append(others, a)
		}
	}
	return func() tea.Msg {
		sims := make(map[*corpus.Article]float64, len(others))
		for _, a := range others {
			if c, err := cache.Compare(context.Background(), left, a); err == nil {
				sims[a] = c.Similarity
			}
		}
		return similaritiesMsg{left, sims}
	}
}

// Update handles a message: a resize, then ctrl+c, then a query being
// typed, then the help, then keys for the whole reader, then the focused
// pane.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
	case similaritiesMsg:
		m.articlePane.SetSimilarities(msg.left, msg.sims)
	case analysisMsg:
		m.handleAnalysis(msg)
	case tea.KeyMsg:
		m.flash = ""
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
			// Keys that arrive together (fast typing, a slow link, tmux
			// send-keys) come as one message with several runes: each is a
			// key of its own. Once one starts a query, the rest are typed.
			var cmds []tea.Cmd
			for _, r := range msg.Runes {
				m.updateKeys()
				cmds = append(cmds, m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
			}
			cmd = tea.Batch(cmds...)
			break
		}
		cmd = m.handleKey(msg)
	case tea.MouseMsg:
		m.handleMouse(msg)
	}
	// Whatever changed the left article may have moved the reader to a
	// story not analysed yet.
	cmd = tea.Batch(cmd, m.analyseStory())
	m.syncStoryPage()
	m.refresh()
	return m, cmd
}

// handleAnalysis keeps a story's analysis and marks the comparison with
// it. The views of the story take it up when they are next shown.
func (m *Model) handleAnalysis(msg analysisMsg) {
	m.analyses[msg.story] = msg.sa
	delete(m.analysing, msg.story)
	if m.right != nil {
		m.comparePane.SetMarks(m.pairMarks(m.left, m.right))
	}
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.ForceQuit):
		return tea.Quit
	case m.comparePane.Searching():
		m.comparePane, _ = m.comparePane.UpdateSearch(msg)
		m.takeStatus()
		return nil
	case m.articlePane.Filtering():
		m.articlePane, _ = m.articlePane.UpdateFilter(msg)
		return nil
	case m.showHelp:
		if key.Matches(msg, k.CloseHelp) {
			m.showHelp = false
		}
		return nil
	}
	if cmd, done := m.handleGlobalKey(msg); done {
		return cmd
	}
	if m.state != stateReady {
		return nil
	}
	switch m.page {
	case pageQuotes:
		m.quotesPane, _ = m.quotesPane.Update(msg)
		return nil
	case pageMatrix:
		if key.Matches(msg, k.Open) {
			return m.openCell()
		}
		m.matrixPane, _ = m.matrixPane.Update(msg)
		return nil
	case pagePassages:
		if key.Matches(msg, k.Open) {
			return m.openPassage()
		}
		m.passagePane, _ = m.passagePane.Update(msg)
		return nil
	}
	switch m.focus {
	case focusArticles:
		if key.Matches(msg, k.Pick) {
			return m.pick(m.articlePane.Selected())
		}
		if key.Matches(msg, k.Cancel) && m.articlePane.Picking() {
			m.articlePane.SetPair(m.left, m.right, false)
			m.flash = "kept " + oneLine(m.right.Outlet) + " on the right"
			return nil
		}
		m.articlePane, _ = m.articlePane.Update(msg)
	case focusCompare:
		m.comparePane, _ = m.comparePane.Update(msg)
		m.takeStatus()
	}
	return nil
}

// handleGlobalKey handles the keys that work whichever pane has focus.
func (m *Model) handleGlobalKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit, true
	case key.Matches(msg, k.Help):
		m.helpKeys = m.helpKeyMap()
		m.showHelp = true
		m.renderFullHelp()
	case key.Matches(msg, k.Dismiss):
		m.showProblems = false
		m.layout()
	case key.Matches(msg, k.SwitchPane) && m.page == pageQuotes:
		m.quotesPane.ToggleFocus()
	case key.Matches(msg, k.SwitchPane):
		if m.focus == focusArticles {
			m.focus = focusCompare
		} else {
			m.focus = focusArticles
		}
		m.applyFocus()
	case key.Matches(msg, k.ComparePage):
		m.page = pageCompare
	case key.Matches(msg, k.QuotesPage):
		m.showStoryPage(pageQuotes)
	case key.Matches(msg, k.MatrixPage):
		m.showStoryPage(pageMatrix)
	case key.Matches(msg, k.PassagesPage):
		m.showStoryPage(pagePassages)
	case key.Matches(msg, k.Inline):
		m.comparePane.ToggleMode()
		m.flash = m.comparePane.Mode().String() + " mode"
	case key.Matches(msg, k.Swap):
		m.setPair(m.right, m.left, m.articlePane.Picking())
		m.flash = "swapped sides"
		return m.similarities(), true
	case key.Matches(msg, k.NextOutlet):
		m.cycleRight(1)
	case key.Matches(msg, k.PrevOutlet):
		m.cycleRight(-1)
	default:
		return nil, false
	}
	return nil, true
}

func (m *Model) handleMouse(msg tea.MouseMsg) {
	if m.showHelp || m.state != stateReady || m.tooSmall() {
		return
	}
	switch m.page {
	case pageQuotes:
		m.quotesPane, _ = m.quotesPane.Update(msg)
		return
	case pageMatrix:
		return
	case pagePassages:
		m.passagePane, _ = m.passagePane.Update(msg)
		return
	}
	target := m.focus
	if m.dualPane() {
		target = focusCompare
		if msg.X < m.articlePane.width {
			target = focusArticles
		} else {
			msg.X -= m.articlePane.width
		}
	}
	if msg.Button == tea.MouseButtonLeft && msg.Action == tea.MouseActionPress && target != m.focus {
		m.focus = target
		m.applyFocus()
	}
	if target == focusArticles {
		m.articlePane, _ = m.articlePane.Update(msg)
	} else {
		m.comparePane, _ = m.comparePane.Update(msg)
	}
}

// showStoryPage switches to p, a view of the left article's story, and
// says so while the story is still being analysed.
func (m *Model) showStoryPage(p page) {
	m.page = p
	m.syncStoryPage()
	if st := m.storyOf[m.left]; st != nil && m.analysis() == nil {
		m.flash = "analysing " + oneLine(st.Name) + "…"
	}
}

// openCell handles enter on the matrix: the cell's row article goes on the
// left, its column article on the right, side by side.
func (m *Model) openCell() tea.Cmd {
	row, col := m.matrixPane.Cursor()
	switch {
	case row == nil:
		return nil
	case row == col:
		m.flash = "an article against itself: move off the diagonal to pick a pair"
		return nil
	}
	return m.openPair(row, col, nil, 0)
}

// openPassage handles enter on the passages view: it opens a comparison at
// the entry's passage. The left side is the article the passage is in —
// the current left article, if it is one of them — and the right is the
// current right article if it is one of the entry's others, or else the
// first of them.
func (m *Model) openPassage() tea.Cmd {
	it := m.passagePane.Selected()
	if it == nil || len(it.at) == 0 {
		return nil
	}
	at := it.at[0]
	for _, as := range it.at {
		if as.Article == m.left {
			at = as
		}
	}
	var right *corpus.Article
	for _, o := range it.others {
		if o == at.Article {
			continue
		}
		if o == m.right {
			right = o
			break
		}
		if right == nil {
			right = o
		}
	}
	if right == nil {
		m.flash = "no other outlet in this story to compare with"
		return nil
	}
	return m.openPair(at.Article, right, at.Article, at.Span.Start)
}

// openPair shows left and right side by side on the comparison page and,
// when at is given, scrolls to the passage holding byte offset off of it.
func (m *Model) openPair(left, right, at *corpus.Article, off int) tea.Cmd {
	changed := left != m.left
	m.setPair(left, right, false)
	m.articlePane.Select(left)
	m.page = pageCompare
	m.focus = focusCompare
	m.applyFocus()
	m.layout()
	m.flash = oneLine(left.Outlet) + " and " + oneLine(right.Outlet) + " side by side"
	if at != nil && len(at.Sentences) > 0 {
		if m.comparePane.ScrollTo(at, sentenceAt(at, off)) {
			m.flash += fmt.Sprintf(", at ¶%d", at.ParagraphAt(off))
		}
	}
	if changed {
		return m.similarities()
	}
	return nil
}

// pick handles enter on article a: the first pick sets the left side (and
// waits for the right), the next sets the right side and opens the
// comparison.
func (m *Model) pick(a *corpus.Article) tea.Cmd {
	switch {
	case a == nil:
		m.flash = "no article here"
		return nil
	case !m.articlePane.Picking():
		right := m.right
		if right == a {
			right = m.left
		}
		changed := a != m.left
		m.setPair(a, right, true)
		m.flash = oneLine(a.Outlet) + " on the left: enter on another article picks the right side"
		if changed {
			return m.similarities()
		}
		return nil
	case a == m.left:
		m.flash = oneLine(a.Outlet) + " is already on the left: pick another article for the right"
		return nil
	}
	m.setPair(m.left, a, false)
	m.focus = focusCompare
	m.applyFocus()
	m.layout()
	return nil
}

// cycleRight puts the next (dir 1) or previous (dir -1) article of the
// left article's story on the right.
func (m *Model) cycleRight(dir int) {
	if m.state != stateReady {
		return
	}
	next := m.nextInStory(m.left, m.right, dir)
	if next == m.right {
		m.flash = "no other article in this story to compare with"
		return
	}
	m.setPair(m.left, next, m.articlePane.Picking())
	m.flash = oneLine(next.Outlet) + " on the right"
}

// nextInStory returns the article after (dir 1) or before (dir -1) from in
// left's story, skipping left and wrapping around; with from nil, the first
// such article. If left's story has no other article, it falls back to the
// next article of the corpus.
func (m Model) nextInStory(left, from *corpus.Article, dir int) *corpus.Article {
	var cands []*corpus.Article
	for _, a := range m.articles {
		if a != left && sameStory(a, left) {
			cands = append(cands, a)
		}
	}
	if len(cands) == 0 {
		for _, a := range m.articles {
			if a != left {
				cands = append(cands, a)
			}
		}
	}
	if len(cands) == 0 {
		return from
	}
	i := -1
	for j, a := range cands {
		if a == from {
			i = j
		}
	}
	if i < 0 {
		if dir > 0 {
			return cands[0]
		}
		return cands[len(cands)-1]
	}
	return cands[(i+dir+len(cands))%len(cands)]
}

// setPair compares left with right and shows it.
func (m *Model) setPair(left, right *corpus.Article, picking bool) {
	if left == nil || right == nil || left == right {
		return
	}
	m.left, m.right = left, right
	m.articlePane.SetPair(left, right, picking)
	c, err := m.cache.Compare(context.Background(), left, right)
	if err != nil {
		m.flash = oneLine(err.Error())
		return
	}
	m.comparePane.SetComparison(c, m.pairMarks(left, right))
}

func (m *Model) applyFocus() {
	if m.focus == focusArticles {
		m.articlePane.Focus()
		m.comparePane.Blur()
	} else {
		m.articlePane.Blur()
		m.comparePane.Focus()
	}
}

// takeStatus moves the comparison pane's message to the status bar.
func (m *Model) takeStatus() {
	if m.comparePane.status != "" {
		m.flash = m.comparePane.status
		m.comparePane.status = ""
	}
}

func (m Model) tooSmall() bool { return m.width < MinWidth || m.height < MinHeight }

func (m Model) dualPane() bool { return m.width >= dualPaneWidth }

// bottomRows is the height of what sits below the panes: the status bar,
// the help line, and a warning line while there are problems to show.
func (m Model) bottomRows() int {
	n := 2
	if m.showProblems {
		n++
	}
	return n
}

// articlesWidth is the articles pane's width beside the comparison.
func (m Model) articlesWidth() int { return min(max(m.width/5, 28), 40) }

// layout sizes the panes for the terminal: arithmetic on resize, never in
// View.
func (m *Model) layout() {
	if m.tooSmall() {
		return
	}
	h := m.height - m.bottomRows()
	if m.dualPane() {
		aw := m.articlesWidth()
		m.articlePane.SetSize(aw, h)
		m.comparePane.SetSize(m.width-aw, h)
	} else {
		m.articlePane.SetSize(m.width, h)
		m.comparePane.SetSize(m.width, h)
	}
	m.syncStoryPage()
	if m.showHelp {
		m.renderFullHelp()
	}
}

// View draws the reader: joined strings, rendered by Update.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.tooSmall() {
		return m.message(fmt.Sprintf("terminal too small (need %d×%d)", MinWidth, MinHeight))
	}
	if m.state == stateNoPair {
		return m.message(m.noPairMessage())
	}
	var sb strings.Builder
	m.mainView(&sb)
	if m.showProblems {
		sb.WriteByte('\n')
		sb.WriteString(m.problemLine)
	}
	sb.WriteByte('\n')
	sb.WriteString(m.statusLine)
	sb.WriteByte('\n')
	sb.WriteString(m.helpLine)
	return sb.String()
}

// mainView draws the panes (or the help in their place) into sb.
func (m Model) mainView(sb *strings.Builder) {
	const bottom = 1024 // room for the lines below the panes
	h := m.height - m.bottomRows()
	switch {
	case m.showHelp:
		sb.WriteString(strings.Join(m.helpView, "\n"))
		return
	case m.page != pageCompare:
		var v string
		switch m.page {
		case pageQuotes:
			v = m.quotesPane.View()
		case pageMatrix:
			v = m.matrixPane.View()
		case pagePassages:
			v = m.passagePane.View()
		}
		sb.Grow(len(v) + bottom)
		sb.WriteString(v)
		return
	case !m.dualPane() && m.focus == focusArticles:
		v := m.articlePane.View()
		sb.Grow(len(v) + bottom)
		sb.WriteString(v)
		return
	case !m.dualPane():
		v := m.comparePane.View()
		sb.Grow(len(v) + bottom)
		sb.WriteString(v)
		return
	}
	lv, rv := m.articlePane.View(), m.comparePane.View()
	sb.Grow(len(lv) + len(rv) + bottom)
	left, right := strings.Split(lv, "\n"), strings.Split(rv, "\n")
	for i := range h {
		if i > 0 {
			sb.WriteByte('\n')
		}
		if i < len(left) {
			sb.WriteString(left[i])
		}
		if i < len(right) {
			sb.WriteString(right[i])
		}
	}
}

// View returns the articles pane as rendered by its last update.
func (p articlesPane) View() string { return p.view }

// message draws text centred on an otherwise empty screen, wrapped to fit.
func (m Model) message(text string) string {
	w := max(m.width-2, 1)
	var lines []string
	for _, l := range wrapFrags([]frag{{text, clsEqual, 0}}, w) {
		var sb strings.Builder
		for _, f := range l.frags {
			sb.WriteString(f.text)
		}
		lines = append(lines, sb.String())
	}
	if len(lines) > m.height {
		lines = lines[:m.height]
	}
	out := make([]string, m.height)
	top := (m.height - len(lines)) / 2
	for i := range out {
		out[i] = strings.Repeat(" ", m.width)
	}
	for i, l := range lines {
		l = truncate(l, m.width)
		lw := textWidth(l)
		pad := (m.width - lw) / 2
		out[top+i] = strings.Repeat(" ", pad) + m.styles.Message.Render(l) + strings.Repeat(" ", m.width-lw-pad)
	}
	return strings.Join(out, "\n")
}

func (m Model) noPairMessage() string {
	msg := "A comparison needs two articles, and there are none to read."
	if len(m.articles) == 1 {
		msg = fmt.Sprintf("A comparison needs two articles, and there is only one: %s (%s). Add another report of the same story.",
			oneLine(m.articles[0].Outlet), oneLine(m.articles[0].Title))
	}
	if len(m.problems) > 0 {
		msg += fmt.Sprintf(" Loading reported %d problem(s): %s", len(m.problems), oneLine(m.problems[0]))
	}
	return msg + " Press q to quit."
}
