package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus/analysis"
)

// holdingCompared delivers the messages of cmd, and those of the commands
// they bring, but the comparisons, which it returns.
func holdingCompared(m Model, cmd tea.Cmd) (Model, []comparedMsg) {
	var held []comparedMsg
	for _, msg := range messages(cmd) {
		switch msg := msg.(type) {
		case comparedMsg:
			held = append(held, msg)
		case compareSlowMsg:
			var more []comparedMsg
			m, more = holdingCompared(m, msg.wait)
			held = append(held, more...)
		case nil:
		default:
			tm, next := m.Update(msg)
			var more []comparedMsg
			m, more = holdingCompared(tm.(Model), next)
			held = append(held, more...)
		}
	}
	return m, held
}

// updateHolding delivers msg, and the messages of its commands but the
// comparisons, which it returns.
func updateHolding(t *testing.T, m Model, msg tea.Msg) (Model, []comparedMsg) {
	t.Helper()
	tm, cmd := m.Update(msg)
	return holdingCompared(tm.(Model), cmd)
}

// TestLongComparisonOpensOffTheKey is a regression test: a long pair
// opened (two 3.4 MB articles compared in a command) was laid out when
// its comparison came in, on the UI goroutine, a second during which no
// key was taken; a long comparison at hand (a pair opened again) was laid
// out on the key that opened it. It is now laid out by a command too: the
// comparison stays under way, the pair shown before stays on screen, esc
// abandons it, and it is shown when its layout comes. A short pair shows
// as soon as it is compared.
func TestLongComparisonOpensOffTheKey(t *testing.T) {
	// Short: shown at once.
	m := New(seed(t), analysis.NewCache(), Options{Renderer: renderer(termenv.Ascii)})
	m, _ = updateHolding(t, m, tea.WindowSizeMsg{Width: 160, Height: 45})
	m, held := holdingCompared(m, m.Init())
	if len(held) != 1 {
		t.Fatalf("%d comparisons started, want 1", len(held))
	}
	if m, _ = updateHolding(t, m, held[0]); m.compare.pane.lay == nil || m.pending.active() {
		t.Fatal("the sample's first pair is not shown as soon as it is compared")
	}

	everyComparisonLong(t)

	m = New(seed(t), analysis.NewCache(), Options{Renderer: renderer(termenv.Ascii)})
	m, _ = updateHolding(t, m, tea.WindowSizeMsg{Width: 160, Height: 45})
	m, held = holdingCompared(m, m.Init())
	if len(held) != 1 || held[0].c == nil {
		t.Fatalf("%d comparisons started, want 1", len(held))
	}
	first := held[0].c
	// finish delivers the comparisons held until one is shown, checking
	// that until then the pair shown before (shown, or none) stays, with
	// its layout: nothing is laid out on the UI goroutine.
	finish := func(m Model, held []comparedMsg, want string) Model {
		t.Helper()
		before := m.compare.pane.lay
		shown := m.compare.pane.cmp
		for len(held) > 0 {
			if len(held) != 1 {
				t.Fatalf("%s: %d comparisons started, want 1", want, len(held))
			}
			m, held = updateHolding(t, m, held[0])
			if !m.pending.active() {
				break
			}
			if p := m.compare.pane; p.lay != before || p.cmp != shown {
				t.Fatalf("%s: laid out before the comparison's message returned", want)
			}
			if len(held) == 0 {
				t.Fatalf("%s: under way, and nothing is coming", want)
			}
		}
		if p := m.compare.pane; p.cmp == shown || p.lay == nil || p.lay.cmp != p.cmp || len(held) != 0 {
			t.Fatalf("%s: not shown once laid out", want)
		}
		return m
	}
	// Compared: still under way, while it is laid out.
	m, held = updateHolding(t, m, held[0])
	if p := m.compare.pane; p.cmp != nil || p.lay != nil || !m.pending.active() {
		t.Fatalf("the first pair was laid out before its comparison's message returned")
	}
	m = finish(m, held, "the first pair")
	if m.compare.pane.cmp != first {
		t.Fatal("the first pair is not shown")
	}
	// The pane, without the status bar's word on what the last key did.
	pane := func(m Model) string { return strings.Join(screenLines(m)[:43], "\n") }
	firstScreen := pane(m)

	// The next outlet, compared by the story's analysis meanwhile and at
	// hand: the pair shown stays while the new one is laid out, and esc,
	// once the spinner shows, abandons it.
	m, held = updateHolding(t, m, keyMsg("]"))
	if p := m.compare.pane; p.cmp != first || !m.pending.active() || len(held) != 1 {
		t.Fatalf("] laid out the pair at hand on the key (under way %v, %d held)", m.pending.active(), len(held))
	}
	tm, _ := m.Update(compareSlowMsg{gen: m.pending.gen, wait: func() tea.Msg { return nil }})
	m = tm.(Model) // the spinner's ticks left out
	if s := screenLines(m)[43]; !strings.Contains(s, "comparing") {
		t.Errorf("while the next outlet is laid out, the status bar reads %q", s)
	}
	m = press(m, "esc")
	m = send(m, held[0])
	if p := m.compare.pane; p.cmp != first || m.pending.active() || !strings.Contains(screen(m), "stopped comparing") {
		t.Errorf("esc did not abandon the pair being laid out (shown %v, under way %v)", p.cmp.Right.Outlet, m.pending.active())
	}

	// Again, to the end; and back to the first pair, laid out anew.
	m, held = updateHolding(t, m, keyMsg("]"))
	m = finish(m, held, "the next outlet")
	m, held = updateHolding(t, m, keyMsg("["))
	m = finish(m, held, "the first pair again")
	if p := m.compare.pane; p.cmp != first {
		t.Fatal("[ did not go back to the first pair")
	}
	if s := pane(m); s != firstScreen {
		t.Errorf("the first pair opened again reads\n%s\nnot as at first\n%s", s, firstScreen)
	}
}

