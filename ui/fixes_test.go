package ui

import (
	"fmt"

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
