package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
)

func TestPageKeys(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	tests := []struct {
		key   string
		page  page
		badge string
	}{
		{"2", pageQuotes, "QUOTES"},
		{"3", pageMatrix, "MATRIX"},
		{"4", pagePassages, "PASSAGES"},
		{"1", pageCompare, "COMPARE"},
		{"4", pagePassages, "PASSAGES"},
		{"2", pageQuotes, "QUOTES"},
	}
	for _, tt := range tests {
		m = press(m, tt.key)
		if m.page != tt.page {
			t.Fatalf("%s: page %v, want %v", tt.key, m.page, tt.page)
		}
		lines := screenLines(m)
		if status := lines[len(lines)-2]; !strings.HasPrefix(strings.TrimSpace(status), tt.badge) {
			t.Errorf("%s: status bar %q does not start with %q", tt.key, status, tt.badge)
		}
		// The short help offers the other views, not this one.
		short := lines[len(lines)-1]
		for k, name := range map[string]string{"1": "compare", "2": "quotes", "3": "matrix", "4": "passages"} {
			if got, want := strings.Contains(short, k+" "+name), k != tt.key; got != want {
				t.Errorf("on %v, short help %q offers %q: %v, want %v", tt.page, short, k+" "+name, got, want)
			}
		}
		checkFits(t, m, 160, 45)
	}
}

func TestQuotesView(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	m = press(m, "2")
	if !quotesOf(m).Ready() {
		t.Fatalf("the quotes page has no analysis")
	}
	lines := screenLines(m)
	// The first entry is Trump's "Russia, if you’re listening", in all
	// five outlets: speaker and count on one line, the words below.
	if !strings.Contains(lines[1], "Trump") || !strings.Contains(lines[1], "5 outlets") || !strings.Contains(lines[2], "Russia, if you’re listening") {
		t.Errorf("first entry:\n%s\n%s", lines[1], lines[2])
	}
	g := quotesOf(m).Selected()
	if g == nil || len(g.Quotes) != 5 || !strings.Contains(g.Quotes[g.Common].Text(), "Russia, if you’re listening") {
		t.Fatalf("selected group %+v", g)
	}
	// Beside the list: every outlet's wording, with its verb, diffed
	// against the most common; plain text brackets the changes.
	s := screen(m)
	for _, want := range []string{
		"Trump · 5 outlets", "most common wording", "Hacked.com ¶5 · Trump stated", "Al Jazeera ¶4 · Trump told",
		"you’ll [-probably-] be rewarded", "I think [-you’ll-] {+you will+} probably", "{+I will tell you this,+} Russia",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("the wordings lack %q:\n%s", want, s)
		}
	}
	if !strings.Contains(s, "quote 1/") {
		t.Errorf("the status bar does not give the position")
	}

	// j moves to the next utterance: Jake Sullivan's, whose outlets do not
	// all name him.
	m = press(m, "j")
	if g := quotesOf(m).Selected(); g.Speaker != "Jake Sullivan" {
		t.Fatalf("after j: speaker %q", g.Speaker)
	}
	if s := screen(m); !strings.Contains(s, "Al Jazeera ¶7 · Clinton’s campaign said") {
		t.Errorf("the speaker Al Jazeera gives is not shown:\n%s", s)
	}

	// enter gives the keys to the wordings, which then scroll; esc and tab
	// give them back.
	m = press(m, "enter")
	if !quotesOf(m).DetailFocused() {
		t.Fatalf("enter did not focus the wordings")
	}
	m = press(m, "j", "j")
	if got := quotesOf(m).detail.top; got != 2 && len(quotesOf(m).rows) > quotesOf(m).detail.height+2 {
		t.Errorf("j j in the wordings: top %d, want 2", got)
	}
	if g := quotesOf(m).Selected(); g.Speaker != "Jake Sullivan" {
		t.Errorf("scrolling the wordings moved the list to %q", g.Speaker)
	}
	m = press(m, "esc")
	if quotesOf(m).DetailFocused() {
		t.Errorf("esc did not return to the list")
	}
	m = press(m, "tab")
	if !quotesOf(m).DetailFocused() {
		t.Errorf("tab did not focus the wordings")
	}
	m = press(m, "tab", "G")
	// Short quotes come last, under their own heading.
	if g := quotesOf(m).Selected(); g == nil || !quotesOf(m).entries[quotesOf(m).cursor()].short {
		t.Errorf("G: not on a short quote")
	}
	if s := screen(m); !strings.Contains(s, "Short quotes · under 4 words") {
		t.Errorf("no heading over the short quotes:\n%s", s)
	}
	m = press(m, "g")
	if quotesOf(m).cursor() != 0 {
		t.Errorf("g: cursor %d", quotesOf(m).cursor())
	}
}

