package ui

import (
	"context"
	"errors"
	"fmt"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/newsdiff/newsdiff/corpus"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestListScrollAfterNarrowResize checks defect 7: the list scrolled in a
// small terminal shows from its top again when the terminal grows back
// (120×40 → 60×12 → 120×40), not its heading scrolled off above empty rows.
func TestListScrollAfterNarrowResize(t *testing.T) {
	for _, keys := range [][]string{{"tab"}, {"tab", "G"}, {}} {
		m := newModel(t, seed(t), 120, 40)
		m = press(m, keys...)
		m = send(m, tea.WindowSizeMsg{Width: 60, Height: 12})
		m = press(m, "G")
		m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
		lines := screenLines(m)
		if !strings.Contains(lines[0], "Articles") {
			t.Errorf("after %q: the list's header is not on the first row: %q", keys, lines[0])
		}
		if !strings.Contains(lines[1], "·") {
			t.Errorf("after %q: the story heading is not under the header: %q", keys, lines[1])
		}
	}
}

// bigCorpus returns a corpus of stories × perStory small articles, enough
// to scroll the list.
func bigCorpus(stories, perStory int) *corpus.Corpus {
	c := &corpus.Corpus{Name: "big"}
	for s := range stories {
		st := &corpus.Story{Name: fmt.Sprintf("Story %d", s+1)}
		for i := range perStory {
			a := corpus.Parse(fmt.Sprintf("s%d-a%d", s, i), []byte(fmt.Sprintf("Headline %d of story %d\n\nThe council met on Monday to discuss the bridge number %d. It voted to repair it before winter, officials said.\n", i, s, s)))
			a.Outlet = fmt.Sprintf("Outlet %c", 'A'+i)
			a.Title = fmt.Sprintf("Headline %d of story %d", i, s+1)
			a.Story = st.Name
			st.Articles = append(st.Articles, a)
		}
		c.Stories = append(c.Stories, st)
	}
	return c
}

// TestListScrollAfterNarrowResizeLong is defect 7 on a list longer than
// the screen: after 120×40 → 60×12 (cursor to the top) → 120×40 the list
// fills the screen from its header, with no empty rows below.
func TestListScrollAfterNarrowResizeLong(t *testing.T) {
	m := newModel(t, bigCorpus(6, 5), 120, 40)
	m = press(m, "tab", "G")
	m = send(m, tea.WindowSizeMsg{Width: 60, Height: 12})
	m = press(m, "g")
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	lines := screenLines(m)
	if !strings.Contains(lines[0], "Articles") || !strings.Contains(lines[1], "Story 1") {
		t.Errorf("the list does not start at its top:\n%s", strings.Join(lines[:3], "\n"))
	}
	for i := 1; i < 37; i++ {
		if strings.TrimSpace(strings.SplitN(lines[i], "│", 2)[0]) == "" && i < 36 {
			t.Errorf("row %d of the list is empty:\n%s", i, screen(m))
			break
		}
	}
}

// TestFilteredListCounts checks defect 11's first part: a filtered list
// says how many of the story's articles match, not the story's count.
func TestFilteredListCounts(t *testing.T) {
	m := newModel(t, seed(t), 120, 40)
	m = press(m, "tab", "/")
	m = typeText(m, "al jaz")
	m = press(m, "enter")
	if s := screen(m); !strings.Contains(s, "· 1 of 5") {
		t.Errorf("filtered list lacks \"· 1 of 5\":\n%s", s)
	}
	m = press(m, "esc")
	if s := screen(m); !strings.Contains(s, "· 5") || strings.Contains(s, " of 5") {
		t.Errorf("unfiltered list should say \"· 5\":\n%s", s)
	}
}

// TestNarrowListMode checks defect 11's second part: with only the list on
// screen (below 100 columns), the status bar says ARTICLES, not COMPARE,
// and no border stands at the right edge with nothing beside it.
func TestNarrowListMode(t *testing.T) {
	m := newModel(t, seed(t), 80, 24)
	m = press(m, "tab")
	lines := screenLines(m)
	status := lines[len(lines)-2]
	if !strings.HasPrefix(status, " ARTICLES ") || !strings.Contains(status, "article 1/5") {
		t.Errorf("status bar %q, want ARTICLES and the cursor's place", status)
	}
	for i, l := range lines[:len(lines)-2] {
		if strings.HasSuffix(strings.TrimRight(l, " "), "│") {
			t.Errorf("row %d ends with a border: %q", i, l)
		}
	}
	m = press(m, "tab")
	if status := screenLines(m)[22]; !strings.HasPrefix(status, " COMPARE ") {
		t.Errorf("comparison on screen: status bar %q, want COMPARE", status)
	}
}

// mixedStory is three articles about one event and one about another,
// filed as one story, as a flat folder of them can be.
func mixedStory() *corpus.Corpus {
	texts := []struct{ id, outlet, text string }{
		{"k1", "Korea Herald", "North Korea fires missile\n\nNorth Korea fired a ballistic missile into the sea off its east coast on Sunday, the South Korean military said.\n\nThe launch was the third this month, and Japan protested it.\n"},
		{"fox", "Fox Sports", "Quarterback signs record deal\n\nThe quarterback agreed to a five-year contract extension worth a record sum on Friday.\n\nFans cheered outside the stadium as the team announced it.\n"},
		{"k2", "Yonhap", "Pyongyang launches missile\n\nNorth Korea fired a ballistic missile into the sea off its east coast on Sunday, South Korea's military said.\n\nJapan protested the launch, the third this month.\n"},
		{"k3", "NHK", "Missile lands in sea\n\nNorth Korea fired a ballistic missile into the sea off its east coast on Sunday, according to the South Korean military.\n\nTokyo lodged a protest.\n"},
	}
	st := &corpus.Story{Name: "North Korea missile"}
	for _, t := range texts {
		a := corpus.Parse(t.id, []byte(t.text))
		a.Outlet, a.Title, a.Story = t.outlet, strings.SplitN(t.text, "\n", 2)[0], st.Name
		st.Articles = append(st.Articles, a)
	}
	return &corpus.Corpus{Name: "mixed", Stories: []*corpus.Story{st}}
}

// TestUnrelatedArticleFlagged checks defect 5: a pair that shares no
// passage says so in the header, and the list marks the article that
// pairs with nothing in its story.
func TestUnrelatedArticleFlagged(t *testing.T) {
	c := mixedStory()
	m := newModel(t, c, 120, 40)
	if m.right.ID != "fox" {
		t.Fatalf("opened %s against %s, want the unrelated one on the right", m.left.ID, m.right.ID)
	}
	s := screen(m)
	if !strings.Contains(s, "these articles share no passage — different stories?") {
		t.Errorf("the header does not say the pair shares no passage:\n%s", s)
	}
	foxRow := ""
	for _, l := range screenLines(m) {
		if list := strings.SplitN(l, "│", 2)[0]; strings.Contains(list, "Fox Sports") {
			foxRow = list
			break
		}
	}
	if !strings.Contains(foxRow, "unrelated?") {
		t.Errorf("the list does not mark the unrelated article: %q", foxRow)
	}
	for _, l := range screenLines(m) {
		if list := strings.SplitN(l, "│", 2)[0]; strings.Contains(list, "Yonhap") && strings.Contains(list, "unrelated?") {
			t.Errorf("a related article is marked unrelated: %q", l)
		}
	}
	// A related pair has its rule, no warning.
	m = press(m, "]")
	if s := screen(m); strings.Contains(s, "share no passage") {
		t.Errorf("%s against %s: warned of no shared passage:\n%s", m.left.ID, m.right.ID, s)
	}
}

// TestHeaderDateSiteAndLink checks that the comparison's header gives each
// side's date and address where known, and links the outlet to its URL
// with OSC 8 only when the terminal draws links and the URL is a web
// address.
func TestHeaderDateSiteAndLink(t *testing.T) {
	c := mixedStory()
	arts := c.Articles()
	arts[0].Date, arts[0].URL = "2024-05-12", "https://www.koreaherald.com/view?ud=1"
	arts[1].URL = "javascript:alert(1)"
	defer func() { arts[0].Date, arts[0].URL, arts[1].URL = "", "", "" }()

	m := newModelOpts(t, c, 160, 45, Options{Renderer: renderer(termenv.TrueColor), Hyperlinks: true})
	view := m.View()
	head := ansi.Strip(strings.Split(view, "\n")[0])
	if !strings.Contains(head, "Korea Herald · 35 words · 2024-05-12 · www.koreaherald") {
		t.Errorf("header %q lacks the date and site", head)
	}
	if !strings.Contains(view, "\x1b]8;;https://www.koreaherald.com/view?ud=1\x1b\\") {
		t.Errorf("no OSC 8 link to the left article")
	}
	if strings.Contains(view, "\x1b]8;;javascript") {
		t.Errorf("a javascript: URL was linked")
	}
	m = newModelOpts(t, c, 160, 45, Options{Renderer: renderer(termenv.TrueColor)})
	if strings.Contains(m.View(), "\x1b]8;;") {
		t.Errorf("OSC 8 links where the terminal was not said to draw them")
	}
}

// TestQuoteWordingOpensComparison checks that enter on a wording in the
// quotes view opens the comparison at that passage: the wording's article
// on the left, the most common wording's on the right, the quote on screen.
func TestQuoteWordingOpensComparison(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	m = press(m, "2", "enter") // the first utterance's wordings
	m = press(m, "enter")
	if m.page != pageCompare {
		t.Fatalf("enter on a wording stayed on %s", m.page)
	}
	if m.left == nil || m.right == nil || m.left == m.right {
		t.Fatalf("opened %v against %v", m.left, m.right)
	}
	if s := screen(m); !strings.Contains(s, "Russia, if you’re listening") {
		t.Errorf("the comparison does not show the quote:\n%s", s)
	}
}

// TestLoadingIndicator checks that a reader given a loader says what it is
// loading, with a spinner, until the corpus comes, then opens it; and that
// a failed load says why.
func TestLoadingIndicator(t *testing.T) {
	loaded := false
	m := New(nil, testCache, Options{
		Renderer: renderer(termenv.Ascii),
		Loading:  "the articles in ~/news",
		Load: func(ctx context.Context) (*corpus.Corpus, []string, error) {
			loaded = true
			return seed(t), []string{"bad.txt: skipped: binary file"}, nil
		},
	})
	m = send(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	if s := screen(m); !strings.Contains(s, "loading the articles in ~/news…") || loaded {
		t.Errorf("before the load:\n%s", s)
	}
	if _, cmd := m.Update(keyMsg("q")); cmd == nil || cmd() != tea.Quit() {
		t.Errorf("q does not quit while loading")
	}
	m = runCmd(m, m.Init())
	s := screen(m)
	if !loaded || !strings.Contains(s, "Swell Digest") || !strings.Contains(s, "warning: bad.txt") {
		t.Errorf("after the load:\n%s", s)
	}
	checkFits(t, m, 100, 30)

	m = New(nil, testCache, Options{
		Renderer: renderer(termenv.Ascii),
		Loading:  "~/news",
		Load: func(ctx context.Context) (*corpus.Corpus, []string, error) {
			return nil, nil, errors.New("open ~/news: permission denied")
		},
	})
	m = send(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m = runCmd(m, m.Init())
	if s := screen(m); !strings.Contains(s, "Could not load ~/news: open ~/news: permission denied") {
		t.Errorf("failed load:\n%s", s)
	}
}
