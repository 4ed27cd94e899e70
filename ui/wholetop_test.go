package ui

import (
	"fmt"
	"strings"
	"testing"
)

// TestListTopIsAnEntrysFirstRow is a regression test: the list scrolled
// by rows, so that after a filter, a step down or a page key the top row
// could be the second row of an entry (an article's title, its outlet
// above the window). The top row is now an entry's first, or a heading's,
// as bubbles/list shows its items whole, and the cursor's entry stays in
// view.
func TestListTopIsAnEntrysFirstRow(t *testing.T) {
	moves := [][]string{
		{"j"}, {"j", "j"}, {"j", "j", "j"}, {"j", "j", "j", "j", "j"},
		{"G"}, {"G", "k"}, {"G", "k", "k"}, {"pgdown"}, {"pgdown", "pgdown"},
		{"ctrl+d"}, {"ctrl+d", "ctrl+d"}, {"G", "ctrl+u"}, {"G", "pgup"},
	}
	for height := 3; height <= 8; height++ {
		for _, keys := range moves {
			for _, filter := range []string{"", "2", "b", "a3"} {
				name := fmt.Sprintf("height %d, %s, filter %q", height, strings.Join(keys, " "), filter)
				l, k := testList(height)
				for _, key := range keys {
					l.Update(keyMsg(key), k)
				}
				l.SetFilter(filter, nil)
				checkWholeTop(t, name, l)
				for _, key := range keys {
					l.Update(keyMsg(key), k)
				}
				checkWholeTop(t, name+", then "+strings.Join(keys, " "), l)
			}
		}
	}
}

func checkWholeTop(t *testing.T, name string, l list) {
	t.Helper()
	if l.Len() == 0 {
		return
	}
	top := l.scroll.Top()
	i := l.entryAt(top)
	if l.RowOf(i) != top && !l.Entry(i).heading() {
		t.Errorf("%s: the top row %d is row %d of entry %d", name, top, top-l.RowOf(i)+1, i)
	}
	c := l.Cursor()
	if from, to := l.RowOf(c), l.RowOf(c)+l.Entry(c).height; from < top || to > top+l.scroll.height {
		t.Errorf("%s: the cursor's entry, rows %d to %d, is not wholly in the window from %d", name, from, to, top)
	}
}

// TestArticlesListShowsWholeEntries: in the reader, a narrow screen's
// list of a story's articles showed an article's title at the top, its
// outlet above the window, after a filter or j.
func TestArticlesListShowsWholeEntries(t *testing.T) {
	var files []string
	for i := range 14 {
		files = append(files, fmt.Sprintf("outlet%02d.txt", i),
			fmt.Sprintf("Council votes on the bridge, take %d\n\nThe council met on Tuesday and voted to rebuild the old bridge over the river, officials said on day %d.\n", i, i))
	}
	c := filesCorpus(t, "bridge", files...)
	for _, keys := range [][]string{
		{"j", "j", "j", "j", "j", "j", "j", "j"},
		{"G", "k", "k", "k", "k", "k"},
		{"j", "j", "j", "j", "j", "j", "j", "j", "/", "1", "enter"},
		{"G", "/", "0", "enter"},
		{"ctrl+d", "ctrl+d"},
	} {
		for _, size := range [][2]int{{60, 20}, {160, 17}} {
			m := newModel(t, c, size[0], size[1])
			m = press(m, "tab")
			for _, k := range keys {
				m = press(m, k)
			}
			// The list's first row below its header: an outlet, not a
			// title.
			first, _, _ := strings.Cut(screenLines(m)[1], "│")
			if strings.Contains(first, "Council") {
				t.Errorf("%dx%d after %s: the list's top row is a title: %q", size[0], size[1], strings.Join(keys, " "), first)
			}
		}
	}
}
