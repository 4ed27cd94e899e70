package ui

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/newsdiff/newsdiff/corpus"
)

// click sends a left click at x, y.
func click(m Model, x, y int) Model {
	return send(m, tea.MouseMsg{X: x, Y: y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
}

// TestClickInStoryViews checks that a click acts in the views of the story
// as it does in the articles list: it focuses a pane and moves the cursor
// to what it is on. It did nothing there, in the quotes' list and
// wordings, the passages and the matrix, though the key table said a
// click moved the list cursor.
func TestClickInStoryViews(t *testing.T) {
	for _, size := range [][2]int{{160, 45}, {80, 24}} {
		m := press(newModel(t, seed(t), size[0], size[1]), "2")
		// The quotes: a click on an entry's second line puts the cursor
		// on it.
		m = click(m, 5, 8)
		if got := quotesOf(m).cursor(); got != 3 {
			t.Errorf("%dx%d quotes: a click on row 8 put the cursor on entry %d, want 3:\n%s", size[0], size[1], got, screen(m))
		}
		if l := screenLines(m)[7]; !strings.HasPrefix(l, "▌") {
			t.Errorf("%dx%d quotes: the clicked entry is not marked: %q", size[0], size[1], l)
		}
		if size[0] >= dualPaneWidth {
			m = click(m, size[0]-10, 5)
			if !quotesOf(m).DetailFocused() {
				t.Errorf("%dx%d quotes: a click on the wordings did not focus them", size[0], size[1])
			}
			m = click(m, 5, 2)
			if quotesOf(m).DetailFocused() || quotesOf(m).cursor() != 0 {
				t.Errorf("%dx%d quotes: a click on the list: focus on the wordings %v, cursor %d, want the list, 0",
					size[0], size[1], quotesOf(m).DetailFocused(), quotesOf(m).cursor())
			}
		}

		// The passages: a click on an entry selects it.
		m = press(m, "4")
		y := -1
		for i, l := range screenLines(m) {
			if strings.Contains(l, "¶12") {
				y = i
				break
			}
		}
		if y < 0 {
			t.Fatalf("%dx%d passages: no ¶12 on screen:\n%s", size[0], size[1], screen(m))
		}
		m = click(m, 10, y)
		if l := screenLines(m)[y]; !strings.HasPrefix(l, "▌") || passagesOf(m).cursor() == 0 {
			t.Errorf("%dx%d passages: a click on %q did not select it:\n%s", size[0], size[1], l, screen(m))
		}

		// The matrix: a click on a cell puts the cursor there.
		m = press(m, "3")
		lines := screenLines(m)
		row, x := -1, -1
		for i, l := range lines {
			if strings.HasPrefix(l, " Press TV ") {
				row = i
			}
			if c := strings.Index(l, "Al Jazeera"); c > 0 && x < 0 && strings.Contains(l, "TRT World") {
				x = ansi.StringWidth(l[:c]) + 2
			}
		}
		if row < 0 || x < 0 {
			t.Fatalf("%dx%d matrix: no Press TV row or Al Jazeera column:\n%s", size[0], size[1], screen(m))
		}
		m = click(m, x, row)
		if r, c := matrixOf(m).Cursor(); r.Outlet != "Press TV" || c.Outlet != "Al Jazeera" {
			t.Errorf("%dx%d matrix: a click on Press TV → Al Jazeera put the cursor on %s → %s:\n%s",
				size[0], size[1], r.Outlet, c.Outlet, screen(m))
		}
		// Below the matrix, a click moves nothing.
		m = click(m, 2, size[1]-3)
		if r, c := matrixOf(m).Cursor(); r.Outlet != "Press TV" || c.Outlet != "Al Jazeera" {
			t.Errorf("%dx%d matrix: a click under the matrix moved the cursor to %s → %s", size[0], size[1], r.Outlet, c.Outlet)
		}
	}
}

// TestClickBelowAListMovesNothing checks that a click under a list's last
// row on screen, on the status bar or the help line, leaves the cursor
// where it is: it selected the entry that would have been drawn there,
// off screen, and scrolled the list to it.
func TestClickBelowAListMovesNothing(t *testing.T) {
	fs := fstest.MapFS{}
	for i := range 30 {
		fs[fmt.Sprintf("a%02d.txt", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("Title number %d about the rain\n\nSome text number %d about the rain in Spain.\n", i, i))}
	}
	c, _, err := corpus.LoadFS(fs, "many")
	if err != nil {
		t.Fatal(err)
	}
	m := press(newModel(t, c, 120, 30), "tab")
	for _, y := range []int{28, 29} {
		m = click(m, 5, y)
		if got := m.compare.articles.Selected().ID; got != "a00" {
			t.Errorf("articles: a click on row %d selected %s, want a00 still", y, got)
		}
	}
	m = press(newModel(t, seed(t), 100, 30), "2")
	for _, y := range []int{28, 29} {
		m = click(m, 5, y)
		if got := quotesOf(m).cursor(); got != 0 {
			t.Errorf("quotes: a click on row %d put the cursor on entry %d, want 0 still", y, got)
		}
	}
	m = press(m, "4")
	for _, y := range []int{28, 29} {
		m = click(m, 5, y)
		if got := passagesOf(m).cursor(); got != 0 {
			t.Errorf("passages: a click on row %d put the cursor on entry %d, want 0 still", y, got)
		}
	}
}

// TestClickWhileTypingKeepsFocus is a regression test: a click on the
// other pane while a search or a filter was typed moved the focus there,
// and the list's cursor to the article clicked, while the keys still
// went to the query: the accent and ▸ marked one pane and the letters
// typed went into the other's, and enter then left the reader in the
// pane clicked, not the one searched. tab does nothing while a query is typed,
// and nor does a click on the other pane.
func TestClickWhileTypingKeepsFocus(t *testing.T) {
	for _, tt := range []struct {
		keys  []string
		x, y  int
		typed string
		focus focus
		query func(Model) string
	}{
		{[]string{"/", "e"}, 5, 6, "m", focusCompare, func(m Model) string { return m.compare.pane.input.Value() }},
		{[]string{"tab", "/", "p"}, 60, 10, "r", focusArticles, func(m Model) string { return m.compare.articles.input.Value() }},
	} {
		m := press(newModel(t, seed(t), 100, 30), tt.keys...)
		selected := m.compare.articles.Selected()
		m = click(m, tt.x, tt.y)
		if m.compare.focus != tt.focus {
			t.Errorf("after %q, a click at %d,%d moved the focus, the query being typed", tt.keys, tt.x, tt.y)
		}
		if got := m.compare.articles.Selected(); got != selected {
			t.Errorf("after %q, a click at %d,%d moved the list's cursor, the query being typed", tt.keys, tt.x, tt.y)
		}
		m = press(m, tt.typed)
		if q, want := tt.query(m), tt.keys[len(tt.keys)-1]+tt.typed; q != want {
			t.Errorf("after %q and a click, %s made the query %q, want %q", tt.keys, tt.typed, q, want)
		}
	}
}
