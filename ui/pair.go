package ui

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// slowCompare is how long a comparison runs before the status bar shows a
// spinner and esc may abandon it. Under it, a spinner would only flicker:
// the seed pairs take a few milliseconds, a 10,000-word pair about 80.
const slowCompare = time.Second

// pendingCompare is the comparison under way, if any: the pair, where to
// scroll once it is in, and how to abandon it.
type pendingCompare struct {
	gen         int // which request this is; 0 when none is under way
	left, right *corpus.Article
	at          *corpus.Article
	off         int
	ctx         context.Context // cancelled when it is abandoned
	cancel      context.CancelFunc
	slow        bool // it has run over slowCompare: the spinner shows
}

func (p pendingCompare) active() bool { return p.gen != 0 }

type (
	// comparedMsg carries the comparison of left with right that request
	// gen asked for, or why there is none; made, when not nil, is a long
	// comparison laid out (see layOutCmd).
	comparedMsg struct {
		gen         int
		left, right *corpus.Article
		c           *compare.Comparison
		made        *madeLayout
		err         error
	}

	// compareSlowMsg says that request gen has run over slowCompare; wait
	// delivers its comparedMsg when it is in.
	compareSlowMsg struct {
		gen  int
		wait tea.Cmd
	}

	// panicMsg is a panic in work the reader started off the UI goroutine,
	// recovered so that the reader goes on and the terminal is left as it
	// was.
	panicMsg struct {
		what  string
		value any
	}
)

func (p panicMsg) String() string {
	return termsafe.OneLine(fmt.Sprintf("%s failed: %v", p.what, p.value))
}

// recovering wraps cmd so that a panic in it becomes a panicMsg saying
// what failed, rather than ending the program.
func recovering(what string, cmd func() tea.Msg) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = panicMsg{what: what, value: r}
			}
		}()
		return cmd()
	}
}

// setPair makes left and right the pair compared. When the cache holds
// their comparison it shows at once; otherwise it is computed by the
// command returned, and the comparison shown until then stays. The
// similarities of the articles pane follow a new left article.
func (m *Model) setPair(left, right *corpus.Article, picking bool) tea.Cmd {
	// An article is set against itself only when it is the only one (see
	// New): it then reads on its own.
	left, right = m.listed(left), m.listed(right)
	if left == nil || right == nil || (left == right && len(m.articles) > 1) {
		return nil
	}
	changed := left != m.left
	m.left, m.right = left, right
	m.compare.SetPair(left, right, picking)
	m.abandon()
	var cmds []tea.Cmd
	if changed {
		cmds = append(cmds, m.similarities())
	}
	c, cached := m.cachedComparison(left, right)
	var work func(stop func() bool) *madeLayout
	if cached {
		marks := m.pairMarks(left, right)
		if work = m.compare.LayoutWork(c, marks, nil); work == nil {
			m.compare.SetComparison(left, right, c, marks, nil)
			return tea.Batch(cmds...)
		}
	}
	m.compareGen++
	ctx, cancel := context.WithCancel(m.ctx)
	m.pending = pendingCompare{gen: m.compareGen, left: left, right: right, ctx: ctx, cancel: cancel}
	if cached {
		// A long comparison at hand is laid out as one computed is.
		return tea.Batch(append(cmds, layOutCmd(ctx, comparedMsg{gen: m.compareGen, left: left, right: right, c: c}, work))...)
	}
	return tea.Batch(append(cmds, compareCmd(ctx, m.cache, m.textReader(), m.compare.pane.held(), m.compareGen, left, right))...)
}

// cachedComparison returns the comparison of left with right if it is at
// hand, with the text of both, without reading or comparing anything: in
// the cache, or in a layout the comparison pane keeps, which the cache
// may have let go since.
func (m Model) cachedComparison(left, right *corpus.Article) (*compare.Comparison, bool) {
	l, ok := m.peekText(left)
	if !ok {
		return nil, false
	}
	r, ok := m.peekText(right)
	if !ok {
		return nil, false
	}
	if c, ok := m.cache.Get(l, r); ok {
		return c, true
	}
	c := heldComparison(m.compare.pane.held(), l, r)
	return c, c != nil
}