// TestLongComparisonClearsStarsOffTheKey is a regression test: where the
// terminal shows no attributes (NO_COLOR, TERM=dumb) a search's matches
// are starred, *like this*, in a layout made with them; clearing the
// search of a long comparison (esc, or the query deleted) laid the two
// articles out again without them before the key returned, a second and
// more for two 3.4 MB articles. It is now done by a command, and until
// it comes the status bar says so. A short comparison is cleared at once.
func TestLongComparisonClearsStarsOffTheKey(t *testing.T) {
	starred := func(m Model) bool {
		return len(m.compare.pane.lay.star) > 0 || strings.Contains(screen(m), "*emails*")
	}
	for _, long := range []bool{false, true} {
		saved := lazyCellBytes
		if long {
			lazyCellBytes = 0
		}
		for _, keys := range [][]string{
			{"esc"},                 // the search cleared
			{"/", "esc"},            // a new query given up
			{"/", "e", "backspace"}, // the query deleted
		} {
			m := newModel(t, seed(t), 120, 30)
			if !m.compare.pane.painter.starMatches {
				t.Fatal("matches are not starred in plain text; the test needs them to be")
			}
			m = press(m, "/")
			m = typeText(m, "emails")
			m = press(m, "enter")
			if !starred(m) {
				t.Fatalf("%v: no match is starred", keys)
			}
			m = press(m, keys[:len(keys)-1]...)
			m, res := typeKey(t, m, keys[len(keys)-1])
			p := m.compare.pane
			if !long {
				if res != nil || p.lay.query != "" || starred(m) {
					t.Errorf("%v on a short comparison: the stars stay until a search comes (%v)", keys, res != nil)
				}
				continue
			}
			if p.lay.query == "" || res == nil {
				t.Errorf("%v: the stars were taken away before the key returned (a search started: %v)", keys, res != nil)
				continue
			}
			if s := screenLines(m)[28]; !strings.Contains(s, "clearing the search…") && !p.Searching() {
				t.Errorf("%v: while the stars are taken away, the status bar reads %q", keys, s)
			}
			m = send(m, *res)
			if p := m.compare.pane; p.lay.query != "" || p.SearchPending() || starred(m) || len(p.lay.star) > 0 {
				t.Errorf("%v: once the search came, the layout is searched for %q, stars %q", keys, p.lay.query, string(p.lay.star))
			}
			if s := screenLines(m)[28]; strings.Contains(s, "clearing") || strings.Contains(s, "no matches") {
				t.Errorf("%v: once cleared, the status bar reads %q", keys, s)
			}
		}
		lazyCellBytes = saved
	}
}
