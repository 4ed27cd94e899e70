package ui

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus/analysis"
)

// TestSimilaritiesStayWhileTheNewOnesComeIn is a regression test: with a
// new article on the left, the list's "% similar" figures went to "…"
// until those to the new article were worked out, a second or more in a
// long story. The figures before stay, dimmed, and the header says they
// are being updated; then the new ones take their place.
func TestSimilaritiesStayWhileTheNewOnesComeIn(t *testing.T) {
	arts := seed(t).Articles()
	m := New(seed(t), analysis.NewCache(), Options{Renderer: renderer(termenv.TrueColor)})
	m = runCmd(m, m.Init())
	m = send(m, tea.WindowSizeMsg{Width: 160, Height: 45})
	if p := m.compare.articles; len(p.sims) == 0 {
		t.Fatal("no similarities to the left article; the test needs them")
	}
	before := m.compare.articles.sims
	// Another left article, its similarities under way (the commands
	// not run).
	tm, cmd := m.Update(setPairMsg{left: arts[2], right: arts[1]})
	m = tm.(Model)
	if m.left != arts[2] {
		t.Fatal("the new left article is not on the left")
	}
	figure := func(m Model, outlet string) (plain, styled string) {
		t.Helper()
		for _, l := range strings.Split(m.compare.articles.view, "\n") {
			if p := ansi.Strip(l); strings.Contains(p, outlet) {
				return strings.TrimRight(p, " │"), l
			}
		}
		t.Fatalf("no line of %s in the list", outlet)
		return "", ""
	}
	pct := regexp.MustCompile(`\d+%…$`) // marked as being worked out
	stale := m.styles.Articles.Stale.Render("00%")
	staleSGR := stale[:strings.Index(stale, "00%")]
	for _, a := range arts {
		if a == arts[2] {
			continue
		}
		plain, styled := figure(m, a.Outlet)
		v, had := before[a]
		switch {
		case !had && !strings.HasSuffix(plain, "…"):
			t.Errorf("%s, with no figure before: %q, want …", a.Outlet, plain)
		case had && !pct.MatchString(plain):
			t.Errorf("%s while the new figures are worked out: %q, want its %d%% before", a.Outlet, plain, percent(v))
		case had && !strings.Contains(styled, staleSGR+strconv.Itoa(percent(v))+"%"):
			t.Errorf("%s: the figure before is not dimmed: %q", a.Outlet, styled)
		}
	}
	if head := ansi.Strip(strings.Split(m.compare.articles.view, "\n")[0]); !strings.Contains(head, "updating") {
		t.Errorf("the list's header %q does not say the figures are being updated", head)
	}
	m = runCmd(m, cmd)
	p := m.compare.articles
	if p.simsFor != arts[2] || len(p.sims) == 0 {
		t.Fatal("no similarities to the new left article")
	}
	for _, a := range arts {
		if a == arts[2] {
			continue
		}
		plain, styled := figure(m, a.Outlet)
		if strings.Contains(styled, staleSGR) || !strings.HasSuffix(plain, strconv.Itoa(percent(p.sims[a]))+"%") {
			t.Errorf("%s once the new figures are in: %q, want its %d%%, not dimmed", a.Outlet, plain, percent(p.sims[a]))
		}
	}
	if head := ansi.Strip(strings.Split(m.compare.articles.view, "\n")[0]); !strings.Contains(head, "% similar to left") {
		t.Errorf("the list's header %q does not say what the figures are", head)
	}
}

// TestStaleFiguresAreMarked is a regression test: where the terminal
// draws no attributes (TERM=dumb, or a terminal without faint text), the
// figures kept while those to a new left article are worked out read
// exactly as the new ones, "22%", with only the header's "updating…" to
// tell. They are marked as being worked out, "22%…", in every terminal.
func TestStaleFiguresAreMarked(t *testing.T) {
	arts := seed(t).Articles()
	m := newModelOpts(t, seed(t), 160, 45, Options{Renderer: renderer(termenv.Ascii)})
	before := m.compare.articles.sims
	if len(before) == 0 {
		t.Fatal("no similarities to the left article; the test needs them")
	}
	tm, cmd := m.Update(setPairMsg{left: arts[2], right: arts[1]})
	m = tm.(Model)
	figureOf := func(m Model, outlet string) string {
		t.Helper()
		for _, l := range strings.Split(ansi.Strip(m.compare.articles.view), "\n") {
			if strings.Contains(l, outlet) {
				return strings.Fields(strings.TrimRight(l, " │"))[len(strings.Fields(strings.TrimRight(l, " │")))-1]
			}
		}
		t.Fatalf("no line of %s in the list", outlet)
		return ""
	}
	for a, v := range before {
		if a == arts[2] {
			continue
		}
		if got, want := figureOf(m, a.Outlet), strconv.Itoa(percent(v))+"%…"; got != want {
			t.Errorf("%s while its figure is worked out: %q, want %q", a.Outlet, got, want)
		}
	}
	m = runCmd(m, cmd)
	for a, v := range m.compare.articles.sims {
		if got, want := figureOf(m, a.Outlet), strconv.Itoa(percent(v))+"%"; got != want {
			t.Errorf("%s once worked out: %q, want %q", a.Outlet, got, want)
		}
	}
}
