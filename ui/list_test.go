package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// testList is a list of two one-row headings with three two-row entries
// under each: "A" then a1, a2, a3, "B" then b1, b2, b3.
func testList(height int) (list, *KeyMap) {
	var l list
	labels := []string{"A", "a1", "a2", "a3", "B", "b1", "b2", "b3"}
	var le []listEntry
	for i, lab := range labels {
		if len(lab) == 1 {
			le = append(le, listEntry{item: i, height: 1, head: true, context: 1})
			continue
		}
		le = append(le, listEntry{item: i, height: 2, label: lab})
	}
	l.SetHeight(height)
	l.SetEntries(le)
	k := DefaultKeyMap()
	return l, &k
}

func TestListSkipsHeadings(t *testing.T) {
	tests := []struct {
		keys []string
		want int // the item under the cursor
	}{
		{nil, 1},
		{[]string{"k"}, 1},
		{[]string{"j"}, 2},
		{[]string{"j", "j", "j"}, 5}, // over heading B
		{[]string{"j", "j", "j", "k"}, 3},
		{[]string{"G"}, 7},
		{[]string{"G", "j"}, 7},
		{[]string{"G", "g"}, 1},
	}
	for _, tt := range tests {
		l, k := testList(20)
		for _, name := range tt.keys {
			l.Update(keyMsg(name), k)
		}
		if got := l.Selected(); got != tt.want {
			t.Errorf("after %q: item %d, want %d", tt.keys, got, tt.want)
		}
	}
}

func TestListPageMovesAPage(t *testing.T) {
	// The window is 4 rows: a page down moves the cursor 4 rows, two
	// entries, and the window with it, to the top of the entry it would
	// cut (see TestListTopIsAnEntrysFirstRow).
	tests := []struct {
		keys    []string
		want    int
		wantTop int
	}{
		{[]string{"pgdown"}, 3, 3},
		{[]string{"pgdown", "pgdown"}, 5, 7}, // heading B is kept above b1
		{[]string{"pgdown", "pgup"}, 1, 0},
		{[]string{"ctrl+d"}, 2, 1},
		{[]string{"ctrl+d", "ctrl+u"}, 1, 0},
	}
	for _, tt := range tests {
		l, k := testList(4)
		for _, name := range tt.keys {
			l.Update(keyMsg(name), k)
		}
		if got, top := l.Selected(), l.scroll.Top(); got != tt.want || top != tt.wantTop {
			t.Errorf("after %q: item %d at top %d, want %d at top %d", tt.keys, got, top, tt.want, tt.wantTop)
		}
	}
}

func TestListFilterKeepsHeadings(t *testing.T) {
	l, _ := testList(20)
	l.Select(6)
	l.SetFilter("B2", nil)
	if l.Len() != 2 || !l.Entry(0).heading() || l.Selected() != 6 {
		t.Fatalf("filter b2: %d entries, selected %d", l.Len(), l.Selected())
	}
	l.SetFilter("nothing", nil)
	if l.Len() != 0 || l.Selected() != -1 {
		t.Errorf("filter with no match: %d entries, selected %d", l.Len(), l.Selected())
	}
	l.SetFilter("", nil)
	if l.Len() != 8 {
		t.Errorf("no filter: %d entries", l.Len())
	}
}

func TestListClickAndWheel(t *testing.T) {
	l, k := testList(20)
	if l.Click(0) || l.Selected() != 1 {
		t.Errorf("a click on a heading moved the cursor to %d", l.Selected())
	}
	if !l.Click(8) || l.Selected() != 5 { // rows: A, a1 a1, a2 a2, a3 a3, B, b1
		t.Errorf("click on row 8: item %d, want 5", l.Selected())
	}
	l.Update(tea.MouseMsg{Button: tea.MouseButtonWheelDown}, k)
	if l.Selected() != 6 {
		t.Errorf("wheel down: item %d, want 6", l.Selected())
	}
}