// heldComparison returns the comparison of the texts l and r among held,
// or nil.
func heldComparison(held []*compare.Comparison, l, r *corpus.Article) *compare.Comparison {
	for _, c := range held {
		if c.Left == l && c.Right == r {
			return c
		}
	}
	return nil
}

// comparer compares a pair: the reader's cache.
type comparer interface {
	Compare(ctx context.Context, a, b *corpus.Article) (*compare.Comparison, error)
}

// compareCmd returns a command that compares left with right through
// cache, reading their text with text first, unless their comparison is
// one of held: the comparisons of the layouts the comparison pane keeps,
// which the cache may have let go (an article read again while a
// layout holds it is the same article, see corpus/archive). It answers within slowCompare: with the comparison, or with a
// compareSlowMsg whose wait command delivers the comparison later, so that
// the reader can show a spinner meanwhile.
func compareCmd(ctx context.Context, cache comparer, text func(context.Context, *corpus.Article) (*corpus.Article, error), held []*compare.Comparison, gen int, left, right *corpus.Article) tea.Cmd {
	return comparing(comparedMsg{gen: gen, left: left, right: right}, func() comparedMsg {
		l, err := text(ctx, left)
		var r *corpus.Article
		if err == nil {
			r, err = text(ctx, right)
		}
		var c *compare.Comparison
		if err == nil {
			if c = heldComparison(held, l, r); c == nil {
				c, err = cache.Compare(ctx, l, r)
			}
		}
		return comparedMsg{gen: gen, left: left, right: right, c: c, err: err}
	})
}

// layOutCmd returns a command that lays out msg's comparison with work
// (see comparePane.layoutWork) and delivers msg again with the layout, or
// with ctx's error once the comparison is abandoned. Like compareCmd, it
// answers within slowCompare.
func layOutCmd(ctx context.Context, msg comparedMsg, work func(stop func() bool) *madeLayout) tea.Cmd {
	return comparing(msg, func() comparedMsg {
		msg.made = work(func() bool { return ctx.Err() != nil })
		if msg.made == nil {
			msg.err = ctx.Err()
			if msg.err == nil {
				msg.err = context.Canceled // given up for no other reason
			}
		}
		return msg
	})
}

// comparing runs work, answering within slowCompare: with its message, or
// with a compareSlowMsg whose wait command delivers it later, so that the
// reader can show a spinner meanwhile. A panic in work is the failure of
// the request of msg, its gen and pair.
func comparing(msg comparedMsg, work func() comparedMsg) tea.Cmd {
	gen := msg.gen
	return recovering("comparing", func() tea.Msg {
		done := make(chan tea.Msg, 1)
		go func() {
			defer func() {
				if r := recover(); r != nil {
					done <- comparedMsg{gen: gen, left: msg.left, right: msg.right, err: fmt.Errorf("comparing failed: %v", r)}
				}
			}()
			done <- work()
		}()
		timer := time.NewTimer(slowCompare)
		defer timer.Stop()
		select {
		case msg := <-done:
			return msg
		case <-timer.C:
			return compareSlowMsg{gen: gen, wait: func() tea.Msg { return <-done }}
		}
	})
}

// handleCompared shows a comparison that has come in, if it is the one
// asked for last; if it failed, the comparison shown stays, and so does its
// pair.
func (m *Model) handleCompared(msg comparedMsg) tea.Cmd {
	if msg.gen != m.pending.gen {
		return nil // abandoned, or overtaken by another pair
	}
	p := m.pending
	var marks pairMarks
	if msg.err == nil {
		marks = m.pairMarks(msg.left, msg.right)
		// A long comparison is laid out by a command before it is
		// shown: the request stays under way, with its spinner and esc,
		// and the pair shown before stays until it comes. Laid out for a
		// width or marks no longer wanted, it is laid out again.
		if work := m.compare.LayoutWork(msg.c, marks, msg.made); work != nil {
			return layOutCmd(p.ctx, msg, work)
		}
	}
	m.pending.cancel()
	m.pending = pendingCompare{}
	if msg.err != nil {
		cmd := m.keepShownPair()
		m.compare.SetStopped()
		if !errors.Is(msg.err, context.Canceled) {
			m.flash = termsafe.OneLine(msg.err.Error())
		}
		return cmd
	}
	m.compare.SetComparison(msg.left, msg.right, msg.c, marks, msg.made)
	if p.at != nil {
		m.flash = m.openedFlash(msg.left, msg.right)
		m.scrollTo(p.at, p.off)
	}
	return nil
}