// TestQuotesHeaderCountsAsTheStatus is a regression test: the list's
// heading counted the quotes and the short quotes together, "Quotes · 33",
// over a status bar that says "19 quotes" (and, where it fits, "14
// short"). The heading counts them apart, as the status does.
func TestQuotesHeaderCountsAsTheStatus(t *testing.T) {
	for _, w := range []int{60, 80, 200} {
		m := press(newModel(t, seed(t), w, 24), "2")
		q := quotesOf(m)
		if len(q.sa.quotes) == 0 || len(q.sa.short) == 0 {
			t.Fatalf("the sample has %d quotes and %d short ones: want both", len(q.sa.quotes), len(q.sa.short))
		}
		s := screen(m)
		head := fmt.Sprintf("Quotes · %d · %d short", len(q.sa.quotes), len(q.sa.short))
		status := fmt.Sprintf("%d quotes", len(q.sa.quotes))
		if !strings.Contains(s, head) || !strings.Contains(s, status) {
			t.Errorf("%d columns: want the heading %q over the status %q:\n%s", w, head, status, s)
		}
	}
}

func TestQuotesViewNarrow(t *testing.T) {
	m := newModel(t, seed(t), 80, 24)
	m = press(m, "2")
	s := screen(m)
	if !strings.Contains(s, "Quotes ·") || strings.Contains(s, "most common wording") {
		t.Errorf("80 columns: the list alone should show:\n%s", s)
	}
	m = press(m, "enter")
	s = screen(m)
	if strings.Contains(s, "Quotes ·") || !strings.Contains(s, "Trump · 5 outlets") {
		t.Errorf("80 columns after enter: the wordings alone should show:\n%s", s)
	}
	checkFits(t, m, 80, 24)
	m = press(m, "esc")
	if !strings.Contains(screen(m), "Quotes ·") {
		t.Errorf("esc did not bring the list back")
	}
}

func TestQuotesViewStyles(t *testing.T) {
	// With colour, deletions are struck and insertions underlined, as in
	// the comparison, and there are no brackets.
	m := newModelOpts(t, seed(t), 160, 45, Options{Renderer: renderer(termenv.TrueColor)})
	view := press(m, "2").View()
	if !hasSGR(view, "9") || !hasSGR(view, "4") || len(sgrColours(view)) == 0 {
		t.Errorf("colour wordings lack strikethrough, underline or colour")
	}
	if s := ansi.Strip(view); strings.Contains(s, "[-") || strings.Contains(s, "{+") {
		t.Errorf("colour wordings are bracketed")
	}
	// Without colour, the brackets come back, and no colour is set.
	m = newModelOpts(t, seed(t), 160, 45, Options{Renderer: renderer(termenv.TrueColor), NoColor: true})
	view = press(m, "2").View()
	if len(sgrColours(view)) > 0 {
		t.Errorf("NoColor quotes set colours: %q", sgrColours(view))
	}
	if s := ansi.Strip(view); !strings.Contains(s, "[-probably-]") || !strings.Contains(s, "{+you will+}") {
		t.Errorf("NoColor wordings lack wdiff markers:\n%s", s)
	}
}

