package ui

import (
	"strings"
	"testing"
)

// TestIncludeKeepsTheListFromItsTop is a regression test: on a folder,
// the filter "illinois lottery" put the cursor on the first article whose
// title held it; the articles whose text held it came a moment later,
// many of them from stories above, and the cursor stayed on its article,
// now at the window's foot, the list scrolled down to it: the finds at
// the top of the list and their story's heading were out of sight. A
// cursor on the first entry stays on the first; one the reader moved
// stays on its entry.
func TestIncludeKeepsTheListFromItsTop(t *testing.T) {
	var entries []listEntry
	for i := range 200 {
		if i%20 == 0 {
			entries = append(entries, listEntry{item: i, height: 1, head: true, context: 1})
			continue
		}
		label := "other"
		if i > 100 {
			label = "lottery"
		}
		entries = append(entries, listEntry{item: i, height: 2, label: label})
	}
	found := map[int]bool{}
	var items []int
	for i := 21; i < 40; i++ { // the articles of a story above, by their text
		found[i], items = true, append(items, i)
	}
	also := func(item int) bool { return found[item] }
	for _, tc := range []struct {
		name     string
		moves    int // j pressed before the finds come
		wantItem int
	}{
		{"the cursor where the filter put it", 0, 21},
		{"the cursor the reader moved", 2, 103},
	} {
		var l list
		l.SetEntries(entries)
		l.SetHeight(10)
		l.SetFilter("lottery", nil)
		if got := l.Selected(); got != 101 {
			t.Fatalf("%s: the filter put the cursor on %d, want 101", tc.name, got)
		}
		l.Move(tc.moves)
		l.Include(items, also)
		if got := l.Selected(); got != tc.wantItem {
			t.Errorf("%s: after the finds, the cursor is on %d, want %d", tc.name, got, tc.wantItem)
		}
		if tc.moves == 0 && l.scroll.Top() != 0 {
			var top []string
			l.Window(func(i int, e listEntry, skip int) bool {
				top = append(top, strings.TrimSpace(e.label))
				return len(top) < 3
			})
			t.Errorf("%s: the list shows from row %d, want its top (%v)", tc.name, l.scroll.Top(), top)
		}
	}
}
