package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/ui/internal/plural"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// Options configures a reader.
type Options struct {
	Renderer *lipgloss.Renderer // the session's renderer; nil means lipgloss.DefaultRenderer()
	NoColor  bool               // monochrome: attributes (strikethrough, underline, reverse, dim) and no colours
	Problems []string           // load warnings to show (e.g. in a dismissable status line)
	// WriteHTML writes a comparison as the page the e key exports; nil
	// leaves export off.
	WriteHTML HTMLWriter
	// Context, when set, bounds the reader's background work (comparisons,
	// analyses) beyond its own quitting: an SSH session's context, so that
	// a client that goes away stops what its reader had started.
	Context context.Context
	// Load, when the corpus given to New is nil, loads it off the UI
	// goroutine while the reader shows a spinner and Loading ("the
	// articles in ~/news"): a large folder takes seconds. It returns the
	// corpus and the load's warnings, each one safe line.
	Load    func(ctx context.Context) (*corpus.Corpus, []string, error)
	Loading string
	// Open, when set in place of Load, opens an archive off the UI
	// goroutine, as Load does a corpus: the reader then lists what the
	// library lists and reads an article only when it needs its text.
	Open func(ctx context.Context) (Library, []string, error)
	// Hyperlinks says that the terminal draws OSC 8 hyperlinks (see
	// SupportsHyperlinks): the comparison's outlets then link to their
	// articles' URLs.
	Hyperlinks bool
	// Suspend lets ctrl+z stop the reader and give the terminal back to
	// the shell, until fg: for a reader in a terminal of its own, run with
	// the mouse on (tea.WithMouseCellMotion), which it turns on again
	// when it resumes. A served session leaves it off: its process is the
	// server's, and the client has no shell of ours to come back from.
	Suspend bool
}

// The smallest terminal the reader draws in; below it, it says so. Forty
// columns is a phone's SSH client held upright; the reader said "too
// small" there until every view's lines were made to fit it.
const (
	MinWidth  = 40
	MinHeight = 12
)

// dualPaneWidth is the narrowest terminal that shows both panes of a view
// at once; below it, only the focused pane shows, full width, and tab
// switches.
const dualPaneWidth = 100

// state is what the reader can show at all.
type state int

const (
	stateReady      state = iota
	stateNoPair           // no article at all: nothing to read
	stateLoading          // the corpus is being loaded (Options.Load)
	stateLoadFailed       // loading the corpus failed: loadErr says why
)

