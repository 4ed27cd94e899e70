package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestWordingsKeepTheirPlaceOnResize is a regression test: the wordings
// of a quote, scrolled down to an outlet's, went back to their first row
// on any resize, and enter, which opens the wording at the top, then
// opened the most common one instead of the one the reader was at.
func TestWordingsKeepTheirPlaceOnResize(t *testing.T) {
	// top returns the quote of the first wording whose heading shows, as
	// enter opens it, and whether rows of the one before show above it.
	top := func(q *quotesPane) (quote int, above bool) {
		for _, st := range q.starts[q.shown] {
			if st.row >= q.detail.Top() {
				return st.quote, st.row > q.detail.Top()
			}
		}
		return -1, false
	}
	for _, size := range [][2]int{{120, 20}, {80, 20}, {200, 16}} {
		for down := 1; down <= 12; down++ {
			m := press(newModel(t, seed(t), 160, 20), "2", "tab")
			for range down {
				m = press(m, "j")
			}
			want, wantAbove := top(quotesOf(m))
			if want < 0 {
				continue // scrolled past the last heading: nothing to keep
			}
			m = send(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			if quotesOf(m).detail.Fits() {
				continue // shown whole, from the first row
			}
			if got, above := top(quotesOf(m)); got != want || above != wantAbove {
				t.Errorf("%d rows down, at %dx%d: the top wording is quote %d (rows above: %v), was %d (%v)",
					down, size[0], size[1], got, above, want, wantAbove)
			}
		}
	}
}
