package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// holding delivers msg and the messages of its commands but the layouts
// they bring, which it returns; nil when none was started.
func holding(t *testing.T, m Model, msg tea.Msg) (Model, *laidOutMsg) {
	t.Helper()
	tm, cmd := m.Update(msg)
	m = tm.(Model)
	var found *laidOutMsg
	for _, msg := range messages(cmd) {
		if l, ok := msg.(laidOutMsg); ok {
			found = &l
			continue
		}
		m = send(m, msg)
	}
	return m, found
}

// everyComparisonLong makes every comparison long, laid out lazily and
// off the key, until t ends.
func everyComparisonLong(t *testing.T) {
	t.Helper()
	saved := lazyCellBytes
	lazyCellBytes = 0
	t.Cleanup(func() { lazyCellBytes = saved })
}

// toggledLong opens the seed's first comparison 120×30 with every
// comparison long, presses v, and returns the layout v started,
// undelivered (never nil).
func toggledLong(t *testing.T) (Model, *laidOutMsg) {
	t.Helper()
	everyComparisonLong(t)
	m, laid := pressHolding(t, newModel(t, seed(t), 120, 30), "v")
	if laid == nil {
		t.Fatal("v started no layout")
	}
	return m, laid
}

// seedAnalysisHeld opens the seed 120×40: the window's size, then the
// comparison, delivered; the story's analysis held back and returned.
func seedAnalysisHeld(t *testing.T) (Model, []tea.Msg) {
	t.Helper()
	m := New(seed(t), testCache, Options{Renderer: renderer(termenv.Ascii)})
	var later []tea.Msg
	var run func(tea.Cmd)
	run = func(cmd tea.Cmd) {
		for _, msg := range messages(cmd) {
			if a, ok := msg.(analysisMsg); ok {
				later = append(later, a)
				continue
			}
			if msg == nil {
				continue
			}
			tm, next := m.Update(msg)
			m = tm.(Model)
			run(next)
		}
	}
	tm, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m = tm.(Model)
	run(cmd)
	run(m.Init())
	return m, later
}

// checkFrame fails unless every line of the screen is width cells wide:
// a row wider than the terminal breaks onto the next line and pushes the
// whole screen out of place.
func checkFrame(t *testing.T, m Model, width, height int, when string) {
	t.Helper()
	lines := strings.Split(m.View(), "\n")
	if len(lines) != height {
		t.Errorf("%s: %d lines on a screen %d high", when, len(lines), height)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != width {
			t.Errorf("%s: line %d is %d cells wide on a screen %d wide: %q", when, i, w, width, ansi.Strip(l))
			return
		}
	}
}

// TestLongComparisonResizesOffTheKey is a regression test: a resize while
// a search query was set laid out and searched two 3.4 MB articles again
// before the resize returned, a quarter of a second and more. A long
// comparison is now laid out anew by a command; until it comes, the
// layout before stays, cut or padded to the new width so that the frame
// keeps its shape, and the status bar says it is laying out. The match
// the reader is at is still the current one once it comes.
func TestLongComparisonResizesOffTheKey(t *testing.T) {
	everyComparisonLong(t)

	for _, tc := range []struct {
		from, to [2]int
	}{
		{[2]int{160, 45}, [2]int{120, 40}}, // narrower, two panes
		{[2]int{120, 40}, [2]int{160, 45}}, // wider
		{[2]int{100, 30}, [2]int{80, 24}},  // one pane
		{[2]int{80, 24}, [2]int{160, 45}},  // one pane to two
	} {
		m := newModelOpts(t, seed(t), tc.from[0], tc.from[1], Options{Renderer: renderer(termenv.TrueColor)})
		m = press(m, "/")
		m = typeText(m, "emails")
		m = press(m, "enter", "n")
		p := m.compare.pane
		at := p.lay.hits[p.curHit]
		before := p.lay

		w, h := tc.to[0], tc.to[1]
		m, laid := holding(t, m, tea.WindowSizeMsg{Width: w, Height: h})
		p = m.compare.pane
		if p.lay != before {
			t.Errorf("%v to %v: laid out again before the resize returned", tc.from, tc.to)
		}
		if laid == nil {
			t.Fatalf("%v to %v: the resize started no layout", tc.from, tc.to)
		}
		checkFrame(t, m, w, h, "while laying out")
		if s := screenLines(m)[h-2]; !strings.Contains(s, "laying out…") {
			t.Errorf("%v to %v: while laying out, the status bar does not say so: %q", tc.from, tc.to, s)
		}

		m = send(m, *laid)
		p = m.compare.pane
		if p.lay.width != p.width || p.Laying() {
			t.Errorf("%v to %v: once laid out, the layout is %d wide in a pane %d wide (laying %v)", tc.from, tc.to, p.lay.width, p.width, p.Laying())
		}
		checkFrame(t, m, w, h, "once laid out")
		if p.curHit < 0 || p.lay.hits[p.curHit].cell != at.cell || p.lay.hits[p.curHit].match != at.match {
			t.Errorf("%v to %v: the current match is no longer the one the reader was at", tc.from, tc.to)
		} else if !p.visible(int(p.lay.hits[p.curHit].row)) {
			t.Errorf("%v to %v: the current match is off screen", tc.from, tc.to)
		}
		if s := screenLines(m)[h-2]; !strings.Contains(s, "match ") || strings.Contains(s, "laying out") {
			t.Errorf("%v to %v: once laid out, the status bar reads %q", tc.from, tc.to, s)
		}
	}
}

