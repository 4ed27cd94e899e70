package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestSearchMatchKeptOnResize checks that the match the reader is at stays
// the current one when the terminal is resized: it became "13 matches",
// with no current match, and n started again from the top of the screen.
// It stays on screen too: made shorter, the terminal kept the passage at
// the top, and the match below it was off screen, "match 4/13" of a
// screen with no match marked.
func TestSearchMatchKeptOnResize(t *testing.T) {
	for _, keys := range [][]string{nil, {"v"}} {
		t.Run(strings.Join(append([]string{"mode"}, keys...), " "), func(t *testing.T) {
			testSearchMatchKeptOnResize(t, keys)
		})
	}
}

func testSearchMatchKeptOnResize(t *testing.T, keys []string) {
	m := newModel(t, seed(t), 160, 45)
	m = press(m, "/")
	m = typeText(m, "emails")
	m = press(m, "enter", "n", "n")
	m = press(m, keys...)
	p := m.compare.pane
	at := p.lay.hits[p.curHit]
	text := p.lay.cells[at.cell].text[p.lay.spansOf(&at)[0].start:]
	for _, size := range [][2]int{{100, 30}, {120, 40}, {160, 45}, {120, 12}, {160, 45}, {160, 12}, {60, 12}, {250, 70}} {
		m = send(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		p = m.compare.pane
		if p.curHit < 0 {
			t.Fatalf("%dx%d: no current match after the resize", size[0], size[1])
		}
		got := p.lay.hits[p.curHit]
		if got.cell != at.cell || got.match != at.match {
			t.Errorf("%dx%d: current match %+v, want the one at %q", size[0], size[1], got, text)
		}
		status := screenLines(m)[size[1]-2]
		if !strings.Contains(status, "match ") {
			t.Errorf("%dx%d: status %q has no current match", size[0], size[1], status)
		}
		if !p.visible(int(got.row)) {
			t.Errorf("%dx%d: the current match is off screen", size[0], size[1])
		}
	}
}

// TestSearchStatusNarrow checks that where the status bar is narrow the
// search's query gives way before the match number: at 70 columns the
// whole search status was dropped.
func TestSearchStatusNarrow(t *testing.T) {
	for _, size := range [][2]int{{160, 45}, {80, 24}, {70, 24}, {60, 20}} {
		m := newModel(t, seed(t), size[0], size[1])
		m = press(m, "/")
		m = typeText(m, "emails")
		m = press(m, "enter", "n")
		status := screenLines(m)[size[1]-2]
		if !strings.Contains(status, "match ") {
			t.Errorf("%dx%d: status %q has no current match", size[0], size[1], status)
		}
		if size[0] >= 80 && !strings.Contains(status, "/emails · match ") {
			t.Errorf("%dx%d: status %q lacks the query", size[0], size[1], status)
		}
	}
}

// TestSearchTypedNarrow is a regression test: at 40 columns the position
// kept its place in the status bar while a search was typed, which left
// the query no cell ("/▏  match 1/16", whatever was typed) and ran the
// count past the bar's end, cutting the position to "· to".
func TestSearchTypedNarrow(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {45, 12}, {50, 20}, {59, 12}, {60, 20}, {100, 30}} {
		m := newModel(t, seed(t), size[0], size[1])
		m = press(m, "/")
		m = typeText(m, "Russia")
		checkFits(t, m, size[0], size[1])
		status := screenLines(m)[size[1]-2]
		for _, want := range []string{"/Russia▏", "match 1/"} {
			if !strings.Contains(status, want) {
				t.Errorf("%dx%d: status %q lacks %q", size[0], size[1], status, want)
			}
		}
		// Done typing, the position is back, and the count stays: where
		// the position leaves it no room it leads the figures. Under 60
		// columns n and N moved from match to match and the bar never
		// said which.
		m = press(m, "enter")
		status = screenLines(m)[size[1]-2]
		if !strings.Contains(status, "row ") {
			t.Errorf("%dx%d: after enter, status %q has no position", size[0], size[1], status)
		}
		m = press(m, "n")
		status = screenLines(m)[size[1]-2]
		if !strings.Contains(status, "match 2/") || strings.Count(status, "match") != 1 {
			t.Errorf("%dx%d: after n, status %q does not say match 2 once", size[0], size[1], status)
		}
	}
}

// TestPickMessageNarrow is a regression test: at 40 columns, enter on
// the list said "Hacked.com on the left: now…", its instruction cut. A
// message that does not fit the bar gives a shorter wording of its own,
// whole, where it has one.
func TestPickMessageNarrow(t *testing.T) {
	for _, w := range []int{40, 45, 60, 100} {
		m := newModel(t, seed(t), w, 12)
		if m.compare.focus != focusArticles {
			m = press(m, "tab")
		}
		m = press(m, "j", "j", "enter")
		status := screenLines(m)[10]
		if !strings.Contains(status, "now pick the right side") {
			t.Errorf("%d columns: status %q", w, status)
		}
		checkFits(t, m, w, 12)
		m = press(m, "enter")
		if status := screenLines(m)[10]; !strings.Contains(status, "on the left: pick another") {
			t.Errorf("%d columns, picked again: status %q", w, status)
		}
	}
}

// TestMatrixDiagonalMessageNarrow is a regression test: at 40 columns
// enter on the matrix's diagonal said "move off the diagonal to pick a…".
func TestMatrixDiagonalMessageNarrow(t *testing.T) {
	for _, w := range []int{40, 45, 60} {
		m := press(newModel(t, seed(t), w, 12), "3", "h", "enter")
		if status := screenLines(m)[10]; !strings.Contains(status, "move off the diagonal") || strings.Contains(status, "…") {
			t.Errorf("%d columns: status %q", w, status)
		}
	}
}
