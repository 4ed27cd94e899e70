package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// burst delivers keys as keys typed together arrive: each message is
// handled before the work any of them started has answered, and that
// work's messages come after them all.
func burst(m Model, keys ...tea.KeyMsg) Model {
	var cmds []tea.Cmd
	for _, k := range keys {
		tm, cmd := m.Update(k)
		m = tm.(Model)
		cmds = append(cmds, cmd)
	}
	return runCmd(m, tea.Batch(cmds...))
}

// TestSearchBurstMovesAsTypedSlowly is a regression test: keys sent
// together with a search ("/x", enter, n in one tmux send-keys, or typed
// fast) reached n before the search had answered, and n said "still
// searching" and stayed on the first match; j or pgdown scrolled, and
// then the search's answer took the reader to its first match, as if
// they had not been pressed. Typed slowly, the reader is taken to the
// first match and then moves from there. The moves asked for meanwhile
// are now made once the search is done and the reader at its first
// match, so that the burst ends where the same keys typed slowly do, in
// either mode and on a long comparison too. An esc or a / typed after
// moves held dropped them; they are made first, as typed slowly.
func TestSearchBurstMovesAsTypedSlowly(t *testing.T) {
	runes := func(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
	for _, long := range []bool{false, true} {
		for _, tc := range []struct {
			query string
			moves []string
		}{
			{"emails", []string{"n"}},
			{"the", []string{"n", "n", "n"}},
			{"the", []string{"N"}},
			{"russia", []string{"n", "N", "n", "n"}},
			{"emails", []string{"j"}},
			{"the", []string{"pgdown", "j", "j"}},
			{"russia", []string{"n", "k"}},
			{"said", []string{"ctrl+d", "N"}},
			{"the", []string{"G", "n"}},
			// Keys that are not moves, after moves held: the moves are
			// made first, then esc clears the search, and / searches
			// anew from where they took the reader.
			{"the", []string{"j", "j", "esc"}},
			{"said", []string{"n", "n", "esc", "j"}},
			{"the", []string{"pgdown", "pgdown", "/", "s", "a", "i", "d", "enter"}},
			{"russia", []string{"n", "/", "e", "m", "a", "i", "l", "s", "enter", "n"}},
		} {
			for _, md := range []string{"", "v"} {
				if long {
					everyComparisonLong(t)
				}
				// A reader's views are its own, and change in place:
				// one reader for each way of typing.
				start := func() Model {
					m := newModel(t, seed(t), 160, 45)
					if md != "" {
						m = press(m, md)
					}
					return m
				}
				slow := press(start(), "/")
				slow = typeText(slow, tc.query)
				slow = press(slow, "enter")
				if n := len(slow.compare.pane.lay.hits); n < 3 {
					t.Fatalf("%q: %d matches, the test needs a few", tc.query, n)
				}
				slow = press(slow, tc.moves...)

				keys := []tea.KeyMsg{runes("/" + tc.query), keyMsg("enter")}
				for _, k := range tc.moves {
					keys = append(keys, keyMsg(k))
				}
				fast := burst(start(), keys...)
				ps, pf := slow.compare.pane, fast.compare.pane
				if pf.curHit != ps.curHit || pf.scroll.top != ps.scroll.top || pf.SearchStatus() != ps.SearchStatus() {
					t.Errorf("long %v, %q %v in mode %q: in one burst at match %d (top %d, %q), typed slowly at %d (top %d, %q); status %q",
						long, tc.query, tc.moves, md, pf.curHit, pf.scroll.top, pf.SearchStatus(), ps.curHit, ps.scroll.top, ps.SearchStatus(), screenLines(fast)[43])
				}
			}
		}
	}
}