// TestLongComparisonResizeOutlivesTyping: a query typed while a resize's
// layout is made is searched in that layout once it comes, and a second
// resize before it comes replaces it.
func TestLongComparisonResizeOutlivesTyping(t *testing.T) {
	everyComparisonLong(t)

	m := newModel(t, seed(t), 160, 45)
	m, first := holding(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m, second := holding(t, m, tea.WindowSizeMsg{Width: 130, Height: 40})
	if first == nil || second == nil {
		t.Fatal("a resize started no layout")
	}
	m = press(m, "/")
	m = typeText(m, "emails")
	m = press(m, "enter")
	m = send(m, *first) // for a width no longer shown: dropped
	if p := m.compare.pane; !p.Laying() || p.lay.width == p.width {
		t.Errorf("the layout for a width no longer shown was taken")
	}
	m = send(m, *second)
	p := m.compare.pane
	if p.Laying() || p.lay.width != p.width {
		t.Fatalf("the layout for the width shown was not taken")
	}
	if p.lay.query != "emails" || len(p.lay.hits) == 0 || p.SearchPending() {
		t.Errorf("the query typed meanwhile: layout searched for %q, %d hits, pending %v", p.lay.query, len(p.lay.hits), p.SearchPending())
	}
}

// TestLongComparisonMarksOffTheKey is a regression test: the story's
// analysis coming while a search query was set laid the long comparison
// out and searched it again before the message returned. It is now laid
// out by a command, and shown with the marks when it comes.
func TestLongComparisonMarksOffTheKey(t *testing.T) {
	everyComparisonLong(t)

	m, later := seedAnalysisHeld(t)
	if m.compare.pane.lay == nil || len(later) == 0 {
		t.Fatal("no comparison shown, or no analysis held back; the test needs both")
	}
	m = press(m, "/")
	m = typeText(m, "emails")
	m = press(m, "enter")
	before := m.compare.pane.lay
	var laid *laidOutMsg
	for _, msg := range later {
		var l *laidOutMsg
		if m, l = holding(t, m, msg); l != nil {
			laid = l
		}
	}
	p := m.compare.pane
	if p.marks.left == nil {
		t.Fatal("the story's analysis has not marked the comparison; the test needs it")
	}
	if p.lay != before || laid == nil {
		t.Fatalf("the marks were laid out before the analysis's message returned (layout started: %v)", laid != nil)
	}
	checkFrame(t, m, 120, 40, "while laying out")
	m = send(m, *laid)
	p = m.compare.pane
	if p.lay.marks != p.marks || p.lay.query != "emails" || len(p.lay.hits) == 0 {
		t.Errorf("once laid out: marks %v (want %v), query %q, %d hits", p.lay.marks, p.marks, p.lay.query, len(p.lay.hits))
	}
}

// TestDroppedLayoutStops: a layout no longer wanted (the terminal was
// resized again, as dragging its edge does size after size) stops being
// made, and brings nothing to take.
func TestDroppedLayoutStops(t *testing.T) {
	c := longPair(t)
	m := newModel(t, pairCorpus(t, "long", string(c.Left.Raw), string(c.Right.Raw)), 160, 45)
	tm, first := m.Update(tea.WindowSizeMsg{Width: 150, Height: 45})
	m = tm.(Model)
	tm, second := m.Update(tea.WindowSizeMsg{Width: 140, Height: 45})
	m = tm.(Model)
	for _, msg := range messages(first) {
		if l, ok := msg.(laidOutMsg); ok && l.lay != nil {
			t.Errorf("the layout for a width given up was made: %d rows", len(l.lay.rows))
		}
	}
	var laid *laidOutMsg
	for _, msg := range messages(second) {
		if l, ok := msg.(laidOutMsg); ok {
			laid = &l
		}
	}
	if laid == nil || laid.lay == nil {
		t.Fatal("the layout for the width shown was not made")
	}
	m = send(m, *laid)
	if p := m.compare.pane; p.lay.width != p.width || p.Laying() {
		t.Errorf("the layout for the width shown was not taken")
	}
}

// TestLongComparisonTogglesBackAtOnce is a regression test: v on a long
// comparison laid it out anew each time, a quarter of a second or more,
// though the layout of the mode switched back to had been made a moment
// before. The pane now keeps the last layout of each mode for the width
// and marks shown, and no more: a switch back is at once, and a query
// typed in the other mode is searched off the key.
func TestLongComparisonTogglesBackAtOnce(t *testing.T) {
	m, laid := toggledLong(t)
	m = send(m, *laid)
	for i, want := range []mode{sideBySide, inline, sideBySide} {
		m, laid = pressHolding(t, m, "v")
		if laid != nil || m.compare.pane.Mode() != want {
			t.Fatalf("v %d: mode %v, want %v at once (a layout started: %v)", i+2, m.compare.pane.Mode(), want, laid != nil)
		}
	}
	// A query typed side by side: back inline at once, the query
	// searched by a command.
	m = press(m, "/")
	m = typeText(m, "emails")
	m = press(m, "enter")
	tm, cmd := m.Update(keyMsg("v"))
	m = tm.(Model)
	p := m.compare.pane
	if p.Mode() != inline || p.lay.query == "emails" {
		t.Errorf("v with a new query: mode %v, layout searched for %q before the key returned", p.Mode(), p.lay.query)
	}
	if s := p.SearchStatus(); s != "searching…" {
		t.Errorf("v with a new query: search status %q, want %q", s, "searching…")
	}
	m = runCmd(m, cmd)
	if p := m.compare.pane; p.lay.query != "emails" || len(p.lay.hits) == 0 || p.curHit < 0 {
		t.Errorf("the search of the layout switched back to: query %q, %d hits, current %d", p.lay.query, len(p.lay.hits), p.curHit)
	}
	// Kept: the layouts of the two modes at the width shown, no other.
	m, laid = holding(t, m, tea.WindowSizeMsg{Width: 110, Height: 30})
	if n := len(m.compare.pane.layouts); n > 1 {
		t.Errorf("while the layout for a new width is made, %d long layouts are kept, want the one shown: with it, three", n)
	}
	m = send(m, *laid)
	if n := len(m.compare.pane.layouts); n > 2 {
		t.Errorf("%d long layouts kept, want one for each mode at most", n)
	}
	for _, l := range m.compare.pane.layouts {
		if l.width != m.compare.pane.width {
			t.Errorf("a long layout %d wide is kept beside those %d wide", l.width, m.compare.pane.width)
		}
	}
}

// TestLongComparisonToggleOutlivesTyping is a regression test: a query
// typed while v's layout was made was never searched in it once it came,
// and the status said "searching…" for good.
func TestLongComparisonToggleOutlivesTyping(t *testing.T) {
	m, laid := toggledLong(t)
	m = press(m, "/")
	m = typeText(m, "emails")
	m = press(m, "enter")
	m = send(m, *laid)
	p := m.compare.pane
	if p.Mode() != inline {
		t.Fatalf("the layout came: mode %v, want inline", p.Mode())
	}
	if p.SearchPending() || p.lay.query != "emails" || len(p.lay.hits) == 0 {
		t.Errorf("the query typed meanwhile: %q (pending %v), layout searched for %q, %d hits", p.SearchStatus(), p.SearchPending(), p.lay.query, len(p.lay.hits))
	}
}