// Model is the reader. It implements tea.Model.
//
// Its views are held by pointer, as soft-serve holds its tabs: a Model is
// one reader, not a value to fork, and Update changes its views in place.
type Model struct {
	corpus *corpus.Corpus
	cache  *analysis.Cache
	// lib is the archive the corpus lists, or nil when every article is
	// in memory with its text.
	lib      Library
	articles []*corpus.Article // every article, in corpus order
	styles   *Styles
	keys     *KeyMap
	// help and helpKeys are behind pointers, as the styles and keys are,
	// because Update returns the Model as a tea.Model: every message
	// copies it to the heap, and the two of them are most of its size.
	help *help.Model

	// ctx ends when the reader quits; every comparison and analysis it
	// starts runs under it.
	ctx  context.Context
	stop context.CancelFunc

	page     page
	state    state
	width    int
	height   int
	showHelp bool
	// helpKeys is the keymap the full help lists: every key, not only
	// those that work in the help itself (see helpKeyMap).
	helpKeys *KeyMap

	// views holds every view, by page; compare is views[pageCompare],
	// which the root also picks pairs through.
	views   []storyView
	compare *compareView

	// left and right are the articles compared, or being compared while
	// pending is set.
	left, right *corpus.Article
	pending     pendingCompare
	compareGen  int
	spinner     spinner.Model
	// initCmd is the work New starts, for Init to hand the runtime.
	initCmd tea.Cmd
	// env is what the views are made of; loadWhat and loadErr say what
	// is being loaded and why loading failed.
	env      viewEnv
	loadWhat string
	loadErr  error

	// storyOf maps each article to its story. analyses holds each story's
	// analysis once it has come; analysing the stories asked for and not
	// come yet. Both are written only by Update.
	storyOf   map[*corpus.Article]*corpus.Story
	analyses  map[*corpus.Story]*storyAnalysis
	analysing map[*corpus.Story]context.CancelFunc
	// stopSimilarities stops comparing the left article's story for the
	// articles pane, when the left article changes.
	stopSimilarities context.CancelFunc

	problems     []string
	showProblems bool
	// interrupted says the reader was quit with ctrl+c rather than q:
	// a shell's "newsdiff DIR && next" must stop there, as on SIGINT.
	interrupted bool
	// suspend says that ctrl+z suspends the reader (Options.Suspend).
	suspend bool
	// refreshing says that the library is being refreshed in the
	// background, as the reader opened or because ctrl+r asked: one
	// refresh runs at a time.
	refreshing bool
	// flash is a one-off message about the last key: what it did, or why
	// it did nothing. The next key clears it.
	flash string
	// rebuilding says that the archive's index, which a search found
	// damaged, is being rebuilt in the background (see Rebuilder).
	rebuilding bool

	// Rendered on update, so that View only joins strings.
	statusLine string
	helpLine   string
	helpKey    string // what helpLine was rendered for; see refresh
	statKey    string // what statMiddle was rendered for; see renderStatus
	badgeName  string // what badge was rendered for
	badge      string
	// statusBrushes paint the status bar's parts that change per key.
	statusBrushes statusBrushes
	statMiddle    string
	problemLine   string
	helpView      []string
	// helpLines is the whole full help, and helpScroll where it is
	// scrolled to; helpView the lines in view. helpStarts are the lines
	// its sections start on, and helpPlace where the reader scrolled it.
	helpLines  []string
	helpScroll scroller
	helpStarts []int
	helpPlace  helpPlace
}

// New returns a reader for c. Comparisons are computed through cache,
// which may be shared with other readers of the same corpus; a nil cache
// gets a private one. The first two articles are compared from the start
// (Init starts it), so there is something to read at once.
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
	// Without colour, changes are also bracketed wdiff-style in every
	// view: many terminals draw no strikethrough or underline, and with no
	// attributes at all only brackets can show a change.
	ascii := r.ColorProfile() == termenv.Ascii
	markers := [2]bool{sideBySide: ascii || opts.NoColor, inline: ascii || opts.NoColor}

	parent := opts.Context
	if parent == nil {
		parent = context.Background()
	}
	ctx, stop := context.WithCancel(parent)
	m := Model{
		cache:     cache,
		styles:    &st,
		keys:      &keys,
		help:      new(help.New()),
		ctx:       ctx,
		stop:      stop,
		spinner:   spinner.New(spinner.WithSpinner(spinner.MiniDot), spinner.WithStyle(st.Status.Flash.Inherit(st.Status.Bar))),
		storyOf:   make(map[*corpus.Article]*corpus.Story),
		analyses:  make(map[*corpus.Story]*storyAnalysis),
		analysing: make(map[*corpus.Story]context.CancelFunc),
		suspend:   opts.Suspend,
	}
	m.help.Styles = st.Help
	m.statusBrushes = newStatusBrushes(&st.Status)
	m.env = viewEnv{styles: m.styles, keys: m.keys, painter: newPainter(m.styles), markers: markers, ascii: ascii, links: opts.Hyperlinks && !ascii,
		writeHTML: opts.WriteHTML, out: r.Output()}
	if (opts.Load != nil || opts.Open != nil) && c == nil {
		// The corpus comes later (see loadedMsg): until then the reader
		// says what it is loading, with a spinner, and q quits.
		m.state = stateLoading
		m.loadWhat = opts.Loading
		if opts.Open != nil {
			m.initCmd = tea.Batch(open(m.ctx, opts.Open), m.spinner.Tick)
		} else {
			m.initCmd = tea.Batch(load(m.ctx, opts.Load), m.spinner.Tick)
		}
		m.install(nil, nil)
		m.state = stateLoading
		m.refresh()
		return m
	}
	m.install(c, opts.Problems)
	m.refresh()
	return m
}

