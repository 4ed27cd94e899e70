package ui

import (
	"strings"
	"testing"
)

// TestFilterEditsAtItsCursor types a filter, goes back into it and
// corrects it, through the reader's keys: ←, home, end, delete and ctrl+u
// edit the filter (rather than move the list, or do nothing), what is
// typed goes where the cursor is, and the header draws the cursor there.
func TestFilterEditsAtItsCursor(t *testing.T) {
	m := newModel(t, seed(t), 160, 30)
	m = press(m, "tab", "/")
	m = typeText(m, "Gardian")
	m = press(m, "left", "left", "left", "left", "left", "left")
	m = typeText(m, "u")
	if got := m.compare.articles.filter; got != "Guardian" {
		t.Fatalf("typed Gardian, ← 6 times, u: the filter is %q, want Guardian", got)
	}
	if s := screen(m); !strings.Contains(s, "/ Gu▏ardian") {
		t.Errorf("the cursor is not drawn after the u typed:\n%s", s)
	}
	if m = press(m, "home"); !strings.Contains(screen(m), "/ ▏Guardian") {
		t.Errorf("home: the cursor is not drawn at the start:\n%s", screen(m))
	}
	m = press(m, "delete", "end")
	m = typeText(m, "s")
	if got := m.compare.articles.filter; got != "uardians" {
		t.Errorf("home, delete, end, s: the filter is %q, want uardians", got)
	}
	m = press(m, "left", "ctrl+u")
	if got := m.compare.articles.filter; got != "s" {
		t.Errorf("←, ctrl+u: the filter is %q, want s", got)
	}
	if !m.compare.articles.Filtering() {
		t.Error("editing the filter closed it")
	}
}

// TestSearchEditsAtItsCursor corrects a search being typed through the
// reader's keys: the search is of the query as corrected, and the status
// bar draws the cursor where it is.
func TestSearchEditsAtItsCursor(t *testing.T) {
	m := newModel(t, seed(t), 160, 30)
	m = press(m, "/")
	m = typeText(m, "Rusia")
	m = press(m, "alt+left", "right", "right")
	m = typeText(m, "s")
	p := m.compare.pane
	if p.query != "Russia" || p.input.Value() != "Russia" {
		t.Fatalf("typed Rusia, alt+←, → twice, s: the search is for %q, want Russia", p.query)
	}
	if s := screen(m); !strings.Contains(s, "/Rus▏sia") {
		t.Errorf("the cursor is not drawn after the s typed:\n%s", s)
	}
	if !strings.Contains(p.SearchStatus(), "/") {
		t.Errorf("the search for Russia found nothing: %q", p.SearchStatus())
	}
	if m = press(m, "ctrl+a"); !strings.Contains(screen(m), "/▏Russia") {
		t.Errorf("home: the cursor is not drawn at the start:\n%s", screen(m))
	}
	m = press(m, "ctrl+d", "ctrl+e", "backspace")
	if got := m.compare.pane.query; got != "ussi" {
		t.Errorf("ctrl+a, ctrl+d, ctrl+e, backspace: the search is for %q, want ussi", got)
	}
	if !m.compare.pane.Searching() {
		t.Error("editing the search closed it")
	}
}

// TestBackspaceOnNoQueryCloses: backspace with no query left closes the
// filter and the search, as esc does (and as it closes vim's and less's
// prompts); it did nothing, and the prompt stayed open.
func TestBackspaceOnNoQueryCloses(t *testing.T) {
	for _, del := range []string{"backspace", "ctrl+h"} {
		m := newModel(t, seed(t), 160, 30)
		m = press(m, "tab", "/")
		m = typeText(m, "ab")
		m = press(m, del, del)
		if !m.compare.articles.Filtering() {
			t.Fatalf("%s: the filter closed while it still held a letter", del)
		}
		m = press(m, del)
		if m.compare.articles.Filtering() || m.compare.articles.filter != "" {
			t.Errorf("%s on no filter: filtering %v, filter %q; want it closed, as esc does",
				del, m.compare.articles.Filtering(), m.compare.articles.filter)
		}
		if s := screen(m); strings.Contains(s, "/ ▏") {
			t.Errorf("%s on no filter: the prompt is still drawn:\n%s", del, s)
		}

		m = newModel(t, seed(t), 160, 30)
		top := m.compare.pane.scroll.top
		m = press(m, "/")
		m = typeText(m, "Russia")
		m = press(m, "home")
		m = press(m, del)
		if !m.compare.pane.Searching() {
			t.Fatalf("%s at the start of a query closed the search", del)
		}
		m = press(m, "ctrl+k", del)
		p := m.compare.pane
		if p.Searching() || p.query != "" {
			t.Errorf("%s on no search: searching %v, query %q; want it closed, as esc does", del, p.Searching(), p.query)
		}
		if p.scroll.top != top {
			t.Errorf("%s on no search: the comparison is at row %d, want %d where the search began, as esc leaves it", del, p.scroll.top, top)
		}
	}
}

// TestFilterScrollsToItsCursor: a filter wider than the pane's header
// shows its end as it is typed, its start after home, and keeps its
// start in sight as the cursor moves on from there, as bubbles/textinput
// scrolls; it showed only the end, wherever the cursor was.
func TestFilterScrollsToItsCursor(t *testing.T) {
	m := newModel(t, seed(t), 160, 30)
	m = press(m, "tab", "/")
	const q = "Trump asks Russia to find the emails of Hillary Clinton"
	m = typeText(m, q)
	header := func() string { return screenLines(m)[0] }
	if h := header(); !strings.Contains(h, "Clinton▏") || strings.Contains(h, "Trump") {
		t.Fatalf("a filter wider than the header: %q, want its end", h)
	}
	m = press(m, "home")
	if h := header(); !strings.Contains(h, "/ ▏Trump asks") || strings.Contains(h, "Clinton") {
		t.Errorf("home: %q, want the filter's start", h)
	}
	m = press(m, "alt+right", "alt+right")
	if h := header(); !strings.Contains(h, "/ Trump asks▏ Russia") {
		t.Errorf("home, alt+→ twice: %q, want the start still in sight", h)
	}
	if got := m.compare.articles.filter; got != q {
		t.Errorf("moving the cursor changed the filter to %q", got)
	}
}
