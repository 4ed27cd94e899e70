package ui

import (
	"fmt"
	"github.com/muesli/termenv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/ui/internal/digits"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// compareView is the reader's first view: the articles pane, for choosing
// the two sides, beside the comparison of the two. In a terminal at least
// dualPaneWidth wide both show; below, only the focused one, full width,
// and tab switches.
type compareView struct {
	keys     *KeyMap
	articles articlesPane
	pane     comparePane
	focus    focus

	width, height int

	// writeHTML makes the page e writes into the folder the reader was
	// started in (nil where the reader writes no files: over SSH); out is
	// the terminal y copies through.
	writeHTML HTMLWriter
	out       *termenv.Output

	// stopped says, while no comparison is shown, that the one asked for
	// was stopped or failed, and how to ask again: the pane is empty.
	stopped bool
}

// focus is the pane of the comparison view that keys go to.
type focus int

const (
	focusArticles focus = iota
	focusCompare
)

func newCompareView(c *corpus.Corpus, s *Styles, keys *KeyMap, pt *painter, markers [2]bool) *compareView {
	v := &compareView{
		keys:     keys,
		articles: newArticlesPane(c, s, keys),
		pane:     newComparePane(s, keys, pt, markers),
		focus:    focusCompare,
	}
	v.applyFocus()
	return v
}

// SetSize lays the two panes out: side by side in a wide terminal, the
// articles pane between 28 and 40 cells wide.
func (v *compareView) SetSize(width, height int) {
	if width == v.width && height == v.height {
		return
	}
	v.width, v.height = width, height
	if v.dual() {
		aw := min(max(width/5, 28), 40)
		v.articles.SetSize(aw, height, false)
		v.pane.SetSize(width-aw, height)
	} else {
		v.articles.SetSize(width, height, true)
		v.pane.SetSize(width, height)
	}
}

func (v *compareView) dual() bool { return v.width >= dualPaneWidth }

// carry takes over from old, the view of a list an archive's refresh
// replaces, what the reader was doing in it: the pane with the keys, the
// comparison's mode, the passage at its top, the search and the filter,
// typed or in effect, the new list filtered by the filter. The refresh comes in the first second
// or so of a large archive, as the reader starts to type: the filter
// being typed was gone, and the rest of the word went to the comparison
// as keys, where e exported a page and s swapped the sides.
func (v *compareView) carry(view storyView) tea.Cmd {
	old, ok := view.(*compareView)
	if !ok {
		return nil
	}
	v.focus = old.focus
	v.applyFocus()
	v.pane.mode, v.pane.want = old.pane.want, old.pane.want
	v.pane.searching, v.pane.input, v.pane.query = old.pane.searching, old.pane.input, old.pane.query
	v.pane.carryTop(&old.pane)
	return v.articles.carry(old.articles)
}

// SetAnalysis does nothing: a comparison may set articles of two stories
// side by side, so the root marks it with both stories' analyses through
// SetMarks.
func (v *compareView) SetAnalysis(*storyAnalysis) {}

// SetPair marks the articles on each side in the list, and whether the
// next pick sets the right side.
func (v *compareView) SetPair(left, right *corpus.Article, picking bool) {
	v.stopped = false
	v.articles.SetPair(left, right, picking)
}

// SetComparison shows c, the comparison of the listed articles left and
// right, with the marks of its two articles; made, when not nil, is c
// laid out by the work LayoutWork returned.
func (v *compareView) SetComparison(left, right *corpus.Article, c *compare.Comparison, marks pairMarks, made *madeLayout) {
	v.stopped = false
	v.pane.SetComparison(c, marks, made)
	if c != nil {
		v.articles.SetPairSimilarity(left, right, c.Similarity)
	}
}

// LayoutWork returns the work of laying c out off the UI goroutine, where
// SetComparison would otherwise lay it out on it (see
// comparePane.layoutWork), or nil.
func (v *compareView) LayoutWork(c *compare.Comparison, marks pairMarks, made *madeLayout) func(stop func() bool) *madeLayout {
	return v.pane.layoutWork(c, marks, made)
}

// SetStopped says that the comparison asked for was stopped or failed.
// Where no other comparison is shown, the empty pane's status bar then
// says how to ask again.
func (v *compareView) SetStopped() { v.stopped = v.pane.Comparison() == nil }

// SetMarks flags the wire copy and disputed facts of the comparison.
func (v *compareView) SetMarks(marks pairMarks) { v.pane.SetMarks(marks) }

// Comparison returns the comparison shown, or nil.
func (v *compareView) Comparison() *compare.Comparison { return v.pane.Comparison() }

// Show moves the list's cursor to left and gives the comparison the keys,
// as when a pair is opened from another view.
func (v *compareView) Show(left *corpus.Article) {
	v.articles.Select(left)
	v.focus = focusCompare
	v.applyFocus()
}

// ScrollTo puts the passage holding sentence of a at the top of the
// comparison, and reports whether the comparison has it.
func (v *compareView) ScrollTo(a *corpus.Article, sentence int) bool {
	return v.pane.ScrollTo(a, sentence)
}

// Picking reports whether the next pick sets the right side.
func (v *compareView) Picking() bool { return v.articles.Picking() }

// SetSimilarities shows each article's similarity to left.
func (v *compareView) SetSimilarities(left *corpus.Article, sims map[*corpus.Article]float64) {
	v.articles.SetSimilarities(left, sims)
}

// Typing reports whether a search or a filter is being typed.
func (v *compareView) Typing() bool { return v.pane.Searching() || v.articles.Filtering() }

func (v *compareView) applyFocus() {
	if v.focus == focusArticles {
		v.articles.Focus()
		v.pane.Blur()
	} else {
		v.articles.Blur()
		v.pane.Focus()
	}
}

// Update handles a key for the focused pane (or the query being typed),
// tab between the panes and v for the layout; and the mouse, for the pane
// under the pointer.
func (v *compareView) Update(msg tea.Msg) (storyView, tea.Cmd) {
	k := v.keys
	switch msg := msg.(type) {
	case tea.MouseMsg:
		v.updateMouse(msg)
		return v, nil
	case tea.KeyMsg:
		switch {
		case v.pane.Searching():
			var cmd tea.Cmd
			v.pane, cmd = v.pane.UpdateSearch(msg)
			return v, tea.Batch(cmd, v.takeStatus())
		case v.articles.Filtering():
			var cmd tea.Cmd
			v.articles, cmd = v.articles.UpdateFilter(msg)
			return v, cmd
		case key.Matches(msg, k.SwitchPane):
			v.focus = 1 - v.focus
			v.applyFocus()
			return v, nil
		case key.Matches(msg, k.Inline):
			cmd := v.pane.ToggleMode()
			if md, ok := v.pane.Switching(); ok {
				return v, tea.Batch(cmd, flash("laying out "+md.String()+"…"))
			}
			return v, tea.Batch(cmd, flash(v.pane.Mode().String()+" mode"))
		case key.Matches(msg, k.Export):
			return v, v.export()
		case key.Matches(msg, k.Copy):
			return v, v.copyPassage()
		}
		if why := v.aloneKeyWhy(msg); why != "" {
			return v, flash(why)
		}
		if v.focus == focusArticles {
			if why := v.comparisonKeyWhy(msg); why != "" {
				return v, flash(why)
			}
			return v, v.updateArticles(msg)
		}
		var cmd tea.Cmd
		v.pane, cmd = v.pane.Update(msg)
		return v, tea.Batch(cmd, v.takeStatus())
	}
	return v, nil
}

// onlyArticle is what the reader says of a comparison of the only
// article with itself.
const onlyArticle = "the only article: nothing to compare it with"

// alone reports whether the comparison is of the only article with
// itself, the one comparison a corpus of one article has.
func (v *compareView) alone() bool {
	return selfCompared(v.pane.Comparison())
}

// aloneKeyWhy says why the keys of a pair are off beside the only
// article, where n said "no differences: the texts are the same", s
// "swapped sides", of one article facing itself, and enter in the list
// waited for a right side there is none to pick. Empty for any other key,
// and n and N while a search is on, as they then step through its
// matches.
func (v *compareView) aloneKeyWhy(msg tea.KeyMsg) string {
	if !v.alone() {
		return ""
	}
	for _, b := range v.pairKeys() {
		if pressedOff(msg, *b) {
			return onlyArticle
		}
	}
	return ""
}

// pairKeys are the keys that need two articles, and so are off beside
// the only article (see aloneKeyWhy): enter picks the other in the list,
// n and N step through changes while no search is on, e saves a
// comparison, which there wrote a page of the article against itself
// ("01_huffpost-vs-01_huffpost.html", 100% similar), and v puts the
// other article beside it, which there stood the one text twice, side by
// side. (Side by side already, v is how it gets back to one column.)
func (v *compareView) pairKeys() []*key.Binding {
	k := v.keys
	bs := []*key.Binding{&k.Swap, &k.NextOutlet, &k.PrevOutlet, &k.Export}
	if v.pane.Mode() == inline {
		bs = append(bs, &k.Inline)
	}
	if v.focus == focusArticles {
		bs = append(bs, &k.Pick)
	}
	if v.pane.Query() == "" {
		bs = append(bs, &k.NextChange, &k.PrevChange)
	}
	return bs
}

// comparisonKeyWhy says where a key of the comparison pane (n, N: the
// next change or match) works when the articles list has focus, where it
// did nothing at all and seemed broken. Empty for any other key.
func (v *compareView) comparisonKeyWhy(msg tea.KeyMsg) string {
	return worksInComparison(msg, "press tab", v.keys.NextChange, v.keys.PrevChange)
}

// export writes the comparison as an HTML page, or says why it cannot.
func (v *compareView) export() tea.Cmd {
	c := v.pane.Comparison()
	switch {
	case c == nil:
		return flash("nothing to export: no comparison")
	case v.writeHTML == nil:
		return flash(exportOff)
	}
	return exportHTML(".", c, v.writeHTML)
}

// exportOff is what e says where export is off (Options.WriteHTML is nil,
// as over SSH), in any view: the help does not offer it there.
const exportOff = "export is off here: this reader writes no files"

// copyPassage copies the passage pair the reader is at; beside the only
// article, its one passage.
func (v *compareView) copyPassage() tea.Cmd {
	c := v.pane.Comparison()
	bi := v.pane.CurrentBlock()
	if c == nil || bi < 0 || v.out == nil {
		return flash("nothing to copy")
	}
	// A passage only one side has is copied alone: "copied the passage
	// pair" said two were.
	if k := c.Blocks[bi].Kind; v.alone() || k == compare.LeftOnly || k == compare.RightOnly {
		return copyText(v.out, passageText(c, bi), "the passage")
	}
	return copyText(v.out, passageText(c, bi), "the passage pair")
}

// updateArticles handles a key for the articles pane: enter picks, esc
// while picking keeps the right side, and the rest move and filter.
func (v *compareView) updateArticles(msg tea.KeyMsg) tea.Cmd {
	k := v.keys
	switch {
	case key.Matches(msg, k.Pick):
		return v.pick(v.articles.Selected())
	case pressedOff(msg, k.Pick) && v.articles.Filter() != "":
		return flashShorter("no article here: nothing matches the filter", "nothing matches the filter")
	case key.Matches(msg, k.Cancel) && v.articles.Picking():
		a := &v.articles
		a.SetPair(a.left, a.right, false)
		return flash("kept " + termsafe.OneLine(a.right.Outlet) + " on the right")
	}
	var cmd tea.Cmd
	v.articles, cmd = v.articles.Update(msg)
	return cmd
}

// pick handles enter on article a: the first pick sets the left side (and
// waits for the right), the next sets the right side and opens the
// comparison.
func (v *compareView) pick(a *corpus.Article) tea.Cmd {
	left, right := v.articles.left, v.articles.right
	switch {
	case a == nil:
		return flash("no article here")
	case !v.articles.Picking():
		if right == a {
			right = left
		}
		return tea.Batch(
			sendMsg(setPairMsg{left: a, right: right, picking: true}),
			flashShorter(termsafe.OneLine(a.Outlet)+" on the left: now pick the right side", "now pick the right side"))
	case a == left:
		return flashShorter(termsafe.OneLine(a.Outlet)+" is already on the left: pick another",
			"already on the left: pick another", "on the left: pick another")
	}
	v.focus = focusCompare
	v.applyFocus()
	return sendMsg(setPairMsg{left: left, right: a})
}

// updateMouse gives a mouse event to the pane under the pointer, focusing
// it on a click unless a query is being typed in the other.
func (v *compareView) updateMouse(msg tea.MouseMsg) {
	target := v.focus
	if v.dual() {
		target = focusCompare
		if msg.X < v.articles.width {
			target = focusArticles
		} else {
			msg.X -= v.articles.width
		}
	}
	if msg.Button == tea.MouseButtonLeft && msg.Action == tea.MouseActionPress && target != v.focus {
		if v.Typing() {
			// The query being typed keeps the keys, and so the focus,
			// as it keeps tab: a click moved the focus, and the list's
			// cursor, to the other pane while the letters typed still
			// went into the query.
			return
		}
		v.focus = target
		v.applyFocus()
	}
	if target == focusArticles {
		v.articles, _ = v.articles.Update(msg)
	} else {
		v.pane, _ = v.pane.Update(msg)
	}
}

// takeStatus returns the comparison pane's message for the status bar.
func (v *compareView) takeStatus() tea.Cmd {
	s := v.pane.status
	if s == "" {
		return nil
	}
	v.pane.status = ""
	return flash(s)
}

// UpdateKeys enables the keys of the focused pane, or of the query being
// typed, and those of the view: tab, v, the outlets and swapping sides.
func (v *compareView) UpdateKeys() {
	k := v.keys
	if v.Typing() {
		k.enableEditing()
		k.Cancel.SetHelp("esc", "cancel")
		return
	}
	onCompare := v.focus == focusCompare
	if onCompare {
		k.enableMoving(v.pane.lay != nil && !v.pane.scroll.Fits())
	} else {
		k.enableMoving(v.articles.list.CanMove())
	}
	// With no comparison on screen, there is nothing to step through or
	// search.
	shown := onCompare && v.pane.Comparison() != nil
	query := v.pane.Query() != ""
	// n and N are offered while there is a change to go to: between two
	// copies of one text, n only says there is none.
	changes := v.pane.lay == nil || len(v.pane.lay.changes) > 0
	k.NextChange.SetEnabled(shown && !query && changes)
	k.PrevChange.SetEnabled(shown && !query && changes)
	// n and N are offered while there is a match to go to, or the
	// search that may find one runs: with none, n only says so.
	found := v.pane.SearchPending() || v.pane.lay != nil && len(v.pane.lay.hits) > 0
	k.NextMatch.SetEnabled(shown && query && found)
	k.PrevMatch.SetEnabled(shown && query && found)
	k.Search.SetEnabled(shown)
	k.Inline.SetEnabled(true)
	k.Export.SetEnabled(v.pane.Comparison() != nil)
	k.Copy.SetEnabled(v.pane.Comparison() != nil)
	switch _, switching := v.pane.Switching(); {
	case switching:
		// v again gives up the layout being made (see ToggleMode).
		k.Inline.SetHelp("v", "stay "+v.pane.Mode().String())
	case v.pane.Mode() == inline:
		k.Inline.SetHelp("v", "side by side")
	default:
		k.Inline.SetHelp("v", "inline")
	}
	// A filter that lets no article through leaves nothing to pick.
	k.Pick.SetEnabled(!onCompare && v.articles.Selected() != nil)
	// The one-line help says where this enter puts the article, which
	// keeps it short enough to show at 80 columns beside tab and help.
	if v.articles.Picking() {
		k.Pick.SetHelp("enter", pickRightHelp)
	} else {
		k.Pick.SetHelp("enter", pickLeftHelp)
	}
	k.Filter.SetEnabled(!onCompare)
	k.PrevOutlet.SetEnabled(true)
	k.NextOutlet.SetEnabled(true)
	k.Swap.SetEnabled(true)
	k.SwitchPane.SetEnabled(true)
	switch {
	case v.dual():
		k.SwitchPane.SetHelp("tab", switchPaneHelp)
	case onCompare:
		k.SwitchPane.SetHelp("tab", "articles") // the pane off screen
	default:
		k.SwitchPane.SetHelp("tab", "comparison")
	}
	switch {
	case onCompare:
		k.Cancel.SetEnabled(query)
		k.Cancel.SetHelp("esc", "clear search")
	case v.articles.Picking():
		k.Cancel.SetEnabled(true)
		k.Cancel.SetHelp("esc", "keep right side")
	default:
		k.Cancel.SetEnabled(v.articles.Filter() != "")
		k.Cancel.SetHelp("esc", "clear filter")
	}
	if v.alone() {
		for _, b := range v.pairKeys() {
			b.SetEnabled(false)
		}
	}
}

// View draws the two panes side by side, or the focused one.
func (v *compareView) View() string {
	var sb strings.Builder
	v.WriteView(&sb)
	return sb.String()
}

// WriteView writes what View draws into sb, so that the root's frame holds
// the panes' rows without a copy of them in between: scrolling is most of
// the reader's work, and each frame is a screenful of bytes.
func (v *compareView) WriteView(sb *strings.Builder) {
	const bottom = 1024 // room for the lines below the panes
	switch {
	case !v.dual() && v.focus == focusArticles:
		lv := v.articles.View()
		sb.Grow(len(lv) + bottom)
		sb.WriteString(lv)
		return
	case !v.dual():
		if v.pane.width <= 0 {
			return
		}
		sb.Grow(v.pane.viewSize() + bottom)
		cur := v.pane.cursorRow()
		for i := range v.pane.height {
			if i > 0 {
				sb.WriteByte('\n')
			}
			v.pane.writeRow(sb, i, cur)
		}
		return
	}
	// The comparison's rows go straight into the frame: joining them
	// first, as View does, and splitting them again would copy each
	// frame twice more.
	lv := v.articles.View()
	sb.Grow(len(lv) + v.pane.viewSize() + bottom)
	left := strings.Split(lv, "\n")
	cur := v.pane.cursorRow()
	for i := range v.height {
		if i > 0 {
			sb.WriteByte('\n')
		}
		if i < len(left) {
			sb.WriteString(left[i])
		}
		v.pane.writeRow(sb, i, cur)
	}
}

// writeColumns writes the first height rows of two panes side by side:
// row i of left, then row i of right. Each pane pads its own rows to its
// width, so the right one starts in the same column on every row.
func writeColumns(sb *strings.Builder, left, right string, height int) {
	l, r := strings.Split(left, "\n"), strings.Split(right, "\n")
	for i := range height {
		if i > 0 {
			sb.WriteByte('\n')
		}
		if i < len(l) {
			sb.WriteString(l[i])
		}
		if i < len(r) {
			sb.WriteString(r[i])
		}
	}
}

// listAlone reports whether the articles list has the screen to itself.
func (v *compareView) listAlone() bool { return !v.dual() && v.focus == focusArticles }

// Badge names what is on screen: the articles, when the list has the
// screen to itself, else the comparison.
func (v *compareView) Badge() string {
	if v.listAlone() {
		return "articles"
	}
	return "compare"
}

// Position is the scroll position, then the search, then the current
// change; or, when the list has the screen to itself, the cursor's place
// in it.
// SearchCount implements searchCounter: the count of a search typed and
// confirmed, as Position gives it; "" with none, or the list alone.
func (v *compareView) SearchCount() string {
	if v.listAlone() || v.pane.Searching() {
		return ""
	}
	return v.pane.SearchStatus()
}

func (v *compareView) Position() []string {
	if v.listAlone() {
		at, n := v.articles.Shown()
		switch {
		case n > 0:
			return []string{"article " + digits.Group(at) + "/" + digits.Group(n)}
		case v.articles.Filtering() || v.articles.Filter() != "":
			// "article 0/0" read as a broken count.
			return []string{"no match"}
		}
		return []string{"no articles"}
	}
	p := &v.pane
	var right []string
	if p.Laying() {
		// The rows counted are those of the layout before.
		right = append(right, "laying out…")
	} else {
		right = appendNonEmpty(right, p.Position())
	}
	if p.Query() == "" && p.SearchPending() {
		// The stars of the query before are taken away (see
		// searchesAtOnce).
		right = append(right, "clearing the search…")
	}
	if q := v.SearchCount(); q != "" {
		// The query is the first to go where the bar is narrow, but
		// for how the count divides between the articles: the match
		// the reader is at matters more than what was typed.
		right = append(right, q, "/"+p.Query())
		right = appendNonEmpty(right, p.SearchSides())
	}
	return appendNonEmpty(right, p.ChangeStatus())
}

// StatusItems are the comparison's figures.
func (v *compareView) StatusItems() []string {
	c := v.pane.Comparison()
	if c == nil {
		if v.stopped {
			return []string{"not compared: in the list, enter puts an article on the left, then on the right"}
		}
		return nil
	}
	if selfCompared(c) {
		return []string{onlyArticle}
	}
	st := c.Stats()
	if st.DeletedWords() == 0 && st.InsertedWords() == 0 && st.Moved == 0 && st.LeftProseOnly == 0 && st.RightProseOnly == 0 {
		// Two outlets printing one wire text: "-0 +0 words · 0 moved ·
		// 0 left only · 0 right only" was four ways of saying nothing.
		return []string{fmt.Sprintf("%d%% similar", percent(c.Similarity)), "no word changed"}
	}
	// The one-sided passages the view marks - and +, which n steps to:
	// counting a one-sided caption or credit too, shown dimmed and
	// unmarked, said 24 right only where 15 were marked.
	return []string{
		fmt.Sprintf("%d%% similar", percent(c.Similarity)),
		changedWords(st.DeletedWords(), st.InsertedWords()),
		digits.Group(st.Moved) + " moved",
		digits.Group(st.LeftProseOnly) + " left only",
		digits.Group(st.RightProseOnly) + " right only",
	}
}

// Prompting reports whether the comparison's search is being typed.
func (v *compareView) Prompting() bool { return v.pane.Searching() }

// minQueryRoom is the fewest cells the query being typed keeps, with its
// prompt and cursor, before what it found gives way.
const minQueryRoom = 12

// StatusPrompt draws the search query being typed in width cells, and
// what it found where that fits beside a query of minQueryRoom cells: the
// two never take more than width between them.
func (v *compareView) StatusPrompt(width int) (prompt, found string, ok bool) {
	p := &v.pane
	if !p.Searching() {
		return "", "", false
	}
	found = p.SearchStatus()
	if found != "" {
		found = "  " + found
	}
	if width-textWidth(found) < min(minQueryRoom, width) {
		found = ""
	}
	return p.input.View("/", max(width-textWidth(found), 2)), found, true
}

// handleLaidOut shows the comparison in the mode it was laid out in.
func (v *compareView) handleLaidOut(msg laidOutMsg) tea.Cmd {
	switched, again := v.pane.handleLaidOut(msg)
	if !switched {
		return again
	}
	return tea.Batch(again, flash(v.pane.Mode().String()+" mode"))
}

// takeWork returns the command that makes the comparison's layout for a
// new width or new marks, if one is to run.
func (v *compareView) takeWork() tea.Cmd { return v.pane.takeWork() }

// handleSearched shows the result of a search of the comparison.
func (v *compareView) handleSearched(msg searchedMsg) tea.Cmd {
	v.pane.handleSearched(msg)
	return v.takeStatus()
}

// handleLabels gives the list the filter's labels made in the background.
func (v *compareView) handleLabels(msg labelsMsg) { v.articles.handleLabels(msg) }

// handleFilterSearch takes the steps of an archive search for the list's
// filter: the filter has rested, so search; the search is done, so list
// what it found.
func (v *compareView) handleFilterSearch(msg tea.Msg) tea.Cmd {
	return v.articles.handleSearch(msg)
}

// changedWords says how many words a comparison deleted and inserted,
// "-3 +2 words": two counts of one noun, singular only while neither is
// more than one ("-1 +1 word", "-0 +1 word"; it said "-0 +1 words").
func changedWords(deleted, inserted int) string {
	noun := "words"
	if max(deleted, inserted) == 1 {
		noun = "word"
	}
	return "-" + digits.Group(deleted) + " +" + digits.Group(inserted) + " " + noun
}