// install gives the reader its corpus and the load's problems: the views,
// and the first pair, compared from the start.
func (m *Model) install(c *corpus.Corpus, problems []string) {
	m.corpus = c
	m.problems, m.showProblems = problems, len(problems) > 0
	m.articles = nil
	if c != nil {
		m.articles = c.Articles()
		for _, story := range c.Stories {
			for _, a := range story.Articles {
				m.storyOf[a] = story
			}
		}
	}
	env := m.env
	env.corpus, env.problems = c, problems
	if m.lib != nil {
		env.search = &searcher{ctx: m.ctx, lib: m.lib}
	}
	m.views = m.views[:0]
	for _, v := range viewTable {
		view := v.make(env)
		if cv, ok := view.(*compareView); ok {
			env.mode = func() mode { return cv.pane.Mode() }
		}
		m.views = append(m.views, view)
	}
	m.compare = m.views[pageCompare].(*compareView)
	m.state = stateReady
	switch len(m.articles) {
	case 0:
		m.state = stateNoPair
		m.compare.focus = focusArticles
		m.compare.applyFocus()
	case 1:
		// One article is read on its own: compared with itself, in one
		// column, every passage equal, so that it reads as written.
		a := m.articles[0]
		// Wanted too: a pane sized before the article comes (loaded
		// after the window's size came) takes the mode it wants.
		m.compare.pane.mode, m.compare.pane.want = inline, inline
		m.initCmd = m.setPair(a, a, false)
		m.compare.articles.Select(a)
	default:
		left := m.articles[0]
		m.initCmd = m.setPair(left, m.nextInStory(left, nil, 1), false)
		m.compare.articles.Select(left)
	}
}

// Init starts comparing the first pair and the similarities shown in the
// articles pane, and the analysis of the left article's story, which
// marks wire copy and disputed facts in the comparison.
func (m Model) Init() tea.Cmd { return tea.Batch(m.initCmd, m.analyseStory()) }

// active returns the view on screen.
func (m Model) active() storyView { return m.views[m.page] }

// analyseStory returns a command that analyses the left article's story,
// unless that is done or under way.
func (m *Model) analyseStory() tea.Cmd {
	st := m.storyOf[m.left]
	if st == nil || m.analyses[st] != nil || m.analysing[st] != nil {
		return nil
	}
	if m.lib != nil {
		// On an archive the reader can leave a story for another as
		// fast as keys repeat: an analysis of a story left behind is
		// stopped, so that analyses do not pile up on the processors
		// (it starts again if the reader comes back).
		m.stopAnalyses()
	}
	ctx, cancel := context.WithCancel(m.ctx)
	m.analysing[st] = cancel
	return analyse(ctx, st, m.cache, m.lib)
}

// stopAnalyses stops every analysis under way and forgets it was started.
func (m *Model) stopAnalyses() {
	for st, cancel := range m.analysing {
		cancel()
		delete(m.analysing, st)
	}
}

// analysis returns the analysis of the left article's story, or nil while
// it is under way.
func (m Model) analysis() *storyAnalysis { return m.analyses[m.storyOf[m.left]] }

// pairMarks returns the marks for comparing left with right, from the
// analyses of their stories that have come.
func (m Model) pairMarks(left, right *corpus.Article) pairMarks {
	marks := func(a *corpus.Article) *articleMarks {
		if sa := m.analyses[m.storyOf[m.listed(a)]]; sa != nil {
			return sa.marks[a]
		}
		return nil
	}
	return pairMarks{marks(left), marks(right)}
}