func TestMatrixView(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	m = press(m, "3")
	s := screen(m)
	for _, want := range []string{"100% · 100%", "25% · 21%", "% word for word", "20%+", "Swell Digest → Hacked.com"} {
		if !strings.Contains(s, want) {
			t.Errorf("matrix lacks %q:\n%s", want, s)
		}
	}
	// The cursor starts beside the diagonal and moves with h/j/k/l and
	// the arrows, within the matrix.
	tests := []struct {
		keys     []string
		row, col int
	}{
		{nil, 0, 1},
		{[]string{"l", "l"}, 0, 3},
		{[]string{"right", "right", "right"}, 0, 4},
		{[]string{"j", "down"}, 2, 4},
		{[]string{"h", "left", "k"}, 1, 2},
		{[]string{"up", "up", "up"}, 0, 2},
		{[]string{"G"}, 4, 2},
		{[]string{"g", "h", "h", "h"}, 0, 0},
	}
	for _, tt := range tests {
		m = press(m, tt.keys...)
		if p := matrixOf(m); p.row() != tt.row || p.col != tt.col {
			t.Errorf("after %q: cursor (%d, %d), want (%d, %d)", tt.keys, p.row(), p.col, tt.row, tt.col)
		}
	}
	// enter on the diagonal says why it does nothing.
	m = press(m, "enter")
	if m.page != pageMatrix || !strings.Contains(m.flash, "move off the diagonal") {
		t.Errorf("enter on the diagonal: page %v, flash %q", m.page, m.flash)
	}
	// enter on a cell opens the pair: the row outlet on the left.
	m = press(m, "j", "j", "j", "l")
	m = press(m, "enter")
	if m.page != pageCompare || m.left.Outlet != "Al Jazeera" || m.right.Outlet != "Hacked.com" {
		t.Fatalf("enter on (Al Jazeera, Hacked.com): page %v, %q vs %q", m.page, m.left.Outlet, m.right.Outlet)
	}
	header := screenLines(m)[0]
	if i, j := strings.Index(header, "Al Jazeera"), strings.Index(header, "Hacked.com"); i < 0 || j < i {
		t.Errorf("header %q does not show Al Jazeera then Hacked.com", header)
	}
	// Back on the matrix, the cursor is where it was.
	m = press(m, "3")
	if p := matrixOf(m); p.row() != 3 || p.col != 1 {
		t.Errorf("back on the matrix the cursor is at (%d, %d)", p.row(), p.col)
	}
}

func TestMatrixViewNarrow(t *testing.T) {
	for _, size := range [][2]int{{60, 12}, {80, 24}} {
		m := newModel(t, seed(t), size[0], size[1])
		m = press(m, "3")
		s := screen(m)
		if !strings.Contains(s, "Swell") || !strings.Contains(s, "100") {
			t.Errorf("%dx%d matrix:\n%s", size[0], size[1], s)
		}
		checkFits(t, m, size[0], size[1])
		m = press(m, "l", "l", "l", "j", "j", "j", "j")
		if p := matrixOf(m); p.row() != 4 || p.col != 4 {
			t.Errorf("%dx%d: cursor (%d, %d)", size[0], size[1], p.row(), p.col)
		}
		checkFits(t, m, size[0], size[1])
	}
	// Without colour the cursor's cell is in reverse video.
	m := newModelOpts(t, seed(t), 160, 45, Options{Renderer: renderer(termenv.ANSI), NoColor: true})
	view := press(m, "3").View()
	if !hasSGR(view, "7") || len(sgrColours(view)) > 0 {
		t.Errorf("NoColor matrix: reverse %v, colours %q", hasSGR(view, "7"), sgrColours(view))
	}
	if s := ansi.Strip(view); !strings.Contains(s, "░") {
		t.Errorf("NoColor matrix has no shading glyphs:\n%s", s)
	}
}

// passageRows returns every row of the passages view, unstyled.
func passageRows(m Model) []string {
	rows := make([]string, len(passagesOf(m).rows))
	for i, r := range passagesOf(m).rows {
		rows[i] = ansi.Strip(r)
	}
	return rows
}

// findRow returns the first row containing s, or -1.
func findRow(rows []string, s string) int {
	return slices.IndexFunc(rows, func(r string) bool { return strings.Contains(r, s) })
}