// TestMatrixPageDown is a regression test: page down in the matrix moved
// the cursor half a page, as half page down does.
func TestMatrixPageDown(t *testing.T) {
	// At 60×12 the matrix shows three rows of the seed story's five.
	m := press(newModel(t, seed(t), 60, 12), "3")
	if rows := matrixOf(m).matrixRows(); rows != 3 {
		t.Fatalf("the matrix shows %d rows, want 3", rows)
	}
	tests := []struct {
		keys []string
		row  int
	}{
		{[]string{"pgdown"}, 3},
		{[]string{" "}, 3},
		{[]string{"ctrl+d"}, 1},
		{[]string{"pgdown", "pgup"}, 0},
		{[]string{"pgdown", "ctrl+u"}, 2},
	}
	for _, tt := range tests {
		p := matrixOf(press(press(newModel(t, seed(t), 60, 12), "3"), tt.keys...))
		if p.row() != tt.row {
			t.Errorf("after %q: row %d, want %d", tt.keys, p.row(), tt.row)
		}
	}
}

// TestListsAnswerTheSameKeys: the articles, the quotes, the passages and
// the matrix's rows all move through one list, so g, G, j and a page
// down do the same in each.
func TestListsAnswerTheSameKeys(t *testing.T) {
	views := []struct {
		name  string
		keys  []string // to reach the list with the keys
		list  func(Model) list
		first int // the first item: the list's first entry may be a heading
	}{
		{"articles", []string{"tab"}, func(m Model) list { return m.compare.articles.list }, 1},
		{"quotes", []string{"2"}, func(m Model) list { return quotesOf(m).list }, 0},
		{"passages", []string{"4"}, func(m Model) list { return passagesOf(m).list }, 0},
		{"matrix", []string{"3"}, func(m Model) list { return matrixOf(m).rows }, 0},
	}
	for _, v := range views {
		m := press(newModel(t, seed(t), 100, 30), v.keys...)
		l := v.list(m)
		if l.Len() < 3 {
			t.Fatalf("%s: only %d entries", v.name, l.Len())
		}
		last := -1
		for i := l.Len() - 1; i >= 0 && last < 0; i-- {
			if e := l.Entry(i); !e.heading() {
				last = e.item
			}
		}
		if got := v.list(press(m, "G")).Selected(); got != last {
			t.Errorf("%s: G selects %d, want the last, %d", v.name, got, last)
		}
		if got := v.list(press(m, "G", "g")).Selected(); got != v.first {
			t.Errorf("%s: G g selects %d, want the first, %d", v.name, got, v.first)
		}
		if got := v.list(press(m, "j")).Selected(); got <= v.first {
			t.Errorf("%s: j selects %d, not below the first", v.name, got)
		}
		pg := v.list(press(m, "pgdown"))
		if row := pg.RowOf(pg.Cursor()); row < pg.scroll.height-pg.Entry(pg.Cursor()).height && pg.Selected() != last {
			t.Errorf("%s: page down moved the cursor to row %d, less than a page of %d", v.name, row, pg.scroll.height)
		}
	}
}

// TestListSaysWhatItsFiguresAre checks that the articles list's header
// says what the figure beside each outlet is, its similarity to the left
// article: "Press TV 17%" stood there with nothing on screen, nor in the
// README, saying 17% of what.
func TestListSaysWhatItsFiguresAre(t *testing.T) {
	for _, tt := range []struct {
		size [2]int
		want string
	}{
		{[2]int{160, 45}, "% similar to left"},
		{[2]int{100, 30}, "% similar"},
		{[2]int{80, 24}, "% similar to left"}, // the list alone
	} {
		m := press(newModel(t, seed(t), tt.size[0], tt.size[1]), "tab")
		header := screenLines(m)[0]
		if i := strings.Index(header, "│"); i >= 0 {
			header = header[:i]
		}
		if !strings.HasSuffix(strings.TrimRight(header, " "), tt.want) {
			t.Errorf("%dx%d: the list's header %q does not end %q", tt.size[0], tt.size[1], header, tt.want)
		}
	}
}