// syncView gives the view on screen the size of the screen and the left
// article's analysis. The other views wait until they are shown, so that a
// resize or a new analysis paints only what is seen.
func (m *Model) syncView() {
	if m.tooSmall() || m.state != stateReady {
		return
	}
	v := m.active()
	v.SetSize(m.width, m.height-m.bottomRows())
	v.SetAnalysis(m.analysis())
	if f, ok := v.(pairFollower); ok {
		f.Follow(m.left, m.right)
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
// computed for, so a late answer for an old choice is dropped; the
// comparing for an old choice stops. A pair whose comparison the
// comparison pane holds, which the cache may have let go, is not compared
// again.
func (m *Model) similarities() tea.Cmd { return m.similaritiesBy(m.cache) }

// similaritiesBy is similarities, comparing through cache.
func (m *Model) similaritiesBy(cache comparer) tea.Cmd {
	if m.stopSimilarities != nil {
		m.stopSimilarities()
	}
	left, text, held := m.left, m.textReader(), m.compare.pane.held()
	if left == nil {
		return nil
	}
	ctx, stop := context.WithCancel(m.ctx)
	m.stopSimilarities = stop
	var others []*corpus.Article
	for _, a := range m.storyArticles(left) {
		if a != left {
			others = append(others, a)
		}
	}
	if m.lib != nil && len(others) > maxSimilarities {
		others = others[:maxSimilarities]
	}
	return recovering("comparing the story's articles", func() tea.Msg {
		sims := make(map[*corpus.Article]float64, len(others))
		l, err := text(ctx, left)
		if err != nil {
			return similaritiesMsg{left, sims}
		}
		for _, a := range others {
			if ctx.Err() != nil {
				break // dropped: the left article has changed
			}
			r, err := text(ctx, a)
			if err != nil {
				continue
			}
			if c := heldComparison(held, l, r); c != nil {
				sims[a] = c.Similarity
			} else if c, err := cache.Compare(ctx, l, r); err == nil {
				sims[a] = c.Similarity
			}
		}
		return similaritiesMsg{left, sims}
	})
}

// Update handles a message: a resize, the results of work done off the UI
// goroutine, what a view asks of the root, and keys and the mouse (see
// handleKey).
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
	case loadedMsg:
		cmd = m.handleLoaded(msg)
	case refreshedMsg:
		cmd = m.handleRefreshed(msg)
	case indexDamagedMsg:
		cmd = m.handleIndexDamaged(msg)
	case filterDueMsg, filterFoundMsg:
		if m.state == stateReady {
			cmd = m.compare.handleFilterSearch(msg)
		}
	case laidOutMsg:
		if m.state == stateReady {
			cmd = m.compare.handleLaidOut(msg)
		}
	case searchedMsg:
		if m.state == stateReady {
			cmd = m.compare.handleSearched(msg)
		}
	case similaritiesMsg:
		m.compare.SetSimilarities(msg.left, msg.sims)
	case labelsMsg:
		if m.state == stateReady {
			m.compare.handleLabels(msg)
		}
	case analysisMsg:
		m.handleAnalysis(msg)
	case comparedMsg:
		cmd = m.handleCompared(msg)
	case compareSlowMsg:
		cmd = m.handleCompareSlow(msg)
	case spinner.TickMsg:
		cmd = m.handleSpin(msg)
	case panicMsg:
		m.flash = msg.String()
	case flashMsg:
		m.flash = string(msg)
	case exportedMsg:
		m.flash = msg.String()
	case copiedMsg:
		m.flash = "copied " + msg.what + " to the clipboard"
	case setPairMsg:
		cmd = m.setPair(msg.left, msg.right, msg.picking)
	case openPairMsg:
		cmd = m.openPair(msg.left, msg.right, msg.at, msg.off)
	case openPassageMsg:
		cmd = m.openPassage(msg)
	case tea.KeyMsg:
		m.flash = ""
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
			// Keys that arrive together (fast typing, a slow link, tmux
			// send-keys) come as one message with several runes: each is a
			// key of its own. Once one starts a query, the rest are typed.
			// The rest, typed, are one edit of the query: a paste that
			// arrives without bracketing (over SSH, say) is one search,
			// not one a rune.
			var cmds []tea.Cmd
			for i, r := range msg.Runes {
				if m.state == stateReady && m.active().Typing() {
					cmds = append(cmds, m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: msg.Runes[i:], Alt: msg.Alt}))
					break
				}
				m.updateKeys()
				cmds = append(cmds, m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
			}
			cmd = tea.Batch(cmds...)
			break
		}
		cmd = m.handleKey(msg)
	case tea.ResumeMsg:
		// Bubble Tea gave the terminal back without the mouse, and takes
		// it again without it: the wheel and clicks would be dead after
		// fg.
		cmd = tea.EnableMouseCellMotion
	case tea.MouseMsg:
		switch {
		case msg.Y >= m.height-m.bottomRows():
			// Over the lines below the view (the problems, the status
			// and the help line): nothing there scrolls or is clicked.
			// The view took the wheel there, and scrolled the
			// comparison from the status bar.
		case m.showHelp:
			if m.helpScroll.Update(msg, m.keys) {
				m.helpScrolled()
			}
		case m.state == stateReady && !m.tooSmall():
			if msg.Action == tea.MouseActionPress {
				// A click or the wheel is the next thing done, as a key
				// is: what the last key did, "at ¶9", no longer says
				// where the reader is.
				m.flash = ""
			}
			_, cmd = m.active().Update(msg)
		}
	}
	// Whatever changed the left article may have moved the reader to a
	// story not analysed yet.
	cmd = tea.Batch(cmd, m.analyseStory())
	m.syncView()
	// A resize, or the story's analysis, may have set a long comparison
	// to be laid out again, off the UI goroutine.
	cmd = tea.Batch(cmd, m.compare.takeWork())
	m.refresh()
	return m, cmd
}