func TestPassagesView(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	m = press(m, "4")
	rows := passageRows(m)
	// Each unique passage sits under its outlet's heading.
	under := func(text, outlet string) {
		t.Helper()
		r := findRow(rows, text)
		if r < 0 {
			t.Errorf("no passage %q", text)
			return
		}
		for h := r; h >= 0; h-- {
			if strings.Contains(rows[h], "only it reports") {
				if !strings.HasPrefix(strings.TrimSpace(rows[h]), outlet+" ·") {
					t.Errorf("%q is under %q, want %s", text, rows[h], outlet)
				}
				return
			}
		}
		t.Errorf("%q is under no outlet", text)
	}
	under("“I don’t want to use four-letter words,” Russian Foreign Minister Sergei Lavrov", "Al Jazeera")
	under("a spokesman for the Kremlin Dmitry Peskov told reporters", "TRT World")
	if r := findRow(rows, "Sergei Lavrov"); r < 0 || !strings.Contains(rows[r], "¶11") {
		t.Errorf("Lavrov's passage is not numbered ¶11: %q", rows[max(r, 0)])
	}
	// The verbatim runs, with their outlets.
	for _, want := range []string{
		"Only one outlet reports", "Word for word in several outlets", "5 outlets · 18 words",
		"in: Swell Digest ¶9, Hacked.com ¶8, Press TV ¶15, Al Jazeera ¶7, TRT World ¶8",
		"Facts the outlets give differently", "attribution · This has to be the first time that…",
	} {
		if findRow(rows, want) < 0 {
			t.Errorf("no row %q", want)
		}
	}
	// The facts: each outlet's value and paragraph. Facts are compared
	// on paired passages only (issue 9), which leaves the seed story a
	// speaker: Swell Digest's "Russia stands accused of hacking" no longer
	// pairs with Press TV's "Wikileaks released a trove of hacked emails",
	// two events that gave "Russia" against "Wikileaks".
	facts := []struct{ outlet, value, para string }{
		{"Swell Digest", "Jake", "¶9"}, {"Al Jazeera", "campaign", "¶7"},
	}
	for _, f := range facts {
		found := false
		for _, r := range rows {
			fs := strings.Fields(r)
			if len(fs) > 3 && strings.HasPrefix(strings.TrimSpace(r), f.outlet) && slices.Contains(fs, f.value) && slices.Contains(fs, f.para) {
				found = true
			}
		}
		if !found {
			t.Errorf("no fact row %s %s %s", f.outlet, f.value, f.para)
		}
	}

	// j/k move from entry to entry; n jumps to the next section.
	m = press(m, "j")
	if it := passagesOf(m).Selected(); it == nil || it.at[0].Article.Outlet != "Swell Digest" || passagesOf(m).cursor() != 1 {
		t.Errorf("j: cursor %d", passagesOf(m).cursor())
	}
	m = press(m, "n")
	if it := passagesOf(m).Selected(); len(it.at) < 2 {
		t.Errorf("n: the cursor is not on a verbatim run")
	}
	m = press(m, "n")
	if it := passagesOf(m).Selected(); len(it.at) != 1 || !strings.Contains(it.what, "gives") {
		t.Errorf("n n: the cursor is not on a fact: %q", it.what)
	}
	if s := screen(m); !strings.Contains(s, "Facts the outlets give differently") {
		t.Errorf("n n: the facts' heading is not on screen:\n%s", s)
	}
	m = press(m, "N")
	if it := passagesOf(m).Selected(); len(it.at) < 2 {
		t.Errorf("N: the cursor is not back on the first run")
	}
	m = press(m, "N", "N")
	if passagesOf(m).cursor() != 0 || passagesOf(m).list.scroll.top != 0 {
		t.Errorf("N N N: cursor %d, top %d; want the first entry at the top", passagesOf(m).cursor(), passagesOf(m).list.scroll.top)
	}
	checkFits(t, m, 160, 45)
}

