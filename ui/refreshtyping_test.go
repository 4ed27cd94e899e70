package ui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus/analysis"
)

// TestRefreshKeepsTheFilterBeingTyped is a regression test: a refresh of
// the archive that came while a filter was typed (in the first second or
// so of a large archive) made the reader anew, the filter and the pane
// with the keys gone: the rest of the word typed went to the comparison
// as keys, where e exported a page and s swapped the sides. The filter,
// typed or in effect, the pane with the keys and the comparison's mode
// stay as they were.
func TestRefreshKeepsTheFilterBeingTyped(t *testing.T) {
	for _, accept := range []bool{false, true} {
		lib := staleListing(t, func(dir string) {
			writeText(t, dir, "zoo.txt", strings.Replace(zooText, "Panda cub born", "Twin panda cubs born", 1))
		})
		m := New(nil, analysis.NewCache(), Options{Renderer: renderer(termenv.Ascii), Loading: "the archive",
			Open: func(context.Context) (Library, []string, error) { return lib, nil, nil }})
		m = send(m, tea.WindowSizeMsg{Width: 120, Height: 30})
		tm, refresh := m.Update(loadedMsg{c: lib.Corpus(), lib: lib})
		m = press(tm.(Model), "v", "tab", "/")
		m = typeText(m, "pan")
		if accept {
			m = press(m, "enter")
		}
		m = runCmd(m, refresh)
		if !strings.Contains(screen(m), "list refreshed") {
			t.Fatalf("the archive was not refreshed:\n%s", screen(m))
		}
		a := m.compare.articles
		if a.Filtering() == accept || a.Filter() != "pan" {
			t.Errorf("after the refresh, filtering %v, filter %q; want %v, %q", a.Filtering(), a.Filter(), !accept, "pan")
		}
		if m.compare.focus != focusArticles || m.compare.pane.Mode() != inline {
			t.Errorf("after the refresh, focus %v, mode %v; want the articles, inline", m.compare.focus, m.compare.pane.Mode())
		}
		if !accept {
			m = typeText(m, "da")
			m = press(m, "enter")
		}
		s := screen(m)
		if !strings.Contains(s, "Twin panda") || strings.Contains(s, "Monsoon") {
			t.Errorf("the filter typed does not list the refreshed article alone:\n%s", s)
		}
	}
}

// TestRefreshKeepsTheSearchBeingTyped: as the filter, a search of the
// comparison typed while the archive's refresh came stays, and searches
// the comparison shown after it.
func TestRefreshKeepsTheSearchBeingTyped(t *testing.T) {
	lib := staleListing(t, func(dir string) {
		writeText(t, dir, "zoo.txt", strings.Replace(zooText, "Panda cub born", "Twin panda cubs born", 1))
	})
	m := New(nil, analysis.NewCache(), Options{Renderer: renderer(termenv.Ascii), Loading: "the archive",
		Open: func(context.Context) (Library, []string, error) { return lib, nil, nil }})
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 30})
	// The comparison comes, and the refresh is held until the search is
	// being typed.
	tm, cmd := m.Update(loadedMsg{c: lib.Corpus(), lib: lib})
	m = tm.(Model)
	var refresh tea.Msg
	for _, c := range cmd().(tea.BatchMsg) {
		if c == nil {
			continue
		}
		if msg, ok := c().(refreshedMsg); ok {
			refresh = msg
			continue
		}
		m = runCmd(m, c)
	}
	if refresh == nil {
		t.Fatal("no refresh asked for")
	}
	m = press(m, "/")
	m = typeText(m, "Russ")
	m = send(m, refresh)
	if p := m.compare.pane; !p.Searching() || p.input.Value() != "Russ" {
		t.Fatalf("after the refresh, searching %v for %q; want the search typed", p.Searching(), p.input.Value())
	}
	m = typeText(m, "ia")
	m = press(m, "enter")
	if p := m.compare.pane; p.Query() != "Russia" || p.lay == nil || len(p.lay.hits) == 0 {
		t.Errorf("the search typed across the refresh is %q and found nothing:\n%s", p.Query(), screen(m))
	}
}
