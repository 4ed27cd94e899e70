package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// burst delivers keys as keys typed together arrive: each message is
// handled before the work any of them started has answered, and that
// work's messages come after them all.
func burst(m Model, keys ...tea.KeyMsg) Model {
	return runCmd(together(m, keys...))
}

// together handles keys as burst does, and returns the work they started,
// not run yet.
func together(m Model, keys ...tea.KeyMsg) (Model, tea.Cmd) {
	var cmds []tea.Cmd
	for _, k := range keys {
		tm, cmd := m.Update(k)
		m = tm.(Model)
		cmds = append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
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
// moves held gives them up (see TestGivingUpMovesRunsNoSearch): the burst
// ends where the keys after them, typed slowly, end.
func TestSearchBurstMovesAsTypedSlowly(t *testing.T) {
	runes := func(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
	for _, long := range []bool{false, true} {
		for _, tc := range []struct {
			query string
			moves []string
			// slow, when not nil, are the keys typed slowly, from the
			// start, that end where the burst does: those after an esc
			// or a / that gives up the search and the moves held.
			slow []string
		}{
			{"emails", []string{"n"}, nil},
			{"the", []string{"n", "n", "n"}, nil},
			{"the", []string{"N"}, nil},
			{"russia", []string{"n", "N", "n", "n"}, nil},
			{"emails", []string{"j"}, nil},
			{"the", []string{"pgdown", "j", "j"}, nil},
			{"russia", []string{"n", "k"}, nil},
			{"said", []string{"ctrl+d", "N"}, nil},
			{"the", []string{"G", "n"}, nil},
			// Keys that are not moves, after moves held: esc gives up
			// the search and the moves, and / the moves, searching anew
			// from where the reader is.
			{"the", []string{"j", "j", "esc"}, []string{}},
			{"said", []string{"n", "n", "esc", "j"}, []string{"j"}},
			{"the", []string{"pgdown", "pgdown", "/", "s", "a", "i", "d", "enter"}, []string{"/", "s", "a", "i", "d", "enter"}},
			{"russia", []string{"n", "/", "e", "m", "a", "i", "l", "s", "enter", "n"}, []string{"/", "e", "m", "a", "i", "l", "s", "enter", "n"}},
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
				if tc.slow != nil {
					slow = press(start(), tc.slow...)
				}

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

// TestGivingUpMovesRunsNoSearch is a regression test: an esc or a / typed
// after moves held for a search that had not answered ("/the", enter, n,
// n, esc sent at once) finished that search on the UI goroutine, to make
// the moves first: the key waited as long as the search takes, half a
// second on two long articles. Such a key now gives the moves up, and
// esc the search too, which, told it is no longer wanted, brings nothing
// to take; the reader stays where the screen shows them.
func TestGivingUpMovesRunsNoSearch(t *testing.T) {
	for _, long := range []bool{false, true} {
		for _, last := range []string{"esc", "/"} {
			if long {
				everyComparisonLong(t)
			}
			m := newModel(t, seed(t), 160, 45)
			lay, top := m.compare.pane.lay, m.compare.pane.scroll.top
			searches := lay.searches
			m, cmd := together(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/the")}, keyMsg("enter"), keyMsg("n"), keyMsg("n"), keyMsg(last))
			p := m.compare.pane
			if p.lay != lay || lay.searches != searches {
				t.Fatalf("long %v, %s after moves held: %d searches run on the key, want none", long, last, lay.searches-searches)
			}
			if len(p.queued) != 0 || p.scroll.top != top {
				t.Errorf("long %v, %s after moves held: %d moves still held, top %d (was %d)", long, last, len(p.queued), p.scroll.top, top)
			}
			if last == "/" {
				if !p.Searching() {
					t.Errorf("long %v: / after moves held is not typing a query", long)
				}
				continue
			}
			if p.Query() != "" || p.SearchPending() || p.curHit != -1 {
				t.Errorf("long %v: esc after moves held left query %q (pending %v, match %d)", long, p.Query(), p.SearchPending(), p.curHit)
			}
			m = runCmd(m, cmd) // the search given up answers late
			p = m.compare.pane
			if p.lay.searches != searches || p.lay.query != "" || p.scroll.top != top || p.curHit != -1 {
				t.Errorf("long %v: the search esc gave up was taken when it answered: query %q, top %d (was %d), match %d",
					long, p.lay.query, p.scroll.top, top, p.curHit)
			}
		}
	}
}

// TestAnotherQueryIsNotMovedByTheLastOnesAnswer: a search accepted with
// enter and still running when / opens the next query answers while
// that query is typed. Its matches are taken, but the reader stays where
// the new query begins, as it stays when the answer came before the /.
func TestAnotherQueryIsNotMovedByTheLastOnesAnswer(t *testing.T) {
	for _, held := range [][]string{nil, {"n", "n"}} {
		m := newModel(t, seed(t), 160, 45)
		m = press(m, "G") // from the end, the first match is all the way back
		top, at := m.compare.pane.scroll.top, m.compare.pane.place().block
		keys := []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune("/the")}, keyMsg("enter")}
		for _, k := range held {
			keys = append(keys, keyMsg(k))
		}
		m = burst(m, append(keys, keyMsg("/"))...) // the search for "the" answers after the /
		p := m.compare.pane
		if !p.Searching() || p.SearchPending() {
			t.Fatalf("held %v: typing %v, search pending %v; want typing, the answer taken", held, p.Searching(), p.SearchPending())
		}
		// The passage at the top stays; its row may not, as the
		// matches starred in plain text wrap into more rows.
		if p.place().block != at || p.curHit != -1 {
			t.Errorf("held %v: the answer for \"the\" moved the reader typing another query: passage %d at the top (was %d), match %d",
				held, p.place().block, at, p.curHit)
		}
		m = press(m, "esc")
		if p := m.compare.pane; p.scroll.top != top {
			t.Errorf("held %v: esc left the reader at %d, not where the query began (%d)", held, p.scroll.top, top)
		}
	}
}
