package ui

import (
	"fmt"
	"github.com/muesli/termenv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
)

// viewTable lists the reader's views, in the order of their keys, 1 to 9:
// each one's name (for the status bar's badge and the short help), what
// the full help says it shows, and how it is made. Adding a view is a
// line here and a constant below, and the view in a file of its own.
var viewTable = []struct {
	name, about string
	make        func(viewEnv) storyView
}{
	pageCompare: {"compare", "articles and comparison", func(e viewEnv) storyView {
		v := newCompareView(e.corpus, e.styles, e.keys, e.painter, e.markers)
		v.articles.search = e.search
		v.pane.links = e.links
		v.writeHTML, v.out = e.writeHTML, e.out
		return v
	}},
	pageQuotes: {"quotes", "the story's quotes", func(e viewEnv) storyView {
		return newQuotesPane(e.styles, e.keys, e.painter, e.markers[inline])
	}},
	pageMatrix: {"matrix", "the story's matrix", func(e viewEnv) storyView {
		return newMatrixPane(e.styles, e.keys, e.ascii, e.mode)
	}},
	pagePassages: {"passages", "unique and shared passages", func(e viewEnv) storyView {
		return newPassagesPane(e.styles, e.keys, e.painter)
	}},
	pageProblems: {"problems", "files that did not load, and why", func(e viewEnv) storyView {
		return newProblemsView(e.styles, e.keys, e.problems)
	}},
}

// page is a view of the corpus, an index into viewTable: comparing two
// articles, then three views of the left article's story as a whole.
type page int

const (
	pageCompare  page = iota // the articles and the comparison of two of them
	pageQuotes               // the story's quotes, each outlet's wording
	pageMatrix               // outlets × outlets: how much each reports of the others
	pagePassages             // what one outlet alone reports, wire copy, disputed facts
	pageProblems             // the files that did not load, or loaded with a problem
)

func (p page) String() string {
	if p >= 0 && int(p) < len(viewTable) {
		return viewTable[p].name
	}
	return fmt.Sprintf("page(%d)", int(p))
}

// viewEnv is what the views are made from: the reader's corpus, styles,
// keys and painter, and how its terminal shows changes.
type viewEnv struct {
	corpus  *corpus.Corpus
	styles  *Styles
	keys    *KeyMap
	painter *painter
	markers [2]bool // per mode: changes also bracketed wdiff-style
	ascii   bool    // no attributes at all: the matrix brackets its cursor
	// mode is the comparison's mode, for the views that open a pair in
	// it; nil until the comparison view is made, the first of them.
	mode  func() mode
	links bool // the terminal draws OSC 8 hyperlinks
	// writeHTML makes the page e exports (nil: export is off); out is
	// the session's terminal, for copying through it.
	writeHTML HTMLWriter
	out       *termenv.Output
	problems  []string // the load warnings, one line each
	// search runs the list's filter over an archive's text; nil on a
	// corpus in memory, whose filter looks at what the list shows.
	search *searcher
}

// storyView is one of the reader's views, on keys 1 to 5, as soft-serve's
// TabComponent is one of a repository's tabs: the root sizes the view on
// screen, hands it the analysis of the left article's story, forwards it
// every key and mouse event the reader itself does not take, and asks it
// for its rows, its place in the status bar and the keys it answers to.
// The root never reaches into a view to decide anything: a view asks the
// root for what only the root can do (compare another pair, say something
// in the status bar) with the messages below.
type storyView interface {
	// SetSize sets the view's size: the whole screen above the status bar.
	SetSize(width, height int)
	// SetAnalysis gives the view the analysis of the left article's
	// story, nil while it is under way.
	SetAnalysis(sa *storyAnalysis)
	// Update handles a key or mouse event meant for the view.
	Update(msg tea.Msg) (storyView, tea.Cmd)
	// View draws the view: joined strings, painted by Update.
	View() string
	// Position says where the reader is in the view, then anything else
	// for the right of the status bar, most important first.
	Position() []string
	// StatusItems are the view's figures for the middle of the status
	// bar, most important first.
	StatusItems() []string
	// UpdateKeys enables, in the reader's shared keymap, the bindings the
	// view answers to in its present state, with the help that says what
	// they do here. The root disables every view binding first, so a
	// binding no view enables neither matches nor shows in help.
	UpdateKeys()
	// Typing reports whether a query is being typed: every key but
	// ctrl+c then goes to the view.
	Typing() bool
}

// pairFollower is a view that shows where the pair being compared is in
// it (the matrix's cursor on its cell), told the pair as it is shown.
type pairFollower interface {
	Follow(left, right *corpus.Article)
}

// carrier is a view that takes over from old, the same view of the list
// a refresh of the archive replaced, where the reader was in it: the
// refresh makes every view anew, and the reader was put back at the top
// of each.
type carrier interface {
	carry(old storyView) tea.Cmd
}

// viewWriter is a view that can write what View draws into the root's
// frame directly, as io.WriterTo spares io.Copy a buffer.
type viewWriter interface {
	WriteView(sb *strings.Builder)
}

// badger is a view whose status-bar badge names what it shows rather than
// the view's name (the comparison view with only its list on screen).
type badger interface {
	Badge() string
}

// statusPrompter is a view that types its query in the status bar, as the
// comparison's search does.
type statusPrompter interface {
	// StatusPrompt returns the query being typed, drawn in width cells,
	// and what it has found so far; ok is false when nothing is typed.
	StatusPrompt(width int) (prompt, found string, ok bool)
	// Prompting reports whether a query is being typed there.
	Prompting() bool
}

// searchCounter is a view whose search, once typed, has a count of its
// matches to show ("match 3/15"). The count is one of the position's
// parts; where the bar is too narrow for it beside the row, it leads the
// figures instead: under 60 columns n and N moved from match to match
// and the bar never said which.
type searchCounter interface {
	SearchCount() string
}

type (
	// flashMsg is something for the status bar about what the last key
	// did, or why it did nothing.
	flashMsg string

	// setPairMsg asks the root to compare left with right; picking says
	// that the next pick sets the right side.
	setPairMsg struct {
		left, right *corpus.Article
		picking     bool
	}

	// openPairMsg asks the root to show left and right side by side on
	// the comparison view and, when at is given, to scroll to the passage
	// holding byte offset off of it.
	openPairMsg struct {
		left, right, at *corpus.Article
		off             int
	}
)

// flash returns a command that says s in the status bar.
func flash(s string) tea.Cmd { return func() tea.Msg { return flashMsg(s) } }

// flashOr parts the wordings of one status message, longest first (see
// flashShorter): a message longer than a narrow bar was cut, and lost the
// instruction it ends with ("Hacked.com on the left: now…").
const flashOr = "\x1f"

// flashShorter returns a command that says the longest of forms, given
// longest first, that fits the status bar.
func flashShorter(forms ...string) tea.Cmd { return flash(strings.Join(forms, flashOr)) }

// flashFitting returns the longest wording of the status message s (see
// flashOr) that fits in width cells, else its shortest cut to fit.
func flashFitting(s string, width int) string {
	return truncate(longestFitting(width, strings.Split(s, flashOr)...), width)
}

// sendMsg returns a command that delivers msg.
func sendMsg(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// openPassageMsg asks the root to open a comparison at a passage: on the
// left the article it is in (the present left article, if it is one of
// at), on the right one of others (the present right article, if it is
// one of them).
type openPassageMsg struct {
	at     []analysis.ArticleSpan
	others []*corpus.Article
}