// handleCompareSlow starts the spinner for a comparison that is taking a
// while, and waits for it.
func (m *Model) handleCompareSlow(msg compareSlowMsg) tea.Cmd {
	if msg.gen != m.pending.gen {
		return msg.wait // let it finish: its answer is dropped
	}
	if m.pending.slow {
		return msg.wait // the layout of a slow comparison: spinning already
	}
	m.pending.slow = true
	return tea.Batch(msg.wait, m.spinner.Tick)
}

// handleSpin turns the spinner while a slow comparison is under way, and
// lets it stop afterwards.
func (m *Model) handleSpin(msg spinner.TickMsg) tea.Cmd {
	if !m.pending.slow && m.state != stateLoading {
		return nil
	}
	var cmd tea.Cmd
	m.spinner, cmd = m.spinner.Update(msg)
	return cmd
}

// abandonCompare handles esc during a comparison: it is cancelled, and
// the pair shown stays. The command returned, if any, is keepShownPair's.
func (m *Model) abandonCompare() tea.Cmd {
	if !m.pending.active() {
		return nil
	}
	l, r := pairNames(m.pending.left, m.pending.right)
	m.flash = "stopped comparing " + l + " with " + r
	m.abandon()
	cmd := m.keepShownPair()
	m.compare.SetStopped()
	return cmd
}

// abandon cancels the comparison under way, if any.
func (m *Model) abandon() {
	if m.pending.active() {
		m.pending.cancel()
		m.pending = pendingCompare{}
	}
}

// keepShownPair makes the pair shown the pair compared again, after its
// successor was abandoned or failed. Where that puts another article on
// the left, the command returned works out the list's similarities to it
// again: the list dropped them for the successor's left article, and
// drops that one's as no longer the left's.
func (m *Model) keepShownPair() tea.Cmd {
	c := m.compare.Comparison()
	if c == nil {
		return nil
	}
	left := m.listed(c.Left)
	changed := left != m.left
	m.left, m.right = left, m.listed(c.Right)
	m.compare.SetPair(m.left, m.right, false)
	if changed {
		return m.similarities()
	}
	return nil
}

// comparingStatus says what is being compared, with the spinner, once a
// comparison has run over slowCompare.
func (m Model) comparingStatus() string {
	if !m.pending.slow {
		return ""
	}
	l, r := pairNames(m.pending.left, m.pending.right)
	return m.spinner.View() + " comparing " + l + " with " + r + "… esc stops"
}

// openPassage opens a comparison at a passage of the passages view or a
// wording of the quotes view. The left side is the article the passage is
// in — the current left article, if it is one of them — and the right is
// the current right article if it is one of the entry's others, or else
// the first of them. A passage of the current right article, beside a
// left article among the others, opens the pair on screen as it stands,
// the article chosen on the right: put on the left, it came back with
// the sides swapped.
func (m *Model) openPassage(msg openPassageMsg) tea.Cmd {
	at, onLeft := msg.at[0], false
	for _, as := range msg.at {
		if m.listed(as.Article) == m.left {
			at, onLeft = as, true
		}
	}
	if !onLeft && m.left != m.right {
		for _, as := range msg.at {
			if m.listed(as.Article) != m.right {
				continue
			}
			for _, o := range msg.others {
				if o != as.Article && m.listed(o) == m.left {
					return m.openPair(o, as.Article, as.Article, as.Span.Start)
				}
			}
		}
	}
	var right *corpus.Article
	for _, o := range msg.others {
		if o == at.Article {
			continue
		}
		if m.listed(o) == m.right {
			right = o
			break
		}
		if right == nil {
			right = o
		}
	}
	if right == nil {
		m.flash = noOtherToOpen
		return nil
	}
	return m.openPair(at.Article, right, at.Article, at.Span.Start)
}

// noOtherToOpen says why a passage or a wording of a story of one article
// opens nothing.
const noOtherToOpen = "no other outlet in this story to compare with"

// openedFlash says which pair a view opened, and how it is shown: "Al
// Jazeera and TRT World side by side", or "… inline" in inline mode,
// where it said "side by side" too, above one column of word diffs.
func (m *Model) openedFlash(left, right *corpus.Article) string {
	l, r := pairNames(left, right)
	return l + " and " + r + " " + m.compare.pane.Mode().String()
}

