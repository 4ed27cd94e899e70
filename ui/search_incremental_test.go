package ui

import (
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
)

// TestPasteIsOneSearch is a regression test: 48 KB pasted into the
// comparison's search, arriving as runes without bracketing (over SSH),
// searched and repainted the comparison once per rune up to the query's
// cap, about 4 s of CPU. It is now one search, and runes past the cap
// cost none.
func TestPasteIsOneSearch(t *testing.T) {
	m := newModel(t, seed(t), 120, 30)
	m = press(m, "/")
	if !m.compare.pane.Searching() {
		t.Fatal("/ did not start a search")
	}
	lay := m.compare.pane.lay
	start, cells := lay.searches, lay.searched
	paste := []rune(strings.Repeat("the ", 12*1024)) // 48 KB
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: paste})
	lay = m.compare.pane.lay
	if got := lay.searches - start; got != 1 || lay.searched-cells > len(lay.cells) {
		t.Errorf("a 48 KB paste ran %d searches over %d cells; want one, over at most the comparison's %d", got, lay.searched-cells, len(lay.cells))
	}
	if q := m.compare.pane.input.Value(); len([]rune(q)) != maxQuery {
		t.Errorf("query of %d runes, want the cap, %d", len([]rune(q)), maxQuery)
	}
	// More runes past the cap change nothing and search nothing.
	before := lay.searches
	for range 100 {
		m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("xyz")})
	}
	if got := m.compare.pane.lay.searches - before; got != 0 {
		t.Errorf("runes past the cap ran %d searches", got)
	}
}

// TestSearchNarrows: each letter typed searches only the cells where the
// query before it matched, and finds what a search from scratch finds.
// (Without attributes, matches are starred in the text, so each query
// lays the comparison out anew.)
func TestSearchNarrows(t *testing.T) {
	m := newModelOpts(t, seed(t), 120, 30, Options{Renderer: renderer(termenv.ANSI256)})
	m = press(m, "/")
	lay := m.compare.pane.lay
	for i, r := range "russia" {
		matched := 0
		for ci := range lay.cells {
			if len(lay.matches(ci)) > 0 {
				matched++
			}
		}
		before := lay.searched
		m = send(m, keyMsg(string(r)))
		lay = m.compare.pane.lay
		searched := lay.searched - before
		if i == 0 && searched != len(lay.cells) || i > 0 && searched > matched {
			t.Errorf("letter %d (%q): searched %d cells; %d matched the query before", i+1, r, searched, matched)
		}
	}
	narrowed := append([]hit(nil), lay.hits...)
	lay.query = "" // a search from scratch
	lay.setQuery("russia", m.compare.pane.painter)
	if len(narrowed) == 0 || len(lay.hits) != len(narrowed) {
		t.Errorf("typed letter by letter: %d hits; from scratch: %d", len(narrowed), len(lay.hits))
	}
}

// TestListFilterNarrows: each letter added to the list's filter looks only
// at the entries the filter before it let through, and lets through what
// filtering from scratch would.
func TestListFilterNarrows(t *testing.T) {
	var entries []listEntry
	for i := range 1000 {
		if i%10 == 0 {
			entries = append(entries, listEntry{item: i, height: 1, head: true})
			continue
		}
		entries = append(entries, listEntry{item: i, height: 2, label: strings.Repeat("ab", i%7) + "x" + string(rune('a'+i%26))})
	}
	var l list
	l.SetEntries(entries)
	query := ""
	for _, r := range "ababx" {
		shown := 0
		for i := range l.Len() {
			if !l.Entry(i).heading() {
				shown++
			}
		}
		before := l.tested
		query += string(r)
		l.SetFilter(query, nil)
		tested := l.tested - before
		if len(query) > 1 && tested > shown {
			t.Errorf("filter %q looked at %d entries; %d were shown before it", query, tested, shown)
		}
		var fresh list
		fresh.SetEntries(entries)
		fresh.SetFilter(query, nil)
		if fresh.Len() != l.Len() {
			t.Errorf("filter %q: %d entries shown narrowing, %d from scratch", query, l.Len(), fresh.Len())
		}
		for i := range l.Len() {
			if l.Entry(i).item != fresh.Entry(i).item {
				t.Errorf("filter %q: entry %d is %d narrowing, %d from scratch", query, i, l.Entry(i).item, fresh.Entry(i).item)
				break
			}
		}
	}
}

// TestListInclude: merging an archive search's finds into the list shows
// what filtering every entry again with them would.
func TestListInclude(t *testing.T) {
	var entries []listEntry
	for i := range 300 {
		if i%25 == 0 || i == 7 {
			entries = append(entries, listEntry{item: i, height: 1, head: true})
			continue
		}
		entries = append(entries, listEntry{item: i, height: 2, label: strings.Repeat("q", i%5)})
	}
	found := map[int]bool{3: true, 8: true, 9: true, 140: true, 299: true, 4: true}
	also := func(item int) bool { return found[item] }
	var merged, fresh list
	merged.SetEntries(entries)
	merged.SetFilter("qqqq", nil)
	merged.Include([]int{299, 3, 140, 8, 9, 4, 7, 1000}, also) // 7 is a heading, 1000 no entry
	fresh.SetEntries(entries)
	fresh.SetFilter("qqqq", also)
	var got, want []int
	for i := range merged.Len() {
		got = append(got, merged.Entry(i).item)
	}
	for i := range fresh.Len() {
		want = append(want, fresh.Entry(i).item)
	}
	if !slices.Equal(got, want) {
		t.Errorf("merged: %v\nfrom scratch: %v", got, want)
	}
}
