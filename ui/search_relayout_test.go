package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestSearchAnsweredByARelayout is a regression test: a query accepted
// while its search ran, and a relayout meanwhile (the story's analysis
// coming, or a resize), left the reader at no match ("295 matches", not
// "match 1/295"), and a move asked for while the search ran (G) was never
// made. The new layout is searched as it is made, so the result of the
// search of the layout before is dropped: the new layout's search must be
// taken as the answer.
func TestSearchAnsweredByARelayout(t *testing.T) {
	for _, tt := range []struct {
		name  string
		after []string // keys pressed after enter, while the search runs
	}{
		{"enter", nil},
		{"enter, then G", []string{"G"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := press(newModel(t, seed(t), 120, 30), "/")
			m, late := typeKey(t, m, "a")
			if late == nil {
				t.Fatal("typing started no search")
			}
			m = press(m, "enter")
			m = press(m, tt.after...)
			if !m.compare.pane.SearchPending() {
				t.Fatal("the search was done before the relayout; the test needs it running")
			}
			m = send(m, tea.WindowSizeMsg{Width: 130, Height: 30})
			m = send(m, *late) // of the layout before: dropped
			p := m.compare.pane
			if p.SearchPending() {
				t.Fatal("the search is still pending after the relayout")
			}
			status := p.SearchStatus()
			switch {
			case len(tt.after) == 0 && !strings.HasPrefix(status, "match "):
				t.Errorf("after the relayout the status says %q, want the reader at a match", status)
			case len(tt.after) > 0 && !strings.HasSuffix(status, " matches"):
				// G took the reader from the first match to the end,
				// where the bar counts the matches (see
				// TestSearchMatchLeftBehindByAScroll).
				t.Errorf("after the relayout and G the status says %q, want the matches counted", status)
			}
			if len(tt.after) > 0 && !strings.HasSuffix(p.scroll.Position(), "end") {
				t.Errorf("G pressed while the search ran: not at the end (%s)", p.scroll.Position())
			}
		})
	}
}
