package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// TestSearchMatchesMarkedWithoutAttributes checks that, where the terminal
// shows no attributes (NO_COLOR, TERM=dumb), search matches are marked in
// the words themselves, in both modes, not only by the gutter's ▸; and
// that clearing the search takes the marks away again.
func TestSearchMatchesMarkedWithoutAttributes(t *testing.T) {
	for _, md := range []struct {
		name string
		keys []string
	}{{"side", nil}, {"inline", []string{"v"}}} {
		t.Run(md.name, func(t *testing.T) {
			m := newModelOpts(t, seed(t), 100, 30, Options{Renderer: renderer(termenv.Ascii), NoColor: true})
			m = press(m, md.keys...)
			m = press(m, "/")
			m = typeText(m, "emails")
			m = press(m, "enter")
			view := screen(m)
			if !strings.Contains(view, "*emails*") && !strings.Contains(view, "*Emails*") {
				t.Errorf("no starred match of %q on screen:\n%s", "emails", view)
			}
			m = press(m, "/", "esc")
			if view := screen(m); strings.Contains(view, "*emails*") || strings.Contains(view, "*Emails*") {
				t.Errorf("matches still starred after the search was cleared:\n%s", view)
			}
		})
	}
}

// TestSearchMatchesReversedWithoutColour checks that with colour off on a
// terminal that shows attributes, matches are in reverse video and not
// starred.
func TestSearchMatchesReversedWithoutColour(t *testing.T) {
	m := newModelOpts(t, seed(t), 100, 30, Options{Renderer: renderer(termenv.ANSI256), NoColor: true})
	m = press(m, "/")
	m = typeText(m, "emails")
	m = press(m, "enter")
	view := m.View()
	if !hasSGR(view, "7") {
		t.Errorf("no reverse video on screen")
	}
	if strings.Contains(ansi.Strip(view), "*emails*") {
		t.Errorf("matches starred where reverse video shows them")
	}
}

// TestStarMatches checks the cutting of fragments at matches, a match
// across fragments included.
func TestStarMatches(t *testing.T) {
	frags := []frag{{"the emails", clsEqual, 0}, {"[-", clsDelete, -1}, {" were", clsDelete, 10}, {" lost", clsEqual, 15}}
	text := "the emails were lost"
	got := starMatches(frags, findAll(text, foldQuery("ls we"), 0))
	var sb strings.Builder
	for _, f := range got {
		sb.WriteString(f.text)
	}
	if want := "the emai*ls[- we*re lost"; sb.String() != want {
		t.Errorf("starred %q, want %q", sb.String(), want)
	}
	for _, f := range got {
		if f.off >= 0 && text[f.off:f.off+len(f.text)] != f.text {
			t.Errorf("fragment %q has offset %d, where the text is %q", f.text, f.off, text[f.off:f.off+len(f.text)])
		}
	}
}
