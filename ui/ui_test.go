package ui

import (
	"context"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

func TestStartsWithTheFirstTwoArticles(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	if got, want := m.left.Outlet, "Swell Digest"; got != want {
		t.Errorf("left = %q, want %q", got, want)
	}
	if got, want := m.right.Outlet, "Hacked.com"; got != want {
		t.Errorf("right = %q, want %q", got, want)
	}
	lines := screenLines(m)
	if !strings.Contains(lines[0], "[-…-] Swell Digest") || !strings.Contains(lines[0], "{+…+} Hacked.com") {
		t.Errorf("header %q does not name both outlets", lines[0])
	}
	if !strings.Contains(lines[1], "Donald Trump wants Hillary Clinton’s emails hacked") {
		t.Errorf("header %q does not give the left title", lines[1])
	}
	status := lines[len(lines)-2]
	for _, want := range []string{"COMPARE", "% similar", "words", "moved", "left only", "right only", "row 1/"} {
		if !strings.Contains(status, want) {
			t.Errorf("status bar %q lacks %q", status, want)
		}
	}
	// The similarities were computed by Init's command.
	if !regexp.MustCompile(`Press TV +\d+%`).MatchString(screen(m)) {
		t.Errorf("articles pane shows no similarity for Press TV:\n%s", screen(m))
	}
}

func TestArticleCursorSkipsStoryHeadings(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	m = press(m, "tab")
	if m.compare.focus != focusArticles {
		t.Fatalf("tab did not focus the articles pane")
	}
	tests := []struct {
		keys []string
		want string
	}{
		{nil, "Swell Digest"},
		{[]string{"k"}, "Swell Digest"}, // the story heading above is not selectable
		{[]string{"j", "j"}, "Press TV"},
		{[]string{"down"}, "Al Jazeera"},
		{[]string{"G"}, "TRT World"},
		{[]string{"j"}, "TRT World"},
		{[]string{"up"}, "Al Jazeera"},
		{[]string{"g"}, "Swell Digest"},
	}
	for _, tt := range tests {
		m = press(m, tt.keys...)
		if got := m.compare.articles.Selected().Outlet; got != tt.want {
			t.Errorf("after %q: cursor on %q, want %q", tt.keys, got, tt.want)
		}
	}
}

func TestPickLeftThenRight(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	m = press(m, "tab", "j", "j", "j", "enter")
	if m.left.Outlet != "Al Jazeera" || !m.compare.articles.Picking() {
		t.Fatalf("after the first enter: left %q, picking %v; want Al Jazeera, true", m.left.Outlet, m.compare.articles.Picking())
	}
	if m.right == m.left || m.compare.pane.Comparison() == nil {
		t.Fatalf("the comparison pane is empty while picking the right side")
	}
	if !strings.Contains(screen(m), "pick the right side") {
		t.Errorf("the articles pane does not ask for the right side")
	}
	// Enter on the left article again does not compare it with itself.
	m = press(m, "enter")
	if m.right == m.left || !strings.Contains(m.flash, "already on the left") {
		t.Errorf("enter on the left article: right %q, flash %q", m.right.Outlet, m.flash)
	}
	m = press(m, "j", "enter")
	if m.right.Outlet != "TRT World" || m.compare.articles.Picking() {
		t.Fatalf("after the second enter: right %q, picking %v", m.right.Outlet, m.compare.articles.Picking())
	}
	if m.compare.focus != focusCompare {
		t.Errorf("focus stayed on the articles after picking both sides")
	}
	c := m.compare.pane.Comparison()
	if c.Left.Outlet != "Al Jazeera" || c.Right.Outlet != "TRT World" {
		t.Errorf("comparison is %q vs %q", c.Left.Outlet, c.Right.Outlet)
	}
	header := screenLines(m)[0]
	if !strings.Contains(header, "Al Jazeera") || !strings.Contains(header, "TRT World") {
		t.Errorf("header %q", header)
	}
	// Esc while picking keeps the right side.
	m = press(m, "tab", "k", "enter", "esc")
	if m.compare.articles.Picking() || m.right.Outlet != "TRT World" {
		t.Errorf("esc while picking: picking %v, right %q", m.compare.articles.Picking(), m.right.Outlet)
	}
}

func TestCycleRightOutlet(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	want := []string{"Press TV", "Al Jazeera", "TRT World", "Hacked.com", "Press TV"}
	for _, w := range want {
		m = press(m, "]")
		if m.right.Outlet != w || m.left.Outlet != "Swell Digest" {
			t.Fatalf("] gave %q vs %q, want Swell Digest vs %q", m.left.Outlet, m.right.Outlet, w)
		}
	}
	m = press(m, "[", "[")
	if m.right.Outlet != "TRT World" {
		t.Errorf("[ [ gave right %q, want TRT World", m.right.Outlet)
	}
	// Keys work from the articles pane too, and keep the comparison open.
	m = press(m, "tab", "]")
	if m.right.Outlet != "Hacked.com" {
		t.Errorf("] from the articles pane gave %q", m.right.Outlet)
	}
}

func TestSwapSides(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	m = press(m, "s")
	if m.left.Outlet != "Hacked.com" || m.right.Outlet != "Swell Digest" {
		t.Fatalf("after s: %q vs %q", m.left.Outlet, m.right.Outlet)
	}
	header := screenLines(m)[0]
	if strings.Index(header, "Hacked.com") > strings.Index(header, "Swell Digest") {
		t.Errorf("header %q still has Swell Digest on the left", header)
	}
	if !strings.Contains(screen(m), "Hacked.com") || !regexp.MustCompile(`Swell Digest +\d+%`).MatchString(screen(m)) {
		t.Errorf("similarities not recomputed against the new left:\n%s", screen(m))
	}
}

func TestSwapKeepsPlace(t *testing.T) {
	for _, scroll := range [][]string{{"ctrl+d"}, {"ctrl+d", "ctrl+d"}, {"ctrl+d", "ctrl+d", "ctrl+d", "j"}} {
		m := newModel(t, seed(t), 130, 36)
		m = press(m, "]", "]", "]") // Swell Digest vs TRT World
		m = press(m, scroll...)
		top, _ := m.compare.pane.anchors().first() // a sentence of the passage at the top
		m = press(m, "s")
		c := m.compare.pane.cmp
		blk := c.Blocks[topBlock(m)]
		in := func(r corpus.Range) bool { return top.sentence >= r.Start && top.sentence < r.End }
		if !(c.Left == top.article && in(blk.LeftSentences) || c.Right == top.article && in(blk.RightSentences)) {
			t.Errorf("after %q and a swap the top block is %d, which lacks sentence %d of %s", scroll, topBlock(m), top.sentence, top.article.Outlet)
		}
	}
}

func TestInlineMode(t *testing.T) {
	m := newModel(t, seed(t), 100, 30)
	m = press(m, "v")
	if m.compare.pane.Mode() != inline {
		t.Fatalf("v did not switch to inline")
	}
	lines := screenLines(m)
	if !strings.Contains(lines[0], "Swell Digest") || !strings.Contains(lines[1], "Hacked.com") {
		t.Errorf("inline header:\n%s\n%s", lines[0], lines[1])
	}
	// Plain text has no attributes, so changes are bracketed.
	if s := screen(m); !strings.Contains(s, "[-") || !strings.Contains(s, "{+") {
		t.Errorf("inline mode shows no wdiff markers:\n%s", s)
	}
	m = press(m, "v")
	if m.compare.pane.Mode() != sideBySide {
		t.Errorf("v did not switch back")
	}
}

func TestNextDifference(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	changes := m.compare.pane.lay.changes
	if len(changes) < 3 {
		t.Fatalf("only %d changes", len(changes))
	}
	for i := range 3 {
		m = press(m, "n")
		if got := m.compare.pane.curBlock; got != changes[i] {
			t.Fatalf("n #%d: current block %d, want %d", i+1, got, changes[i])
		}
		if status := screenLines(m)[43]; !strings.Contains(status, fmt.Sprintf("change %d/%d · row", i+1, len(changes))) {
			t.Errorf("status %q", status)
		}
		row := m.compare.pane.lay.blockRow[changes[i]]
		if !m.compare.pane.visible(row) {
			t.Errorf("change %d at row %d not on screen (top %d)", i+1, row, m.compare.pane.scroll.top)
		}
		// The gutter marks the current change.
		if got := screenLines(m)[headerRows+row-m.compare.pane.scroll.top]; !strings.Contains(got, "▸") {
			t.Errorf("current change row %q not marked", got)
		}
	}
	m = press(m, "N")
	if got := m.compare.pane.curBlock; got != changes[1] {
		t.Errorf("N: current block %d, want %d", got, changes[1])
	}
	m = press(m, "N", "N")
	if !strings.Contains(m.flash, "no more changes above") {
		t.Errorf("N at the first change: flash %q", m.flash)
	}
	m = press(m, "G", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n")
	if !strings.Contains(m.flash, "no more changes below") {
		t.Errorf("n past the last change: flash %q", m.flash)
	}
}

func TestSearch(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	m = press(m, "/")
	if !m.compare.pane.Searching() {
		t.Fatalf("/ did not start a search")
	}
	m = typeText(m, "Russia")
	status := screenLines(m)[44-1]
	if !strings.Contains(status, "/Russia") {
		t.Errorf("status while typing: %q", status)
	}
	m = press(m, "enter")
	p := m.compare.pane
	if p.Searching() || p.Query() != "Russia" || len(p.lay.hits) < 5 {
		t.Fatalf("after enter: searching %v, query %q, %d hits", p.Searching(), p.Query(), len(p.lay.hits))
	}
	first := p.curHit
	if first < 0 || !p.visible(int(p.lay.hits[first].row)) {
		t.Fatalf("current match %d not on screen", first)
	}
	if got := screenLines(m)[43]; !strings.Contains(got, fmt.Sprintf("/Russia · match %d/%d", first+1, len(p.lay.hits))) {
		t.Errorf("status %q", got)
	}
	m = press(m, "n")
	if m.compare.pane.curHit != first+1 {
		t.Errorf("n: match %d, want %d", m.compare.pane.curHit, first+1)
	}
	m = press(m, "N", "N")
	if got, want := m.compare.pane.curHit, (first-1+len(p.lay.hits))%len(p.lay.hits); got != want {
		t.Errorf("N N: match %d, want %d", got, want)
	}
	// Matching folds case and typography: "you're" finds "you’re".
	m = press(m, "esc")
	if m.compare.pane.Query() != "" {
		t.Fatalf("esc did not clear the search")
	}
	m = press(m, "/")
	m = typeText(m, "YOU'RE LISTENING")
	m = press(m, "enter")
	if n := len(m.compare.pane.lay.hits); n != 2 {
		t.Errorf("%q: %d matches, want 2 (one per side)", m.compare.pane.Query(), n)
	}
	// After esc, n walks changes again.
	m = press(m, "esc", "g", "n")
	if m.compare.pane.curBlock < 0 {
		t.Errorf("n after clearing the search did not move to a change")
	}
}

func TestSearchHighlightsMatches(t *testing.T) {
	m := newModelOpts(t, seed(t), 160, 45, Options{Renderer: renderer(termenv.ANSI256)})
	m = press(m, "/")
	m = typeText(m, "Wednesday")
	m = press(m, "enter")
	view := m.View()
	br := &m.compare.pane.painter.brushes
	match, current := br[clsEqual|clsMatch].pre, br[clsEqual|clsMatch|clsCurrent].pre
	if match == "" || current == "" || match == current {
		t.Fatalf("match brush %q, current match brush %q", match, current)
	}
	if n := strings.Count(view, current+"Wednesday"); n != 1 {
		t.Errorf("the current match is highlighted %d times, want once", n)
	}
	others := 0
	for c := range numClasses {
		if c&clsMatch != 0 && c&clsCurrent == 0 && br[c].pre != "" {
			others += strings.Count(view, br[c].pre+"Wednesday")
		}
	}
	if others == 0 {
		t.Errorf("the other matches are not highlighted:\n%s", view)
	}
}

func TestSearchWithoutMatches(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	m = press(m, "/")
	m = typeText(m, "zxqv")
	m = press(m, "enter", "n")
	if !strings.Contains(m.flash, `no matches for "zxqv"`) {
		t.Errorf("flash %q", m.flash)
	}
	// Editing keys work on the query.
	m = press(m, "/")
	m = typeText(m, "abc def")
	m = press(m, "ctrl+w", "backspace")
	if got := m.compare.pane.input.Value(); got != "abc" {
		t.Errorf("after ctrl+w and backspace: %q, want %q", got, "abc")
	}
	m = press(m, "esc")
	if m.compare.pane.Searching() || m.compare.pane.Query() != "" {
		t.Errorf("esc while typing did not cancel the search")
	}
}

func TestHelp(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	short := screenLines(m)[44]
	for _, want := range []string{"n next change", "/ search", "? help", "q quit"} {
		if !strings.Contains(short, want) {
			t.Errorf("short help %q lacks %q", short, want)
		}
	}
	m = press(m, "?")
	s := screen(m)
	for _, want := range []string{"Keys", "next change", "swap the sides", "down half a page", "next outlet on the right", "switch pane"} {
		if !strings.Contains(s, want) {
			t.Errorf("full help lacks %q:\n%s", want, s)
		}
	}
	// Keys meant for the page beneath do nothing while the help is open.
	m = press(m, "j", "s")
	if m.left.Outlet != "Swell Digest" {
		t.Errorf("s swapped sides under the help")
	}
	m = press(m, "esc")
	if m.showHelp {
		t.Errorf("esc did not close the help")
	}
	// In a narrow terminal the columns wrap instead of being cut off, and
	// the help scrolls (see TestHelpCompleteAndScrollable).
	m = send(m, tea.WindowSizeMsg{Width: 60, Height: 40})
	m = press(m, "?")
	if s := screen(m); !strings.Contains(s, "down half a page") || !strings.Contains(s, "swap the sides") {
		t.Errorf("narrow full help lost columns:\n%s", s)
	}
	if s := screen(press(m, "G")); !strings.Contains(s, "quit, even while typing") {
		t.Errorf("narrow full help, at its end, lacks the reader's keys:\n%s", s)
	}
}

func TestResizeKeepsPlace(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	m = press(m, "]", "]") // Swell Digest vs Al Jazeera: a long one
	m = press(m, "ctrl+d", "ctrl+d", "j", "j")
	block := topBlock(m)
	if block == 0 {
		t.Fatalf("did not scroll")
	}
	for _, size := range [][2]int{{100, 30}, {72, 20}, {240, 60}, {160, 45}} {
		m = send(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		if got := topBlock(m); got != block {
			t.Errorf("at %dx%d the top block is %d, want %d", size[0], size[1], got, block)
		}
	}
	// Toggling the mode keeps the place too.
	m = press(m, "v")
	if got := topBlock(m); got != block {
		t.Errorf("inline: top block %d, want %d", got, block)
	}
}

func TestTooSmall(t *testing.T) {
	const msg = "terminal too small (need 40×12)"
	for _, tt := range []struct {
		w, h  int
		small bool
	}{
		{39, 30, true}, {100, 11, true}, {20, 5, true}, {1, 1, true}, {40, 12, false}, {41, 13, false}, {50, 20, false}, {59, 11, true},
	} {
		m := newModel(t, seed(t), tt.w, tt.h)
		s := strings.Join(strings.Fields(screen(m)), " ")
		if got := strings.Contains(s, msg); got != tt.small && tt.w >= 20 {
			t.Errorf("%dx%d: too-small message shown %v, want %v:\n%s", tt.w, tt.h, got, tt.small, screen(m))
		}
		checkFits(t, m, tt.w, tt.h)
	}
	m := newModel(t, seed(t), 80, 24)
	lines := screenLines(send(m, tea.WindowSizeMsg{Width: 50, Height: 10}))
	if len(lines) != 10 || !strings.Contains(strings.Join(lines, "\n"), "terminal too small") {
		t.Errorf("50x10:\n%s", strings.Join(lines, "\n"))
	}
	mid := lines[4] + lines[5]
	if !strings.Contains(mid, "too small") {
		t.Errorf("message not centred vertically: %q", lines)
	}
}

func TestNoneOrOneArticle(t *testing.T) {
	one, _, err := corpus.LoadFS(fstest.MapFS{"a.txt": {Data: []byte("A lone report\n\nSomething happened today, the report says.\n")}}, "lone")
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]*corpus.Corpus{"nil": nil, "empty": {}, "one": one} {
		m := newModel(t, c, 100, 30)
		s := screen(m)
		switch {
		case name != "one" && !strings.Contains(s, "There are no articles to read"):
			t.Errorf("%s corpus:\n%s", name, s)
		case name == "one" && (!strings.Contains(s, "Something happened today, the report says.") || !strings.Contains(s, "the only article: nothing to compare it with")):
			// A folder of one article opens that article, saying there is
			// nothing to compare it with.
			t.Errorf("one-article corpus does not open the article:\n%s", s)
		}
		m = press(m, "j", "enter", "]", "[", "s", "v", "n", "/", "x", "esc", "tab", "?", "esc", "G")
		checkFits(t, m, 100, 30)
		if _, cmd := m.Update(keyMsg("q")); cmd == nil || cmd() != tea.Quit() {
			t.Errorf("%s corpus: q does not quit", name)
		}
	}
}

func TestFilter(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	m = press(m, "tab", "/")
	if !m.compare.articles.Filtering() {
		t.Fatalf("/ in the articles pane did not start a filter")
	}
	m = typeText(m, "JAZ")
	s := screen(m)
	if !strings.Contains(s, "Al Jazeera") || strings.Contains(s, "Press TV") {
		t.Errorf("filter %q:\n%s", "JAZ", s)
	}
	m = press(m, "enter")
	if m.compare.articles.Filtering() || m.compare.articles.Selected().Outlet != "Al Jazeera" {
		t.Fatalf("after enter: filtering %v, selected %q", m.compare.articles.Filtering(), m.compare.articles.Selected().Outlet)
	}
	if !strings.Contains(screen(m), "filter: JAZ") {
		t.Errorf("the pane does not show the filter in effect")
	}
	m = press(m, "enter")
	if m.left.Outlet != "Al Jazeera" {
		t.Errorf("enter on the filtered article: left %q", m.left.Outlet)
	}
	m = press(m, "esc", "esc")
	if m.compare.articles.Filter() != "" || !strings.Contains(screen(m), "Press TV") {
		t.Errorf("esc did not clear the filter")
	}
	// A filter matching nothing says so, and enter then does nothing.
	m = press(m, "/")
	m = typeText(m, "no such outlet")
	m = press(m, "enter", "enter", "j")
	if !strings.Contains(screen(m), "nothing matches") {
		t.Errorf("empty filter result:\n%s", screen(m))
	}
}

func TestMouse(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	m = send(m, tea.MouseMsg{X: 100, Y: 10, Button: tea.MouseButtonWheelDown})
	if got := m.compare.pane.scroll.top; got != wheelRows {
		t.Errorf("wheel down: top %d, want %d", got, wheelRows)
	}
	m = send(m, tea.MouseMsg{X: 100, Y: 10, Button: tea.MouseButtonWheelUp})
	if got := m.compare.pane.scroll.top; got != 0 {
		t.Errorf("wheel up: top %d, want 0", got)
	}
	// A click on an article focuses the pane and moves the cursor there.
	m = send(m, tea.MouseMsg{X: 5, Y: 6, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if m.compare.focus != focusArticles || m.compare.articles.Selected().Outlet != "Press TV" {
		t.Errorf("click: focus %v, selected %q", m.compare.focus, m.compare.articles.Selected().Outlet)
	}
	m = send(m, tea.MouseMsg{X: 5, Y: 6, Button: tea.MouseButtonWheelDown})
	if m.compare.articles.Selected().Outlet != "Al Jazeera" {
		t.Errorf("wheel over the list: selected %q", m.compare.articles.Selected().Outlet)
	}
}

func TestNarrowTerminalShowsTheFocusedPane(t *testing.T) {
	m := newModel(t, seed(t), 80, 24)
	if s := screen(m); strings.Contains(s, "Articles") || !strings.Contains(s, "Swell Digest") {
		t.Errorf("80 columns, comparison focused:\n%s", s)
	}
	m = press(m, "tab")
	if s := screen(m); !strings.Contains(s, "Articles") || strings.Contains(s, "━━") {
		t.Errorf("80 columns, articles focused:\n%s", s)
	}
}

func TestQuit(t *testing.T) {
	m := newModel(t, seed(t), 100, 30)
	for _, k := range []string{"q", "ctrl+c"} {
		if _, cmd := m.Update(keyMsg(k)); cmd == nil || cmd() != tea.Quit() {
			t.Errorf("%s does not quit", k)
		}
	}
	// While a query is typed, q is a letter and ctrl+c still quits.
	m = press(m, "/")
	if _, cmd := m.Update(keyMsg("q")); quits(cmd) {
		t.Errorf("q while searching quits")
	}
	if _, cmd := m.Update(keyMsg("ctrl+c")); cmd == nil || cmd() != tea.Quit() {
		t.Errorf("ctrl+c while searching does not quit")
	}
}

// quits reports whether cmd, or a command it batches, quits. (A letter
// typed into the search starts the search's command.)
func quits(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		return slices.ContainsFunc(msg, quits)
	}
	return false
}

func TestProblems(t *testing.T) {
	m := newModelOpts(t, seed(t), 100, 30, Options{
		Renderer: renderer(termenv.Ascii),
		Problems: []string{"bad.txt: skipped: binary file (NUL byte at 3)", "x.md: byte 7: invalid UTF-8 (replaced)"},
	})
	s := screen(m)
	if !strings.Contains(s, "warning: bad.txt: skipped: binary file") || !strings.Contains(s, "1 more: 5 lists all") {
		t.Errorf("warnings not shown:\n%s", s)
	}
	checkFits(t, m, 100, 30)
	m = press(m, "x")
	if strings.Contains(screen(m), "warning:") {
		t.Errorf("x did not dismiss the warnings")
	}
	checkFits(t, m, 100, 30)
	// The problems view lists every file and its reason, dismissed or not.
	m = press(m, "5")
	s = screen(m)
	for _, want := range []string{"2 problems with the files", "• bad.txt: skipped: binary file (NUL byte at 3)", "• x.md: byte 7: invalid UTF-8 (replaced)", "PROBLEMS"} {
		if !strings.Contains(s, want) {
			t.Errorf("problems view lacks %q:\n%s", want, s)
		}
	}
	checkFits(t, m, 100, 30)
	// Without problems, there is no such view to go to.
	m = press(newModel(t, seed(t), 100, 30), "5")
	if strings.Contains(screen(m), "PROBLEMS") {
		t.Errorf("5 opened a problems view with no problems")
	}
	// It says why it does nothing, and the flash goes with the next key.
	if !strings.Contains(m.flash, "no problems to list") || !strings.Contains(screen(m), "no problems to list") {
		t.Errorf("5 without problems: flash %q", m.flash)
	}
	// Its first words fit even a small terminal (they were cut to
	// "nothing to li…" at 80 columns).
	for _, size := range [][2]int{{80, 24}, {60, 12}} {
		m := press(newModel(t, seed(t), size[0], size[1]), "4", "5")
		if s := screen(m); !strings.Contains(s, "no problems to list") {
			t.Errorf("%dx%d: 5 without problems does not say why:\n%s", size[0], size[1], s)
		}
	}
	if m = press(m, "j"); m.flash != "" {
		t.Errorf("the flash outlived the next key: %q", m.flash)
	}
}

func TestMovedAndRepeatedPassagesAreNoted(t *testing.T) {
	c, err := compare.Compare(context.Background(), article(t, "Al Jazeera"), article(t, "TRT World"))
	if err != nil {
		t.Fatal(err)
	}
	lay := buildLayout(c, 160, sideBySide, true, pairMarks{})
	newPainter(mustStyles()).paint(lay)
	found := false
	for bi, blk := range c.Blocks {
		if blk.Kind != compare.Moved {
			continue
		}
		found = true
		r := lay.blockRow[bi]
		// Each side names where its partner sits, as the partner's place
		// (a bare "¶15" beside a passage reads as its own place).
		lp, rp := c.Left.Sentences[blk.LeftSentences.Start].Para()+1, c.Right.Sentences[blk.RightSentences.Start].Para()+1
		left := fmt.Sprintf("partner at ¶%d", rp)
		right := fmt.Sprintf("partner at ¶%d", lp)
		row := ansi.Strip(lay.painted[r])
		if i, j := strings.Index(row, left), strings.LastIndex(row, right); i < 0 || j < 0 || i >= j && left != right {
			t.Errorf("moved block %d: row %q lacks %q on the left and %q on the right", bi, row, left, right)
		}
		// Inline, the one note gives both places.
		il := buildLayout(c, 160, inline, true, pairMarks{})
		newPainter(mustStyles()).paint(il)
		both := fmt.Sprintf("moved: ¶%d in Al Jazeera, ¶%d in TRT World", lp, rp)
		if got := ansi.Strip(il.painted[il.blockRow[bi]]); !strings.Contains(got, both) {
			t.Errorf("moved block %d inline: row %q lacks %q", bi, got, both)
		}
		if lay.rows[r].mark != markMoved {
			t.Errorf("moved block %d has gutter mark %d", bi, lay.rows[r].mark)
		}
	}
	if !found {
		t.Fatalf("no moved block in Al Jazeera vs TRT World")
	}

	// Repeated wording points at its paired passage. No seed pair has any,
	// so mark a copy of this comparison's first left-only passage as
	// repeating its first aligned prose passage.
	rep := *c
	rep.Blocks = slices.Clone(c.Blocks)
	one := slices.IndexFunc(rep.Blocks, func(b compare.Block) bool { return b.Kind == compare.LeftOnly && b.Role == corpus.RoleProse })
	paired := slices.IndexFunc(rep.Blocks, func(b compare.Block) bool { return b.Kind == compare.Aligned && b.Role == corpus.RoleProse })
	if one < 0 || paired < 0 {
		t.Fatalf("no left-only or aligned prose block")
	}
	rep.Blocks[one].Repeats = int32(paired)
	want := fmt.Sprintf("also in ¶%d", rep.Left.Sentences[rep.Blocks[paired].LeftSentences.Start].Para()+1)
	for _, md := range []mode{sideBySide, inline} {
		lay := buildLayout(&rep, 160, md, true, pairMarks{})
		newPainter(mustStyles()).paint(lay)
		if row := ansi.Strip(lay.painted[lay.blockRow[one]]); !strings.Contains(row, want) {
			t.Errorf("%s: the repeated passage's first row %q lacks %q", md, row, want)
		}
	}
}

func mustStyles() *Styles {
	s := NewStyles(renderer(termenv.Ascii))
	return &s
}

func TestNoColor(t *testing.T) {
	m := newModelOpts(t, seed(t), 160, 45, Options{Renderer: renderer(termenv.TrueColor), NoColor: true})
	view := m.View()
	if colours := sgrColours(view); len(colours) > 0 {
		t.Errorf("NoColor output sets colours: %q", colours)
	}
	for name, attr := range map[string]string{"strikethrough": "9", "underline": "4"} {
		if !hasSGR(view, attr) {
			t.Errorf("NoColor output has no %s", name)
		}
	}
	// Many terminals draw no strikethrough or underline: without colour,
	// changes are bracketed in both views, as the README says.
	if s := ansi.Strip(view); !strings.Contains(s, "[-") || !strings.Contains(s, "{+") {
		t.Errorf("side by side NoColor output has no wdiff markers:\n%s", s)
	}
	m = press(m, "v")
	if s := screen(m); !strings.Contains(s, "[-") || !strings.Contains(s, "{+") {
		t.Errorf("inline NoColor output has no wdiff markers:\n%s", s)
	}
	// With colour, deletions and insertions differ in attribute as well.
	m = newModelOpts(t, seed(t), 160, 45, Options{Renderer: renderer(termenv.TrueColor)})
	if view := m.View(); len(sgrColours(view)) == 0 || !hasSGR(view, "9") || !hasSGR(view, "4") {
		t.Errorf("colour output lacks colours or attributes")
	}
}

var sgrRE = regexp.MustCompile("\x1b\\[([0-9;:]*)m")

// sgrColours returns the colour-setting SGR sequences in s.
func sgrColours(s string) []string {
	var out []string
	for _, m := range sgrRE.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.Split(m[1], ";") {
			n, _ := strconv.Atoi(p)
			if n >= 30 && n <= 38 || n >= 40 && n <= 48 || n >= 90 && n <= 107 {
				out = append(out, m[0])
				break
			}
		}
	}
	return out
}

func hasSGR(s, attr string) bool {
	for _, m := range sgrRE.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.Split(m[1], ";") {
			if p == attr {
				return true
			}
		}
	}
	return false
}

func TestUntrustedTextIsSanitised(t *testing.T) {
	evil := "Evil headline\x1b]0;pwned\x07\n\nThe \x1b[31mred\x1b[0m text \x1b]52;c;aGVsbG8=\x07 copies\u202e and\u00a0more. A second sentence is here.\n"
	plain := "Plain headline\n\nThe red text copies and more. A second sentence is here.\n"
	c := pairCorpus(t, "evil", evil, plain)
	for _, md := range []string{"", "v"} {
		m := newModelOpts(t, c, 120, 30, Options{Renderer: renderer(termenv.TrueColor)})
		m = press(m, md)
		view := m.View()
		for _, bad := range []string{"\x1b]", "\x07", "\u202e", "\x1b[31m", "pwned", "\u00a0"} {
			if strings.Contains(view, bad) {
				t.Errorf("mode %q: view contains %q", md, bad)
			}
		}
		// What is left of escapes is the reader's own styling.
		if s := ansi.Strip(view); strings.ContainsRune(s, '\x1b') {
			t.Errorf("mode %q: stray escape in %q", md, s)
		}
	}
}

// checkFits fails unless the view is exactly height lines of exactly width
// cells: a longer line would wrap the terminal, more lines would scroll it,
// and a shorter line would leave stale cells where the SSH server tells the
// renderer not to measure lines (serve.Config.ExactFrames).
func checkFits(t *testing.T, m Model, width, height int) {
	t.Helper()
	view := m.View()
	if width <= 0 || height <= 0 {
		return
	}
	lines := strings.Split(view, "\n")
	if len(lines) != height {
		t.Errorf("%dx%d: view has %d lines", width, height, len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != width {
			t.Errorf("%dx%d: line %d is %d cells wide: %q", width, height, i, w, ansi.Strip(l))
		}
	}
}

func TestViewFitsEverySize(t *testing.T) {
	for _, size := range [][2]int{{60, 12}, {80, 24}, {99, 30}, {100, 30}, {160, 45}, {250, 70}} {
		for _, keys := range [][]string{
			nil, {"v"}, {"tab"}, {"?"}, {"/", "R"}, {"tab", "/", "x"}, {"G"}, {"v", "G"},
			{"2"}, {"2", "G"}, {"2", "enter", "G"}, {"3"}, {"3", "G", "l", "l", "l", "l"}, {"4"}, {"4", "G"}, {"4", "?"},
		} {
			m := newModel(t, seed(t), size[0], size[1])
			m = press(m, keys...)
			checkFits(t, m, size[0], size[1])
			m = newModelOpts(t, seed(t), size[0], size[1], Options{Renderer: renderer(termenv.TrueColor)})
			m = press(m, keys...)
			checkFits(t, m, size[0], size[1])
		}
	}
}

// TestRandomKeysNeverPanic feeds long random sequences of keys, mouse
// events and sizes, in every view, and checks after each that the view
// fits the terminal.
func TestRandomKeysNeverPanic(t *testing.T) {
	keys := []string{
		"j", "k", "up", "down", "pgup", "pgdown", "ctrl+u", "ctrl+d", "g", "G", "home", "end", " ",
		"n", "N", "/", "enter", "esc", "tab", "shift+tab", "v", "s", "[", "]", "?", "x", "1", "2", "3", "4", "h", "l",
		"backspace", "ctrl+w", "ctrl+h", "a", "e", "R", "ü", "中", "😀", "left", "right", "q",
	}
	sizes := [][2]int{{0, 0}, {1, 1}, {59, 11}, {60, 12}, {61, 40}, {80, 24}, {99, 20}, {100, 30}, {160, 45}, {300, 90}}
	steps := 3000
	if testing.Short() {
		steps = 500
	}
	for seedN := range uint64(4) {
		rng := rand.New(rand.NewPCG(seedN, 42))
		opts := Options{Renderer: renderer(termenv.Ascii), NoColor: seedN%2 == 1}
		if seedN >= 2 {
			opts.Renderer = renderer(termenv.TrueColor)
		}
		size := sizes[rng.IntN(len(sizes))]
		m := newModelOpts(t, seed(t), size[0], size[1], opts)
		for i := range steps {
			var msg tea.Msg
			switch r := rng.IntN(100); {
			case r < 4:
				size = sizes[rng.IntN(len(sizes))]
				msg = tea.WindowSizeMsg{Width: size[0], Height: size[1]}
			case r < 10:
				msg = tea.MouseMsg{
					X: rng.IntN(320) - 10, Y: rng.IntN(100) - 5,
					Button: []tea.MouseButton{tea.MouseButtonWheelUp, tea.MouseButtonWheelDown, tea.MouseButtonLeft}[rng.IntN(3)],
				}
			default:
				msg = keyMsg(keys[rng.IntN(len(keys))])
			}
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("seed %d step %d: %v after %#v", seedN, i, r, msg)
					}
				}()
				m = send(m, msg)
			}()
			if i%50 == 0 || i == steps-1 {
				checkFits(t, m, size[0], size[1])
			}
		}
	}
}

