package ui

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus"
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

// twoStories returns a corpus of two stories: x, of three reports of a
// council vote, and y, of two of a storm.
func twoStories(t *testing.T) *corpus.Corpus {
	t.Helper()
	council := "Council backs the bypass\n\nThe city council voted on Monday to build the northern bypass, officials said. %s\n"
	storm := "Storm closes the harbour\n\nA storm closed the harbour overnight and ferries were cancelled, the port said. %s\n"
	c := filesCorpus(t, "two",
		"x/a.txt", fmt.Sprintf(council, "Work starts in spring."),
		"x/b.txt", fmt.Sprintf(council, "Residents objected to the cost."),
		"x/c.txt", fmt.Sprintf(council, "The vote was seven to two."),
		"y/d.txt", fmt.Sprintf(storm, "Winds reached ninety miles an hour."),
		"y/e.txt", fmt.Sprintf(storm, "Schools stayed open."))
	if len(c.Stories) != 2 || len(c.Stories[0].Articles) != 3 {
		t.Fatalf("%d stories; the test needs x of three articles and y of two", len(c.Stories))
	}
	return c
}

// TestStaleFiguresStayWithTheirStory is a regression test: the figures
// kept while a new left article's were worked out stayed until figures
// came, whatever the left article became in between. Through an article
// of another story and back, before either's figures came, the list
// showed the first left article's figures beside the third's story; and
// the header said "updating…" over a story none of them belonged to. They
// now go once the left article leaves their story; and back on the left
// article they are of, they are its figures, not stale ones.
func TestStaleFiguresStayWithTheirStory(t *testing.T) {
	c := twoStories(t)
	x, y := c.Stories[0].Articles, c.Stories[1].Articles
	m := newModel(t, c, 160, 45)
	m = send(m, setPairMsg{left: x[0], right: x[1]})
	if p := m.compare.articles; p.simsFor != x[0] || len(p.sims) != 2 {
		t.Fatalf("no similarities to %s; the test needs them", x[0].ID)
	}
	header := func(m Model) string { return strings.Split(ansi.Strip(m.compare.articles.view), "\n")[0] }
	// set puts a pair without running its commands: no figures come.
	set := func(m Model, left, right *corpus.Article) Model {
		tm, _ := m.Update(setPairMsg{left: left, right: right})
		return tm.(Model)
	}

	// s twice: back on x[0], its figures are its own again.
	m2 := set(set(m, x[1], x[0]), x[0], x[1])
	if p := m2.compare.articles; p.simsFor != x[0] || len(p.sims) != 2 || len(p.stale) != 0 {
		t.Errorf("s twice: figures for %v (%d), %d stale; want x[0]'s own", p.simsFor, len(p.sims), len(p.stale))
	}
	if h := header(m2); strings.Contains(h, "updating") {
		t.Errorf("s twice: the header says %q over the left article's own figures", h)
	}

	// To another story: nothing of x is shown beside y, nor said updating.
	m = set(m, y[0], y[1])
	if p := m.compare.articles; len(p.stale) != 0 {
		t.Errorf("left on story y: %d figures of story x kept", len(p.stale))
	}
	if h := header(m); strings.Contains(h, "updating") {
		t.Errorf("left on story y, no figure of it shown: the header says %q", h)
	}
	// Back to story x on another article: x[0]'s figures are not x[2]'s.
	m = set(m, x[2], x[1])
	for _, l := range strings.Split(ansi.Strip(m.compare.articles.view), "\n") {
		if strings.Contains(l, "%") && !strings.Contains(l, "similar") {
			t.Errorf("left on %s, no figure of it come: the list shows %q", x[2].ID, strings.TrimSpace(l))
		}
	}
}
