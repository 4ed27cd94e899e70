package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
)

// TestFooterKeepsHelpAndQuit checks defect 1's footer: at 80×24 and
// 60×12, on every view, the help line ends with "? help • q quit".
func TestFooterKeepsHelpAndQuit(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 12}, {100, 30}} {
		for _, keys := range [][]string{nil, {"tab"}, {"2"}, {"3"}, {"4"}} {
			m := newModel(t, seed(t), size[0], size[1])
			m = press(m, keys...)
			lines := screenLines(m)
			last := strings.TrimRight(lines[len(lines)-1], " ")
			if !strings.HasSuffix(last, "? help • q quit") {
				t.Errorf("%dx%d after %q: help line %q lacks ? help and q quit", size[0], size[1], keys, last)
			}
		}
	}
}

// TestHelpCompleteAndScrollable checks defect 1's full help at 60×12 and
// 80×24: j, pgdn and G scroll it, and scrolled from top to bottom it shows
// every entry the README's key table has (defect 10: both come from the
// KeyMap), keys and legend alike.
func TestHelpCompleteAndScrollable(t *testing.T) {
	secs := helpSections(describedKeyMap(DefaultKeyMap()))
	lastSec := secs[len(secs)-1]
	last := lastSec.entries[len(lastSec.entries)-1].desc
	// On a folder, whose archive ctrl+r reloads.
	lib := staleListing(t, func(string) {})
	for _, size := range [][2]int{{60, 12}, {80, 24}} {
		for _, scroll := range []string{"j", "pgdown", "G"} {
			// The README's reader, with export and suspend on.
			m := newModelOpts(t, nil, size[0], size[1], Options{Renderer: renderer(termenv.Ascii), WriteHTML: testPage, Suspend: true,
				Loading: "the archive", Open: func(context.Context) (Library, []string, error) { return lib, nil, nil }})
			m = press(m, "?")
			seen := strings.Join(screenLines(m)[:size[1]-2], "\n")
			for range 200 {
				before := screen(m)
				m = press(m, scroll)
				seen += "\n" + strings.Join(screenLines(m)[:size[1]-2], "\n")
				if screen(m) == before {
					break
				}
			}
			if !strings.Contains(screen(m), last) {
				t.Errorf("%dx%d: %s never reaches the end of the help (%q):\n%s", size[0], size[1], scroll, last, screen(m))
			}
			if scroll == "G" {
				continue
			}
			for _, sec := range secs {
				if !strings.Contains(seen, sec.title) {
					t.Errorf("%dx%d scrolling with %s: the help never shows %q", size[0], size[1], scroll, sec.title)
				}
				for _, e := range sec.entries {
					if !strings.Contains(seen, e.desc) {
						t.Errorf("%dx%d scrolling with %s: the help never shows %q (%s)", size[0], size[1], scroll, e.desc, sec.title)
					}
				}
			}
			m = press(m, "esc")
			if strings.Contains(screen(m), "Keys  (? or esc") {
				t.Errorf("esc did not close the help")
			}
		}
	}
}

// TestHelpBarAndPositionAreTheHelps is a regression test: with the full
// help open, the help line offered the moving keys even where the whole
// help fits and they do nothing, and the status bar gave the name, the
// figures and the position of the view beneath ("row 1/99 · top") while
// j scrolled the help.
func TestHelpBarAndPositionAreTheHelps(t *testing.T) {
	m := press(newModel(t, seed(t), 160, 45), "?")
	lines := screenLines(m)
	if bar := lines[len(lines)-1]; strings.Contains(bar, "down") || !strings.Contains(bar, "close help") {
		t.Errorf("160×45, the help fitting: help line %q", bar)
	}
	if status := lines[len(lines)-2]; !strings.Contains(status, "· all") || !strings.HasPrefix(status, " KEYS ") || strings.Contains(status, "similar") {
		t.Errorf("160×45, the help fitting: status %q, want the help's position", status)
	}

	m = press(newModel(t, seed(t), 60, 12), "?")
	lines = screenLines(m)
	if bar := lines[len(lines)-1]; !strings.Contains(bar, "down") {
		t.Errorf("60×12, the help scrolling: help line %q lacks the moving keys", bar)
	}
	total := m.helpScroll.total
	want := fmt.Sprintf("row 1/%d · top", total)
	if status := lines[len(lines)-2]; !strings.Contains(status, want) {
		t.Errorf("60×12: status %q, want %q", status, want)
	}
	m = press(m, "G")
	lines = screenLines(m)
	if status := lines[len(lines)-2]; !strings.Contains(status, fmt.Sprintf("/%d · end", total)) {
		t.Errorf("60×12 after G: status %q, want the help's end", status)
	}
}

