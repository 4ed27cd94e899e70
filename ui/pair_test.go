package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

// freshModel is a reader at 120×40 with a cache of its own, with its
// first commands run: only the first pair, and the left article against
// the others of its story, are compared.
func freshModel(t *testing.T) Model {
	t.Helper()
	m := New(seed(t), analysis.NewCache(), Options{Renderer: renderer(termenv.Ascii)})
	m = runCmd(m, m.Init())
	return send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
}

// swapUncached presses s, which swaps the sides, with nothing in the
// cache: a pair not compared yet, which Update must not compare. (With
// the pair shown in the cache, the swap is at hand, mirrored.)
func swapUncached(m Model) (Model, tea.Cmd) {
	m.cache = analysis.NewCache()
	return updateOnly(m, keyMsg("s"))
}

// updateOnly delivers msg without running the commands it returns.
func updateOnly(m Model, msg tea.Msg) (Model, tea.Cmd) {
	tm, cmd := m.Update(msg)
	return tm.(Model), cmd
}

// TestNewPairIsComparedByACommand is a regression test: Update aligned a
// pair the cache did not hold on the spot, so that a long pair froze the
// reader and no key, not even ctrl+c, answered until it was done.
func TestNewPairIsComparedByACommand(t *testing.T) {
	m := freshModel(t)
	before := m.compare.Comparison()
	// The swapped pair is not in the cache: Update must not compare it.
	m, cmd := swapUncached(m)
	if m.compare.Comparison() != before {
		t.Fatalf("Update showed the swapped comparison before any command ran")
	}
	if cmd == nil || !m.pending.active() {
		t.Fatalf("no comparison under way after s (cmd %v)", cmd != nil)
	}
	// The articles pane follows at once.
	if m.left != before.Right || m.right != before.Left {
		t.Errorf("the sides did not swap in the articles pane")
	}
	m = runCmd(m, cmd)
	if c := m.compare.Comparison(); c == nil || c.Left != before.Right || c.Right != before.Left {
		t.Errorf("after the command, the comparison is not the swapped pair")
	}
	if m.pending.active() {
		t.Errorf("a comparison is still under way")
	}
}

// slowModel is a fresh reader after s, its comparison reported slow, and
// the command that would compare the pair.
func slowModel(t *testing.T) (Model, tea.Cmd) {
	t.Helper()
	m, cmd := swapUncached(freshModel(t))
	m, wait := updateOnly(m, compareSlowMsg{gen: m.pending.gen, wait: func() tea.Msg { return nil }})
	if !m.pending.slow || wait == nil {
		t.Fatalf("the slow comparison started no spinner")
	}
	return m, cmd
}

func TestSlowComparisonShowsASpinner(t *testing.T) {
	m, _ := slowModel(t)
	s := screen(m)
	if !strings.Contains(s, "comparing Hacked.com with Swell Digest… esc stops") {
		t.Errorf("no spinner message in the status bar:\n%s", s)
	}
	lines := screenLines(m)
	if help := lines[len(lines)-1]; !strings.Contains(help, "esc stop comparing") {
		t.Errorf("help line %q does not offer esc", help)
	}
	checkFits(t, m, 120, 40)
}

func TestEscAbandonsASlowComparison(t *testing.T) {
	m, cmd := slowModel(t)
	shown := m.compare.Comparison()
	m = press(m, "esc")
	checkAbandoned(t, m, shown, cmd)
}

// checkAbandoned checks m after esc stopped the comparison cmd makes,
// with shown on screen: none under way, the reader told, the pair shown
// kept, and the comparison's answer, when it comes, dropped.
func checkAbandoned(t *testing.T, m Model, shown *compare.Comparison, cmd tea.Cmd) {
	t.Helper()
	if m.pending.active() {
		t.Fatalf("esc left the comparison under way")
	}
	if !strings.Contains(m.flash, "stopped comparing") {
		t.Errorf("flash %q", m.flash)
	}
	if m.left != shown.Left || m.right != shown.Right || m.compare.articles.right != shown.Right {
		t.Errorf("after esc the pair is not the one shown")
	}
	m = runCmd(m, cmd)
	if m.compare.Comparison() != shown {
		t.Errorf("the abandoned comparison was shown")
	}
}

