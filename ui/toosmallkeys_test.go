package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestTooSmallTakesOnlyQuit checks that a terminal too small to show the
// reader takes no key but quitting: keys went on to the search being
// typed, unseen, and q was typed into it rather than quitting.
func TestTooSmallTakesOnlyQuit(t *testing.T) {
	m := typeText(press(newModel(t, seed(t), 100, 30), "/"), "ab")
	m = send(m, tea.WindowSizeMsg{Width: 60, Height: 10})
	if s := strings.Join(strings.Fields(screen(m)), " "); !strings.Contains(s, "terminal too small (need 40×12) · q quits") {
		t.Errorf("too small: the screen does not say q quits:\n%s", screen(m))
	}
	m = typeText(m, "xy")
	_, cmd := m.Update(keyMsg("q"))
	if cmd == nil {
		t.Fatal("q in a terminal too small did nothing")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Errorf("q in a terminal too small did not quit")
	}
	m = send(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	if s := screen(m); !strings.Contains(s, "/ab▏") {
		t.Errorf("the query typed unseen changed; want /ab:\n%s", s)
	}
}

// TestTooSmallKeepsQuitWhole checks that the notice of a terminal too
// small keeps "q quits" on one line at any width it wraps at: at 40
// columns it wrapped to "terminal too small (need 60×12) · q" over
// "quits".
func TestTooSmallKeepsQuitWhole(t *testing.T) {
	for _, size := range [][2]int{{39, 10}, {30, 8}, {20, 6}, {39, 11}} {
		m := newModel(t, seed(t), size[0], size[1])
		var lines []string
		for _, l := range screenLines(m) {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		found := false
		for _, l := range lines {
			found = found || strings.HasSuffix(l, "q quits")
			if strings.HasSuffix(l, " q") || strings.HasPrefix(l, "quits") {
				t.Errorf("%dx%d: q and quits apart: %q", size[0], size[1], lines)
			}
		}
		if !found {
			t.Errorf("%dx%d: no line ends \"q quits\": %q", size[0], size[1], lines)
		}
	}
}