// TestHelpWholeAt40Columns is a regression test: at 40 columns, the
// narrowest the reader draws at, the full help cut the descriptions its
// keys' column left no room for ("delete back (n…", "up a row (in a
// list: a…"), though it exists to say what each key does. A description
// that does not fit beside its keys goes on under itself.
func TestHelpWholeAt40Columns(t *testing.T) {
	secs := helpSections(describedKeyMap(DefaultKeyMap()))
	lib := staleListing(t, func(string) {})
	for _, size := range [][2]int{{40, 12}, {44, 20}, {50, 12}} {
		m := newModelOpts(t, nil, size[0], size[1], Options{Renderer: renderer(termenv.Ascii), WriteHTML: testPage, Suspend: true,
			Loading: "the archive", Open: func(context.Context) (Library, []string, error) { return lib, nil, nil }})
		m = press(m, "?")
		var seen []string
		for range 300 {
			checkFits(t, m, size[0], size[1])
			seen = append(seen, strings.Join(screenLines(m)[:size[1]-2], "\n"))
			before := screen(m)
			if m = press(m, "j"); screen(m) == before {
				break
			}
		}
		// Each screenful, its lines joined as the reader reads on from
		// one to the next.
		var text []string
		for _, s := range seen {
			text = append(text, strings.Join(strings.Fields(s), " "))
		}
		for _, sec := range secs {
			for _, e := range sec.entries {
				want := strings.Join(strings.Fields(e.desc), " ")
				if !slices.ContainsFunc(text, func(s string) bool { return strings.Contains(s, want) }) {
					t.Errorf("%dx%d: the help never shows %q (%s) whole", size[0], size[1], e.desc, sec.title)
				}
			}
		}
		if strings.Contains(strings.Join(seen, "\n"), "…") {
			t.Errorf("%dx%d: the help cuts a line short:\n%s", size[0], size[1], strings.Join(seen, "\n----\n"))
		}
	}
}

// TestHelpKeepsItsPlaceOnResize is a regression test: the full help kept
// the number of its top row across a resize, not what was there, and the
// help is laid out anew for each width (columns side by side where there
// is room, descriptions wrapped where there is not): reading its Marks
// at 40×12, made 60×20 and then 40×12 again, the reader was in the middle
// of "Type a query". The section at the top stays there.
func TestHelpKeepsItsPlaceOnResize(t *testing.T) {
	for _, section := range []string{"Marks", "Reader", "Views"} {
		m := press(newModel(t, seed(t), 40, 12), "?")
		for range 200 {
			if strings.TrimSpace(screenLines(m)[0]) == section {
				break
			}
			m = press(m, "j")
		}
		if strings.TrimSpace(screenLines(m)[0]) != section {
			t.Fatalf("j never brought %q to the top of the help:\n%s", section, screen(m))
		}
		for _, size := range [][2]int{{60, 20}, {40, 12}, {100, 14}, {44, 12}, {200, 20}, {40, 12}} {
			m = send(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			if body := strings.Join(screenLines(m)[:size[1]-2], "\n"); !strings.Contains(body, section) {
				t.Errorf("%s at the top, the help made %dx%d lost it:\n%s", section, size[0], size[1], screen(m))
			}
		}
	}
}