// handleAnalysis keeps a story's analysis and marks the comparison with
// it. The views of the story take it up when they are next shown.
func (m *Model) handleAnalysis(msg analysisMsg) {
	if msg.sa != nil && errors.Is(msg.sa.err, context.Canceled) && m.ctx.Err() == nil {
		return // stopped when the reader left the story (see analyseStory)
	}
	if cancel := m.analysing[msg.story]; cancel != nil {
		cancel()
		delete(m.analysing, msg.story)
	}
	m.analyses[msg.story] = msg.sa
	m.forgetAnalyses()
	if m.flash == analysingFlash(msg.story) {
		m.flash = "" // the view shows the analysis now, or why it failed
	}
	if msg.sa != nil && msg.sa.an != nil {
		unpaired := slices.Clone(msg.sa.unpaired)
		for i, a := range unpaired {
			unpaired[i] = m.listed(a)
		}
		m.compare.articles.MarkUnpaired(unpaired)
	}
	if c := m.compare.Comparison(); c != nil {
		m.compare.SetMarks(m.pairMarks(c.Left, c.Right))
	}
}

// analysingFlash says that st is being analysed.
func analysingFlash(st *corpus.Story) string { return "analysing " + termsafe.OneLine(st.Name) + "…" }

// handleKey handles a key: ctrl+c, then a query being typed, then the
// help, then the keys of the whole reader, then the view on screen.
func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	v := m.active()
	switch {
	case key.Matches(msg, k.ForceQuit):
		m.interrupted = true
		return m.quit()
	case key.Matches(msg, k.Suspend):
		// Wherever the reader is, as ctrl+c: typing a query too, and in
		// a terminal too small to show it.
		return tea.Suspend
	case m.tooSmall():
		// Nothing of the reader is on screen, so a key would act unseen:
		// typed into a hidden query, q was a letter of the search, not a
		// quit. Only quitting is taken.
		quit := k.Quit
		quit.SetEnabled(true)
		if key.Matches(msg, quit) {
			return m.quit()
		}
		return nil
	case m.state == stateReady && v.Typing():
		_, cmd := v.Update(msg)
		return cmd
	case m.showHelp:
		if key.Matches(msg, k.CloseHelp) {
			m.showHelp = false
		} else if m.helpScroll.Update(msg, k) {
			m.helpScrolled()
		}
		return nil
	}
	if cmd, done := m.handleGlobalKey(msg); done {
		return cmd
	}
	if m.state != stateReady {
		return nil
	}
	if why := m.whyDisabled(msg); why != "" {
		m.flash = why
		return nil
	}
	_, cmd := v.Update(msg)
	return cmd
}