func TestKeysArrivingTogether(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jjj")})
	if got := m.compare.pane.scroll.top; got != 3 {
		t.Errorf("\"jjj\" scrolled to %d, want 3", got)
	}
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/Russia")})
	if !m.compare.pane.Searching() || m.compare.pane.input.Value() != "Russia" {
		t.Errorf("\"/Russia\": searching %v, query %q", m.compare.pane.Searching(), m.compare.pane.input.Value())
	}
	// A paste is text, not keys.
	m = press(m, "esc", "/")
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("sq"), Paste: true})
	if got := m.compare.pane.input.Value(); got != "sq" {
		t.Errorf("pasted query %q", got)
	}
}

func TestZeroOptions(t *testing.T) {
	// No renderer means lipgloss's default one; no cache means a private one.
	m := New(seed(t), nil, Options{})
	m = send(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	checkFits(t, m, 100, 30)
	if !strings.Contains(screen(m), "Swell Digest") {
		t.Errorf("nothing shown:\n%s", screen(m))
	}
}

func TestLongArticleList(t *testing.T) {
	fsys := fstest.MapFS{}
	for s := range 3 {
		for a := range 12 {
			text := fmt.Sprintf("Report %d of story %d\n\nThe council met on Monday and agreed a plan, officials said. Outlet %d added its own sentence here.\n", a, s, a)
			fsys[fmt.Sprintf("story%d/a%02d.txt", s, a)] = &fstest.MapFile{Data: []byte(text)}
		}
	}
	c, _, err := corpus.LoadFS(fsys, "many")
	if err != nil || len(c.Stories) != 3 {
		t.Fatalf("loading: %v, %d stories", err, len(c.Stories))
	}
	m := newModel(t, c, 120, 20)
	m = press(m, "tab", "G")
	if got := m.compare.articles.Selected(); got != c.Stories[2].Articles[11] {
		t.Fatalf("G selected %q", got.ID)
	}
	if !strings.Contains(screen(m), "Report 11 of story 2") {
		t.Errorf("the cursor's article is scrolled out of view:\n%s", screen(m))
	}
	checkFits(t, m, 120, 20)
	m = press(m, "g")
	if s := screen(m); !strings.Contains(s, "story0") || !strings.Contains(s, "Report 0 of story 0") {
		t.Errorf("back at the top, the first story is not shown:\n%s", s)
	}
	// ] stays within the left article's story.
	m = press(m, "esc")
	for range 15 {
		m = press(m, "]")
		if m.right.Story != m.left.Story {
			t.Fatalf("] left the story: %q vs %q", m.left.Story, m.right.Story)
		}
	}
}