func TestPassagesViewOpensTheComparison(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	m = press(m, "4")
	// Walk down to Lavrov's passage and open it.
	for range 200 {
		it := passagesOf(m).Selected()
		if it != nil && strings.Contains(it.at[0].Article.Text(it.at[0].Span), "four-letter words") {
			break
		}
		m = press(m, "j")
	}
	it := passagesOf(m).Selected()
	if it == nil || it.at[0].Article.Outlet != "Al Jazeera" {
		t.Fatalf("did not find Lavrov's passage")
	}
	m = press(m, "enter")
	if m.page != pageCompare || m.left.Outlet != "Al Jazeera" || m.right == m.left {
		t.Fatalf("enter: page %v, %q vs %q", m.page, m.left.Outlet, m.right.Outlet)
	}
	// The passage is at the top, marked as the current change.
	blk := m.compare.pane.cmp.Blocks[topBlock(m)]
	if !strings.Contains(m.left.Text(blk.Left), "four-letter words") {
		t.Errorf("the top block is %q", m.left.Text(blk.Left))
	}
	if !strings.Contains(screen(m), "▸") || !strings.Contains(m.flash, "¶11") {
		t.Errorf("the passage is not marked: flash %q", m.flash)
	}

	// enter on a fact opens the outlet beside one that gives it otherwise:
	// Swell Digest's "Jake Sullivan (said)" beside Hacked.com's "(stating)".
	m = press(m, "4", "n", "n")
	m = press(m, "enter")
	if m.left.Outlet != "Swell Digest" || m.right.Outlet != "Hacked.com" {
		t.Errorf("enter on Swell Digest's Jake Sullivan: %q vs %q", m.left.Outlet, m.right.Outlet)
	}
}

func TestComparisonMarksWireCopyAndFacts(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	m = press(m, "]", "]") // Swell Digest vs Al Jazeera
	lay := m.compare.pane.lay
	var wire, fact int
	for _, r := range lay.rows {
		switch r.rowMark {
		case rowMarkWire:
			wire++
		case rowMarkFact:
			fact++
		}
	}
	if wire == 0 || fact == 0 {
		t.Fatalf("%d wire-copy rows, %d fact rows", wire, fact)
	}
	var all []string
	for _, r := range lay.painted {
		all = append(all, ansi.Strip(r))
	}
	text := strings.Join(all, "\n")
	// Each side says what the other outlets give in its place.
	for _, want := range []string{"≠ Al Jazeera: Clinton’s campaign (said)", "≠ Swell Digest, Press TV, TRT World: Jake Sullivan (said)"} {
		if !strings.Contains(text, want) {
			t.Errorf("no note %q", want)
		}
	}
	// The gutter shows the marks.
	m = press(m, "G")
	for range 40 {
		if s := screen(m); strings.Contains(s, "≡ ") {
			break
		}
		m = press(m, "k", "k", "k", "k", "k")
	}
	if !strings.Contains(screen(m), "≡ ") {
		t.Errorf("no wire-copy mark on screen")
	}
	// The marks survive inline mode.
	m = press(m, "v")
	for _, r := range m.compare.pane.lay.rows {
		if r.rowMark == rowMarkFact {
			return
		}
	}
	t.Errorf("inline mode lost the fact marks")
}

// TestFactsAreStyledInTheComparison: a number two outlets give
// differently in one paired passage is painted as a disputed fact.
func TestFactsAreStyledInTheComparison(t *testing.T) {
	c := pairCorpus(t, "storm",
		"Storm on the coast\n\nThe storm killed 12 people in the coastal town on Friday, the mayor said.\n\nRoads were closed across the district.\n",
		"Deadly storm\n\nThe storm killed 14 people in the coastal town on Friday, the mayor said.\n\nSchools will stay shut next week.\n")
	m := newModelOpts(t, c, 160, 45, Options{Renderer: renderer(termenv.TrueColor)})
	brushes := m.compare.pane.painter.brushes
	fact := brushes[clsEqual|clsFact].pre
	if fact == "" || fact == brushes[clsEqual].pre {
		t.Fatalf("fact brush %q", fact)
	}
	found := false
	for _, r := range m.compare.pane.lay.painted {
		for k := range brushes {
			if b := brushes[k].pre; class(k)&clsFact != 0 && b != "" {
				found = found || strings.Contains(r, b+"12") || strings.Contains(r, b+"14")
			}
		}
	}
	if !found {
		t.Errorf("12 against 14 is not painted as a disputed fact")
	}
}