// whyDisabled says why a view key that is off does nothing, where the
// reader would otherwise seem to ignore it: the problems view's key when
// every file loaded cleanly, and a key of the comparison (search, export,
// copy, inline, the changes, the outlets, swapping sides) pressed in
// another view where it does nothing else, as "/" is by a reader used to
// less. Empty for any other key.
func (m *Model) whyDisabled(msg tea.KeyMsg) string {
	problems := m.keys.Views[pageProblems]
	problems.SetEnabled(true)
	if len(m.problems) == 0 && key.Matches(msg, problems) {
		return "no problems to list: every file loaded cleanly"
	}
	k := m.keys
	if pressedOff(msg, k.Reload) {
		return reloadOff
	}
	if m.page == pageCompare {
		// ] and [ are off where no other article could go on the right
		// (see updateKeys); beside the only article, the view says why.
		if !m.compare.alone() && (pressedOff(msg, k.NextOutlet) || pressedOff(msg, k.PrevOutlet)) {
			return m.noOtherRight()
		}
		return ""
	}
	for _, b := range k.fixed() {
		if key.Matches(msg, *b) {
			return "" // the key does something else here: n, a section
		}
	}
	if export := k.Export; m.env.writeHTML == nil {
		// Not "works in the comparison", where it says it is off.
		export.SetEnabled(true)
		if key.Matches(msg, export) {
			return exportOff
		}
	}
	off := []key.Binding{k.Search, k.Export, k.Copy, k.Inline, k.Swap, k.NextOutlet, k.PrevOutlet}
	if m.page != pagePassages {
		// There n and N are the sections', and at the last or first
		// one say so.
		off = append(off, k.NextChange, k.PrevChange)
	}
	off = slices.DeleteFunc(off, key.Binding.Enabled)
	return worksInComparison(msg, "press 1", off...)
}

// Interrupted reports whether the reader was quit with ctrl+c, which a
// command line reports as an interruption (exit status 130), not a quit.
func (m Model) Interrupted() bool { return m.interrupted }

// quit stops the work under way and ends the program.
func (m *Model) quit() tea.Cmd {
	m.stop()
	return tea.Quit
}

// handleGlobalKey handles the keys that work whichever view is shown.
// Views enable the ones that concern them (the outlets and swapping sides
// are the comparison's): a disabled binding does not match.
func (m *Model) handleGlobalKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := m.keys
	for p, b := range k.Views {
		if key.Matches(msg, b) {
			m.showPage(page(p))
			return nil, true
		}
	}
	// esc stops a comparison from the moment it starts, though the
	// spinner and the help line offer it only once it has run over
	// slowCompare (where it would flicker under it): before, it did what
	// it does in the view, and the comparison carried on.
	abandon := k.Abandon
	abandon.SetEnabled(m.pending.active())
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit(), true
	case key.Matches(msg, abandon):
		return m.abandonCompare(), true
	case key.Matches(msg, k.Reload):
		return m.reload(), true
	case key.Matches(msg, k.Help):
		m.helpKeys = new(m.helpKeyMap())
		m.showHelp = true
		m.helpScroll, m.helpPlace = scroller{}, helpPlace{-1, 0}
		m.renderFullHelp()
	case key.Matches(msg, k.Dismiss):
		m.showProblems = false
		m.layout()
	case key.Matches(msg, k.Swap):
		m.flash = "swapped sides"
		return m.setPair(m.right, m.left, m.compare.Picking()), true
	case key.Matches(msg, k.NextOutlet):
		return m.cycleRight(1), true
	case key.Matches(msg, k.PrevOutlet):
		return m.cycleRight(-1), true
	default:
		return nil, false
	}
	return nil, true
}

