package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/x/ansi"
)

// TestFitShortHelpKeepsHelpAndQuit checks that at every width from the
// narrowest the reader draws at, the one-line help fits and still says
// "? help" and "q quit", dropping other hints first.
func TestFitShortHelpKeepsHelpAndQuit(t *testing.T) {
	k := describedKeyMap(DefaultKeyMap())
	k.Help.SetHelp("?", "help")
	k.Quit.SetHelp("q", "quit")
	k.CloseHelp.SetEnabled(false)
	k.Accept.SetEnabled(false)
	for width := 20; width <= 250; width++ {
		line := ansi.Strip(fitShortHelp(help.New(), k, width))
		if w := ansi.StringWidth(line); w > width {
			t.Errorf("width %d: line is %d wide: %q", width, w, line)
		}
		if !strings.HasSuffix(line, "? help • q quit") {
			t.Errorf("width %d: %q lacks ? help and q quit at its end", width, line)
		}
	}
	wide := ansi.Strip(fitShortHelp(help.New(), k, 1000))
	if !strings.Contains(wide, "down") || strings.Contains(wide, "…") {
		t.Errorf("a wide line drops hints: %q", wide)
	}
}

// TestRenderHelpFits checks that the full help, laid out at a narrow and a
// wide width, keeps within the width and lists every entry in full.
func TestRenderHelpFits(t *testing.T) {
	s := mustStyles()
	secs := helpSections(describedKeyMap(DefaultKeyMap()))
	for _, width := range []int{56, 76, 156} {
		lines := renderHelp(s, secs, width)
		text := ansi.Strip(strings.Join(lines, "\n"))
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > width {
				t.Errorf("width %d: line %d is %d wide: %q", width, i, w, ansi.Strip(l))
			}
		}
		for _, sec := range secs {
			if !strings.Contains(text, sec.title) {
				t.Errorf("width %d: no heading %q", width, sec.title)
			}
			for _, e := range sec.entries {
				if !strings.Contains(text, e.desc) {
					t.Errorf("width %d: %s lacks %q", width, sec.title, e.desc)
				}
			}
		}
	}
}

// TestFooterNamesTheHiddenPane checks that where one pane is shown alone
// (under 100 columns) the help line says how to reach the other: at 80
// columns tab was dropped for lack of room, and nothing on screen said the
// articles list existed.
func TestFooterNamesTheHiddenPane(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		m := newModel(t, seed(t), size[0], size[1])
		if footer := screenLines(m)[size[1]-1]; !strings.Contains(footer, "tab articles") {
			t.Errorf("%dx%d comparison: help line %q", size[0], size[1], footer)
		}
		m = press(m, "tab")
		if footer := screenLines(m)[size[1]-1]; !strings.Contains(footer, "tab comparison") {
			t.Errorf("%dx%d articles: help line %q", size[0], size[1], footer)
		}
	}
	m := newModel(t, seed(t), 160, 45)
	if footer := screenLines(m)[44]; !strings.Contains(footer, "tab switch pane") {
		t.Errorf("160x45: help line %q", footer)
	}
}

// TestFooterSaysHowToPick checks that at 80×24, the usual terminal, the
// articles list's help line says what enter does, and that it follows the
// pick: "pick left, then right" did not fit beside tab, help and quit, so
// the line showed only the arrows and nothing said how to choose an
// article.
func TestFooterSaysHowToPick(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		m := press(newModel(t, seed(t), size[0], size[1]), "tab")
		footer := screenLines(m)[size[1]-1]
		if !strings.Contains(footer, "enter put on the left") {
			t.Errorf("%dx%d articles: help line %q lacks enter", size[0], size[1], footer)
		}
		m = press(m, "j", "j", "enter")
		footer = screenLines(m)[size[1]-1]
		if !strings.Contains(footer, "enter put on the right") {
			t.Errorf("%dx%d after the left pick: help line %q", size[0], size[1], footer)
		}
	}
}

// TestNarrowFooterSaysWhatEnterDoes checks that at 60 columns, the
// narrowest the reader draws at, the help line of a view where enter acts
// on the cursor's entry says so, the arrows giving way to it: the
// passages, the matrix, the quotes and the articles list showed "↓/j down
// • ↑/k up" and nothing said that enter opens anything.
func TestNarrowFooterSaysWhatEnterDoes(t *testing.T) {
	for _, tt := range []struct {
		keys []string
		want string
	}{
		{[]string{"tab"}, "enter put on the left"},
		{[]string{"2"}, "enter wordings"},
		{[]string{"3"}, "enter open side by side"},
		{[]string{"v", "3"}, "enter open inline"},
		{[]string{"4"}, "enter open in comparison"},
	} {
		for _, size := range [][2]int{{60, 12}, {70, 20}} {
			m := press(newModel(t, seed(t), size[0], size[1]), tt.keys...)
			footer := strings.TrimRight(screenLines(m)[size[1]-1], " ")
			if !strings.Contains(footer, tt.want) || !strings.HasSuffix(footer, "? help • q quit") {
				t.Errorf("%dx%d after %q: help line %q, want %q and help and quit", size[0], size[1], tt.keys, footer, tt.want)
			}
		}
	}
	// Where enter fits beside the arrows, they stay.
	m := press(newModel(t, seed(t), 160, 45), "4")
	if footer := screenLines(m)[44]; !strings.HasPrefix(footer, "↓/j down • ↑/k up • enter open in comparison") {
		t.Errorf("160x45 passages: help line %q", footer)
	}
}

// TestMatrixFooterSaysTheMode is a regression test: in inline mode the
// matrix's help line said "enter side by side", though enter opens the
// pair inline (as the status bar then says).
func TestMatrixFooterSaysTheMode(t *testing.T) {
	for _, tt := range []struct {
		keys      []string
		want, not string
	}{
		{[]string{"3"}, "enter open side by side", "inline"},
		{[]string{"v", "3"}, "enter open inline", "side by side"},
		{[]string{"v", "v", "3"}, "enter open side by side", "inline"},
		// The mode is the comparison's as it is when the matrix shows,
		// whichever view was on screen before.
		{[]string{"3", "1", "v", "3"}, "enter open inline", "side by side"},
	} {
		m := press(newModel(t, seed(t), 160, 45), tt.keys...)
		footer := screenLines(m)[44]
		if !strings.Contains(footer, tt.want) || strings.Contains(footer, tt.not) {
			t.Errorf("after %q: help line %q, want %q and not %q", tt.keys, footer, tt.want, tt.not)
		}
		m = press(m, "enter")
		if got := "enter open " + m.compare.pane.Mode().String(); got != tt.want {
			t.Errorf("after %q and enter: the pair opened %s, the help said %q", tt.keys, m.compare.pane.Mode(), tt.want)
		}
	}
}