// startModel returns a reader whose first commands have not run: the
// analysis has been asked for but has not come.
func startModel(t *testing.T, c *corpus.Corpus, width, height int) (Model, tea.Cmd) {
	m := New(c, analysis.NewCache(), Options{Renderer: renderer(termenv.Ascii)})
	init := m.Init()
	return send(m, tea.WindowSizeMsg{Width: width, Height: height}), init
}

func TestAnalysisArrivesLater(t *testing.T) {
	m, init := startModel(t, seed(t), 160, 45)
	if m.compare.pane.marks != (pairMarks{}) {
		t.Errorf("marks before the analysis came")
	}
	for _, k := range []string{"2", "j", "enter", "tab", "3", "l", "enter", "4", "j", "n", "enter", "G"} {
		m = press(m, k)
		checkFits(t, m, 160, 45)
	}
	if s := screen(m); !strings.Contains(s, "analysing the story") {
		t.Errorf("the passages page does not say it is waiting:\n%s", s)
	}
	// Asking again while it is under way starts nothing new.
	if cmd := m.analyseStory(); cmd != nil {
		t.Errorf("a second analysis was started")
	}
	m = runCmd(m, init)
	if !passagesOf(m).Ready() || !strings.Contains(screen(m), "Only one outlet reports") {
		t.Errorf("the analysis came but the page did not show it:\n%s", screen(m))
	}
	if m.compare.pane.marks.left == nil || m.compare.pane.marks.right == nil {
		t.Errorf("the comparison got no marks")
	}
}

func TestAnalysisFailureIsShown(t *testing.T) {
	m, _ := startModel(t, seed(t), 120, 30)
	st := m.storyOf[m.left]
	m = send(m, analysisMsg{st, &storyAnalysis{story: st, err: errors.New("analysing \"seed\" failed: boom")}})
	for _, k := range []string{"2", "3", "4"} {
		m = press(m, k, "j", "enter")
		if s := screen(m); !strings.Contains(s, "failed: boom") {
			t.Errorf("page %s does not show the error:\n%s", k, s)
		}
		checkFits(t, m, 120, 30)
	}
	// A panic in the analysis becomes such an error.
	msg := analyse(context.Background(), &corpus.Story{Name: "broken", Articles: []*corpus.Article{nil}}, nil, nil)()
	if am, ok := msg.(analysisMsg); !ok || am.sa.err == nil {
		t.Errorf("analysing a broken story: %#v", msg)
	}
}

func TestStoryViewsFollowTheLeftArticle(t *testing.T) {
	fsys := fstest.MapFS{}
	for s := range 2 {
		for a := range 3 {
			text := fmt.Sprintf("Report %d of story %d\n\nThe council of town %d met on Monday and agreed a plan to rebuild the old bridge over the river, officials said. Outlet %d added its own sentence here about item %d.\n\n\"We will rebuild the bridge before the winter comes,\" the mayor of town %d said.\n", a, s, s, a, a*7+s, s)
			fsys[fmt.Sprintf("story%d/a%d.txt", s, a)] = &fstest.MapFile{Data: []byte(text)}
		}
	}
	c, _, err := corpus.LoadFS(fsys, "towns")
	if err != nil || len(c.Stories) != 2 {
		t.Fatalf("loading: %v, %d stories", err, len(c.Stories))
	}
	m := newModel(t, c, 120, 30)
	m = press(m, "3")
	if got := matrixOf(m).sa.story; got != c.Stories[0] {
		t.Fatalf("the matrix shows %q", got.Name)
	}
	// Put an article of the second story on the left.
	m = press(m, "1", "tab", "G", "enter", "k", "enter", "3")
	if m.left.Story != c.Stories[1].Name {
		t.Fatalf("left is %q", m.left.Story)
	}
	if got := matrixOf(m).sa; got == nil || got.story != c.Stories[1] {
		t.Errorf("the matrix does not show the left article's story")
	}
	m = press(m, "2")
	if s := screen(m); !strings.Contains(s, "We will rebuild the bridge") || !strings.Contains(s, "3 outlets") {
		t.Errorf("quotes of the second story:\n%s", s)
	}
	checkFits(t, m, 120, 30)
}

