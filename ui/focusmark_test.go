package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// TestFocusShowsWithoutAttributes: where the terminal shows no attributes
// (NO_COLOR, --no-color, TERM=dumb) the heading of the pane keys go to is
// marked ▸, in the compare view and in the quotes view. Focus was shown by
// the heading's and the divider's colour alone, so without colour the two
// panes looked the same whichever had the keys, and j, k and the page
// keys moved a pane the reader could not tell. With colour, nothing
// changes: the colour says it.
func TestFocusShowsWithoutAttributes(t *testing.T) {
	const mark = "▸"
	// heads returns the text of the first line left and right of the
	// first divider: the headings of the two panes.
	heads := func(m Model) (left, right string) {
		first := screenLines(m)[0]
		l, r, ok := strings.Cut(first, "│")
		if !ok {
			t.Fatalf("no divider on the first line: %q", first)
		}
		return l, r
	}
	focused := func(t *testing.T, m Model, wantLeft bool, what string) {
		t.Helper()
		l, r := heads(m)
		if got := strings.HasPrefix(l, mark); got != wantLeft {
			t.Errorf("%s: left heading %q marked %v, want %v", what, l, got, wantLeft)
		}
		if got := strings.HasPrefix(r, mark); got == wantLeft {
			t.Errorf("%s: right heading %q marked %v, want %v", what, r, got, !wantLeft)
		}
	}

	m := newModel(t, seed(t), 160, 45)
	if m.compare.articles.Focused() {
		t.Fatal("the reader opened with the articles focused; the test expects the comparison")
	}
	focused(t, m, false, "compare, comparison focused")
	m = press(m, "tab")
	focused(t, m, true, "compare, articles focused")
	m = press(m, "v") // inline: the header is drawn another way
	focused(t, m, true, "inline, articles focused")
	m = press(m, "tab")
	focused(t, m, false, "inline, comparison focused")
	// The mark takes the blank it stands in: the headings are where they
	// were.
	if l, _ := heads(m); !strings.HasPrefix(l, " Articles") {
		t.Errorf("the unfocused articles heading moved: %q", l)
	}

	m = press(m, "2")
	focused(t, m, true, "quotes, list focused")
	m = press(m, "tab")
	focused(t, m, false, "quotes, wordings focused")
	m = press(m, "esc")
	focused(t, m, true, "quotes, back to the list")

	// The help's legend, which says what ▸ marks, says so too.
	legend := ""
	for _, l := range screenLines(press(newModel(t, seed(t), 160, 45), "?")) {
		if strings.Contains(l, mark+" ") && strings.Contains(l, "change") {
			legend = l
		}
	}
	if !strings.Contains(legend, "focused pane") {
		t.Errorf("the help's legend of %s does not name the focused pane: %q", mark, legend)
	}

	// With colour the heading's colour shows focus: no mark.
	c := newModelOpts(t, seed(t), 160, 45, Options{Renderer: renderer(termenv.TrueColor)})
	for _, k := range []string{"", "tab", "2", "tab"} {
		if k != "" {
			c = press(c, k)
		}
		if s := ansi.Strip(c.View()); strings.Contains(strings.SplitN(s, "\n", 2)[0], mark) {
			t.Errorf("after %q, with colour, a heading is marked: %q", k, strings.SplitN(s, "\n", 2)[0])
		}
	}
}
