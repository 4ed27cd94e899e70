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