// showPage switches to p and, for a view of the left article's story,
// says so while the story is still being analysed.
func (m *Model) showPage(p page) {
	m.page = p
	m.syncView()
	if st := m.storyOf[m.left]; p != pageCompare && st != nil && m.analysis() == nil {
		m.flash = analysingFlash(st)
	}
}

func (m Model) tooSmall() bool { return m.width < MinWidth || m.height < MinHeight }

// bottomRows is the height of what sits below the views: the status bar,
// the help line, and a warning line while there are problems to show.
func (m Model) bottomRows() int {
	n := 2
	if m.showProblems {
		n++
	}
	return n
}

// layout sizes the view on screen for the terminal: arithmetic on resize,
// never in View.
func (m *Model) layout() {
	if m.tooSmall() {
		return
	}
	m.syncView()
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
		return m.message(fmt.Sprintf("terminal too small (need %d×%d)", MinWidth, MinHeight), "q quits")
	}
	switch m.state {
	case stateNoPair:
		return m.message(m.noPairMessage())
	case stateLoading:
		// No help line is drawn yet and ? is off: say how to leave, as
		// the screens of a terminal too small and of a failed load do.
		return m.message(m.spinner.View()+" loading "+m.loadWhat+"…", "q quits")
	case stateLoadFailed:
		return m.message("Could not load " + m.loadWhat + ": " + termsafe.OneLine(m.loadErr.Error()) + ". Press q to quit.")
	}
	const bottom = 1024 // room for the lines below the view
	var sb strings.Builder
	if m.showHelp {
		sb.WriteString(strings.Join(m.helpView, "\n"))
	} else if w, ok := m.active().(viewWriter); ok {
		w.WriteView(&sb)
	} else {
		v := m.active().View()
		sb.Grow(len(v) + bottom)
		sb.WriteString(v)
	}
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

// View returns the articles pane as rendered by its last update.
func (p articlesPane) View() string { return p.view }

// message draws parts centred on an otherwise empty screen: on one line,
// joined by " · ", where they fit, else each from a line of its own,
// wrapped to fit, so that a part such as "q quits" is not cut in two.
func (m Model) message(parts ...string) string {
	w := max(m.width-2, 1)
	if text := strings.Join(parts, " · "); textWidth(text) <= w {
		parts = []string{text}
	}
	var lines []string
	for _, text := range parts {
		for _, l := range wrapFrags([]frag{{text, clsEqual, 0}}, w) {
			var sb strings.Builder
			for _, f := range l.frags {
				sb.WriteString(f.text)
			}
			lines = append(lines, sb.String())
		}
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
	msg := "There are no articles to read."
	if len(m.problems) > 0 {
		msg += " Loading reported " + plural.Count(len(m.problems), "problem", "problems") + ": " + termsafe.OneLine(m.problems[0])
	}
	return msg + " Press q to quit."
}

// storyArticles returns the articles of a's story.
func (m Model) storyArticles(a *corpus.Article) []*corpus.Article {
	if st := m.storyOf[a]; st != nil {
		return st.Articles
	}
	var out []*corpus.Article
	for _, b := range m.articles {
		if sameStory(a, b) {
			out = append(out, b)
		}
	}
	return out
}