// TestEscAbandonsAComparisonBeforeItsSpinner is a regression test: esc
// stopped a comparison only once it had run over slowCompare and its
// spinner showed; pressed in the first second, it did nothing and the
// comparison carried on.
func TestEscAbandonsAComparisonBeforeItsSpinner(t *testing.T) {
	tests := []struct {
		name  string
		setup []string // keys before s, which swaps the sides: a pair not compared yet
	}{
		{"nothing else for esc to do", nil},
		// esc would clear the search: it stops the comparison first, as
		// it does once the spinner shows.
		{"a search", []string{"/", "t", "h", "e", "enter"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := press(freshModel(t), tt.setup...)
			shown := m.compare.Comparison()
			m, cmd := swapUncached(m)
			if !m.pending.active() || m.pending.slow {
				t.Fatalf("s started no comparison, or one already slow")
			}
			query := m.compare.pane.Query()
			if (query != "") != (tt.setup != nil) {
				t.Fatalf("the search is %q", query)
			}
			m = press(m, "esc")
			if got := m.compare.pane.Query(); got != query {
				t.Errorf("esc changed the search from %q to %q", query, got)
			}
			checkAbandoned(t, m, shown, cmd)
		})
	}
}

func TestQuitAnswersDuringAComparison(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		m, _ := slowModel(t)
		m, cmd := updateOnly(m, keyMsg(k))
		if cmd == nil {
			t.Fatalf("%s: no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Errorf("%s does not quit while comparing", k)
		}
		if m.ctx.Err() == nil {
			t.Errorf("%s: the reader's work was not cancelled", k)
		}
	}
}

func TestPanicInACommandBecomesAMessage(t *testing.T) {
	cmd := recovering("testing", func() tea.Msg { panic(errors.New("boom")) })
	msg := cmd()
	pm, ok := msg.(panicMsg)
	if !ok {
		t.Fatalf("got %#v, want a panicMsg", msg)
	}
	m := send(freshModel(t), pm)
	if s := screen(m); !strings.Contains(s, "testing failed: boom") {
		t.Errorf("the panic is not shown:\n%s", s)
	}
}

// panickingComparer fails the way a bug in alignment would.
type panickingComparer struct{}

func (panickingComparer) Compare(context.Context, *corpus.Article, *corpus.Article) (*compare.Comparison, error) {
	panic("alignment bug")
}

// TestPanicInAComparisonIsShown: the comparison runs on a goroutine of the
// reader's own, which no runtime recovers; its panic must come back as the
// comparison's error, shown in the status bar, with the pair shown before
// kept, and the reader going on.
func TestPanicInAComparisonIsShown(t *testing.T) {
	m := freshModel(t)
	shown := m.compare.Comparison()
	m, _ = swapUncached(m)
	msg := compareCmd(context.Background(), panickingComparer{}, m.textReader(), nil, m.pending.gen, m.left, m.right)()
	cm, ok := msg.(comparedMsg)
	if !ok || cm.err == nil || !strings.Contains(cm.err.Error(), "alignment bug") {
		t.Fatalf("got %#v, want a comparedMsg with the panic as its error", msg)
	}
	m = send(m, cm)
	if !strings.Contains(screen(m), "comparing failed: alignment bug") {
		t.Errorf("the failure is not shown:\n%s", screen(m))
	}
	if m.compare.Comparison() != shown || m.left != shown.Left || m.right != shown.Right {
		t.Errorf("after the failure the reader does not keep the pair it showed")
	}
	if m = press(m, "j"); m.pending.active() {
		t.Errorf("a comparison is still under way")
	}
}

// TestOpenPairScrollsOnceCompared: a pair opened at a passage from a view
// of the story scrolls there when its comparison comes in, if it has to be
// computed first.
func TestOpenPairScrollsOnceCompared(t *testing.T) {
	m := freshModel(t)
	// The cache emptied: it holds the left article against the others,
	// and a pair held in one order is at hand in the other, mirrored.
	m.cache = analysis.NewCache()
	left, right := m.articles[1], m.articles[0]
	if _, ok := m.cache.Get(left, right); ok {
		t.Fatalf("the pair is in the cache already")
	}
	at := left.Sentences[len(left.Sentences)*2/3]
	m, cmd := updateOnly(m, openPairMsg{left: left, right: right, at: left, off: at.Span().Start})
	if !m.pending.active() || m.page != pageCompare {
		t.Fatalf("opening an uncompared pair: pending %v, page %v", m.pending.active(), m.page)
	}
	m = press(m, "j") // a key meanwhile clears the flash
	m = runCmd(m, cmd)
	if c := m.compare.Comparison(); c == nil || c.Left != left || c.Right != right {
		t.Fatalf("the pair was not shown")
	}
	want := fmt.Sprintf("%s and %s side by side, at ¶%d", left.Outlet, right.Outlet, left.ParagraphAt(at.Span().Start))
	if m.flash != want {
		t.Errorf("flash %q, want %q", m.flash, want)
	}
	if m.compare.pane.scroll.top == 0 {
		t.Errorf("the comparison did not scroll to the passage")
	}
}