func TestKeysPerPage(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	m = press(m, "3")
	short := screenLines(m)[44]
	for _, want := range []string{"←/h left", "→/l right", "enter open side by side", "1 compare", "? help"} {
		if !strings.Contains(short, want) {
			t.Errorf("matrix short help %q lacks %q", short, want)
		}
	}
	for _, unwanted := range []string{"/ search", "n next change", "v inline", "3 matrix", "tab"} {
		if strings.Contains(short, unwanted) {
			t.Errorf("matrix short help %q offers %q", short, unwanted)
		}
	}
	// Keys of the comparison do nothing here.
	m = press(m, "v", "/", "s", "]")
	if m.compare.pane.Mode() != sideBySide || m.compare.pane.Searching() || m.left.Outlet != "Swell Digest" || m.right.Outlet != "Hacked.com" {
		t.Errorf("comparison keys acted on the matrix page")
	}
	// The full help lists the views' keys.
	m = press(m, "?")
	s := screen(m)
	for _, want := range []string{"Views", "the story's quotes", "the story's matrix", "unique and shared passages", "left (the matrix)", "next section"} {
		if !strings.Contains(s, want) {
			t.Errorf("full help lacks %q:\n%s", want, s)
		}
	}
	m = press(m, "esc", "4")
	short = screenLines(m)[44]
	for _, want := range []string{"enter open in comparison", "n next section"} {
		if !strings.Contains(short, want) {
			t.Errorf("passages short help %q lacks %q", short, want)
		}
	}
	m = press(m, "2", "enter")
	short = screenLines(m)[44]
	if !strings.Contains(short, "esc back to the list") || !strings.Contains(short, "enter open the top wording in comparison") {
		t.Errorf("quote wordings short help %q", short)
	}
}

// The matrix's two legends are reworded to fit, not cut, at every width
// the reader draws (MinWidth up), with colour and without.
func TestMatrixLegendsFitEveryWidth(t *testing.T) {
	for _, noColor := range []bool{false, true} {
		for w := MinWidth; w <= 100; w++ {
			m := newModelOpts(t, seed(t), w, 24, Options{Renderer: renderer(termenv.TrueColor), NoColor: noColor})
			s := screen(press(m, "3"))
			if !strings.Contains(s, "80%+") {
				t.Errorf("%d columns, NoColor %v: the shading legend is cut:\n%s", w, noColor, s)
			}
			for _, line := range strings.Split(s, "\n") {
				if strings.Contains(line, "% of the row") && strings.Contains(line, "…") {
					t.Errorf("%d columns, NoColor %v: the cell legend is cut: %q", w, noColor, line)
				}
				// The cursor's cell in words, on two lines, reworded
				// to fit: under 50 columns it ended "(70 w…".
				if strings.Contains(line, "word for word") && strings.Contains(line, "…") {
					t.Errorf("%d columns, NoColor %v: the cursor's cell is cut: %q", w, noColor, line)
				}
			}
			checkFits(t, m, w, 24)
		}
	}
}