// openPair shows left and right side by side on the comparison view and,
// when at is given, scrolls to the passage holding byte offset off of it
// (once the comparison is in, if it has to be computed).
func (m *Model) openPair(left, right, at *corpus.Article, off int) tea.Cmd {
	m.page = pageCompare
	m.compare.Show(m.listed(left))
	m.flash = m.openedFlash(left, right)
	cmd := m.setPair(left, right, false)
	m.compare.Show(m.listed(left))
	if at != nil && len(at.Sentences) > 0 {
		if m.pending.active() {
			m.pending.at, m.pending.off = at, off
		} else {
			m.scrollTo(at, off)
		}
	}
	return cmd
}

// scrollTo scrolls the comparison to the passage holding byte offset off
// of at, and says so.
func (m *Model) scrollTo(at *corpus.Article, off int) {
	if m.compare.ScrollTo(at, at.SentenceAt(off)) {
		m.flash += fmt.Sprintf(", at ¶%d", at.ParagraphAt(off))
	}
}

// cycleRight puts the next (dir 1) or previous (dir -1) article of the
// left article's story on the right.
func (m *Model) cycleRight(dir int) tea.Cmd {
	if m.state != stateReady {
		return nil
	}
	next := m.nextInStory(m.left, m.right, dir)
	if next == m.right {
		m.flash = m.noOtherRight()
		return nil
	}
	_, name := pairNames(m.left, next)
	m.flash = name + " on the right"
	return m.setPair(m.left, next, m.compare.Picking())
}

// canCycleRight reports whether ] and [ would put another article on the
// right (see nextInStory): one of rightChoices(left) is not right. It
// makes no list of them, as it is asked on every key.
func (m Model) canCycleRight() bool {
	if m.left == nil {
		return false
	}
	for a := range m.rightChoices(m.left) {
		if a != m.right {
			return true
		}
	}
	return false
}

// rightChoices yields the articles that may go on the right of left, in
// order: the others of left's story, or, where it has none, the others of
// the corpus; under the list's filter, those of them it shows. ] and [
// stepped through the whole story while the list showed one outlet's
// articles, and put on the right articles the reader had filtered out.
func (m Model) rightChoices(left *corpus.Article) iter.Seq[*corpus.Article] {
	return m.choicesListed(left, true)
}

// choicesListed yields the articles that may go on the right of left
// (see rightChoices); filtered says whether the list's filter narrows
// them.
func (m Model) choicesListed(left *corpus.Article, filtered bool) iter.Seq[*corpus.Article] {
	listed := func(*corpus.Article) bool { return true }
	if filtered && m.compare != nil {
		listed = m.compare.articles.Lists
	}
	return func(yield func(*corpus.Article) bool) {
		story := false
		for _, a := range m.storyArticles(left) {
			if a != left {
				story = true
				if listed(a) && !yield(a) {
					return
				}
			}
		}
		if story {
			return
		}
		for _, a := range m.articles {
			if a != left && listed(a) && !yield(a) {
				return
			}
		}
	}
}

// noOtherRight says why ] and [ put no other article on the right: the
// story has none, or the list's filter shows none.
func (m Model) noOtherRight() string {
	if m.left == nil {
		return noOtherOutlet
	}
	for a := range m.choicesListed(m.left, false) {
		if a != m.right {
			if len(m.storyArticles(m.left)) > 1 {
				return noOtherListed
			}
			return noOtherListedAtAll // a story of one: see rightChoices
		}
	}
	return noOtherOutlet
}

// noOtherOutlet is what ] and [ say where no other article could go on
// the right; noOtherListed, where the list's filter hides the story's
// others, and noOtherListedAtAll every other article, beside an article
// that is a story of its own.
const (
	noOtherOutlet      = "no other article in this story to compare with"
	noOtherListed      = "the filter lists no other article of this story"
	noOtherListedAtAll = "the filter lists no other article to compare with"
)

// nextInStory returns the article after (dir 1) or before (dir -1) from in
// left's story, skipping left and wrapping around; with from nil, the first
// such article. If left's story has no other article, it falls back to the
// next article of the corpus.
func (m Model) nextInStory(left, from *corpus.Article, dir int) *corpus.Article {
	cands := slices.Collect(m.rightChoices(left))
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