// TestAnalysingFlashGoesWhenTheAnalysisComes is a regression test: the
// status bar went on saying "analysing …" beside the analysis it promised
// until the next key.
func TestAnalysingFlashGoesWhenTheAnalysisComes(t *testing.T) {
	m := New(seed(t), analysis.NewCache(), Options{Renderer: renderer(termenv.Ascii)})
	init := m.Init()
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m, _ = updateOnly(m, keyMsg("3"))
	if !strings.HasPrefix(m.flash, "analysing ") {
		t.Fatalf("flash %q before the analysis came", m.flash)
	}
	m = runCmd(m, init)
	if m.flash != "" || strings.Contains(screen(m), "analysing") {
		t.Errorf("flash %q after the analysis came:\n%s", m.flash, screen(m))
	}
}

// TestSessionContextBoundsBackgroundWork: when the context the reader was
// given ends (an SSH client gone), the reader's own context ends with it,
// so the comparisons and analyses it started stop.
func TestSessionContextBoundsBackgroundWork(t *testing.T) {
	session, end := context.WithCancel(context.Background())
	m := newModelOpts(t, seed(t), 120, 40, Options{Context: session})
	if m.ctx.Err() != nil {
		t.Fatal("the reader's context ended before the session's")
	}
	end()
	if m.ctx.Err() == nil {
		t.Error("the session ended but the reader's background work goes on")
	}
}

// TestStoppedFirstComparisonSaysWhatToDo is a regression test: when esc
// stopped the first comparison, with none before it to keep, the pane was
// left empty, the status bar blank once the flash went, and n, N and /
// were offered but did nothing.
func TestStoppedFirstComparisonSaysWhatToDo(t *testing.T) {
	m := New(seed(t), analysis.NewCache(), Options{Renderer: renderer(termenv.Ascii)})
	_ = m.Init() // the first comparison, never run
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	if !m.pending.active() || m.compare.Comparison() != nil {
		t.Fatalf("no first comparison under way")
	}
	m, _ = updateOnly(m, compareSlowMsg{gen: m.pending.gen, wait: func() tea.Msg { return nil }})
	m = press(m, "esc", "j") // j: any key clears the flash
	lines := screenLines(m)
	if status := lines[len(lines)-2]; !strings.Contains(status, "not compared: in the list, enter puts an article on the left") {
		t.Errorf("status %q does not say how to compare", status)
	}
	for _, k := range []string{"n next change", "/ search"} {
		if help := lines[len(lines)-1]; strings.Contains(help, k) {
			t.Errorf("help line %q offers %q with nothing compared", help, k)
		}
	}
	if m = press(m, "/"); m.compare.Typing() {
		t.Errorf("/ started a search of no comparison")
	}
	// Picking the pair again compares it, and the note goes.
	m = press(m, "tab", "enter", "j", "enter")
	if m.compare.Comparison() == nil || strings.Contains(screen(m), "not compared") {
		t.Errorf("picking a pair again:\n%s", screen(m))
	}
}

// TestOpenPairFlashSaysTheMode is a regression test: a pair opened from
// the passages view or the matrix was said to be "side by side" in
// inline mode too, over one column of word diffs.
func TestOpenPairFlashSaysTheMode(t *testing.T) {
	for _, tt := range []struct {
		keys []string
		mode string
	}{
		{nil, "side by side"},
		{[]string{"v"}, "inline"},
		{[]string{"v", "v"}, "side by side"},
	} {
		m := freshModel(t)
		for _, k := range tt.keys {
			m = press(m, k)
		}
		if got := m.compare.pane.Mode().String(); got != tt.mode {
			t.Fatalf("after %q the comparison is %s, want %s", tt.keys, got, tt.mode)
		}
		left, right := m.articles[1], m.articles[0]
		at := left.Sentences[len(left.Sentences)*2/3]
		m, cmd := updateOnly(m, openPairMsg{left: left, right: right, at: left, off: at.Span().Start})
		m = runCmd(m, cmd)
		want := fmt.Sprintf("%s and %s %s, at ¶%d", left.Outlet, right.Outlet, tt.mode, left.ParagraphAt(at.Span().Start))
		if m.flash != want {
			t.Errorf("after %q: flash %q, want %q", tt.keys, m.flash, want)
		}
		if got := m.compare.pane.Mode().String(); got != tt.mode {
			t.Errorf("after %q the pair opened %s, want %s", tt.keys, got, tt.mode)
		}
	}
}