// TestPassagesShowTheirLastSection is a regression test: rows after the
// last entry (a last section with nothing in it, "none found") were no
// rows of the list, so G stopped above them and nothing scrolled to them,
// and a story with no entry at all counted "row 1/0". (Nor does a story
// of one article count all its passages as reported by one outlet only.)
func TestPassagesShowTheirLastSection(t *testing.T) {
	var a, b strings.Builder
	a.WriteString("Harbour council approves new ferry timetable\n")
	b.WriteString("Mountain rescue volunteers train with drones\n")
	for i := range 12 {
		fmt.Fprintf(&a, "\nThe harbour council heard item %d about ferries, moorings and the winter schedule for the islands.\n", i)
		fmt.Fprintf(&b, "\nVolunteers on the mountain practised drill %d with thermal cameras above the glacier at dawn.\n", i)
	}
	c := pairCorpus(t, "unrelated", a.String(), b.String())
	m := press(newModel(t, c, 60, 12), "4")
	if s := screen(m); strings.Contains(s, "none found") {
		t.Fatalf("the facts' section is on screen before scrolling:\n%s", s)
	}
	m = press(m, "G")
	if s := screen(m); !strings.Contains(s, "Facts the outlets give differently") || !strings.Contains(s, "none found") || !strings.Contains(s, "· end") {
		t.Errorf("G does not show the last section:\n%s", s)
	}

	one, _, err := corpus.LoadFS(fstest.MapFS{"a.txt": {Data: []byte(a.String())}}, "one")
	if err != nil {
		t.Fatal(err)
	}
	m = press(newModel(t, one, 100, 30), "4")
	if s := screen(m); strings.Contains(s, "row 1/0") || !strings.Contains(s, "none found") || strings.Contains(s, "12 passages") {
		t.Errorf("one article's passages:\n%s", s)
	}
}

// TestMatrixTellsLongNamesApart is a regression test: outlets named
// after files that share a long start ("longbench-multinews-018_01",
// "…_02") were cut to the same label in every row and column header.
func TestMatrixTellsLongNamesApart(t *testing.T) {
	text := "Harbour council approves new ferry timetable\n\nThe harbour council approved a new ferry timetable for the islands on Monday.\n"
	c, _, err := corpus.LoadFS(fstest.MapFS{
		"longbench-multinews-018_01.txt": {Data: []byte(text)},
		"longbench-multinews-018_02.txt": {Data: []byte(text + "\nThe council will meet again in March.\n")},
	}, "ferries")
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{100, 30}, {60, 12}} {
		m := press(newModel(t, c, size[0], size[1]), "3")
		var labels []string
		for _, l := range screenLines(m) {
			if strings.Contains(l, "% · ") && strings.Contains(l, "…") && !strings.Contains(l, "→") {
				label, _, _ := strings.Cut(strings.TrimSpace(l), "  ")
				labels = append(labels, label)
			}
		}
		if len(labels) != 2 || labels[0] == labels[1] {
			t.Errorf("%dx%d: row labels %q, want two that differ:\n%s", size[0], size[1], labels, screen(m))
		}
		var head string
		for _, l := range screenLines(m) {
			if strings.Count(l, "…") == 2 && !strings.Contains(l, "%") {
				head = l
			}
		}
		if !strings.Contains(head, "018_01") || !strings.Contains(head, "018_02") {
			t.Errorf("%dx%d: column headers %q do not tell the outlets apart:\n%s", size[0], size[1], head, screen(m))
		}
	}
}

// TestQuoteWordingTagsFitWhole is a regression test: where a wording's
// line (outlet, paragraph, speaker, then tags) was too wide for the pane
// it was cut mid-tag, "most common wording · block…" or "· 4…"; the tags
// that do not fit are now left out whole.
func TestQuoteWordingTagsFitWhole(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {120, 30}, {80, 24}} {
		m := press(newModel(t, seed(t), size[0], size[1]), "2")
		if size[0] < 100 {
			m = press(m, "enter")
		}
		found := false
		for _, l := range screenLines(m) {
			_, detail, ok := strings.Cut(l, "│")
			if !ok {
				detail = l
			}
			detail = strings.TrimSpace(detail)
			if !strings.Contains(detail, " ¶") || !strings.Contains(detail, " · ") {
				continue
			}
			found = true
			if strings.HasSuffix(detail, "…") {
				t.Errorf("%dx%d: wording line cut mid-tag: %q", size[0], size[1], detail)
			}
		}
		if !found {
			t.Errorf("%dx%d: no wording line on screen:\n%s", size[0], size[1], screen(m))
		}
	}
}
