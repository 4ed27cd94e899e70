package ui

import (
	"strings"
	"testing"

	"github.com/muesli/termenv"
)

// TestPunctuationChangeKeepsTheSpacing is a regression test: a comma one
// outlet adds after a word ("democracy, and" against "democracy and")
// was drawn after the other's space, "democracy , and", in the inline
// comparison and in the quote's wording, where the diff takes the space
// out and puts ", " in; and a comma one leaves out drew the space twice.
// A deletion followed by an insertion leaves the space to the insertion.
func TestPunctuationChangeKeepsTheSpacing(t *testing.T) {
	const (
		plain = "Party sues over the election\n\n\"We will defend our democracy and we will win this fight for the whole country,\" said Perez on Monday.\n"
		comma = "Party sues over the election\n\n\"We will defend our democracy, and we will win this fight for the whole country,\" said Perez on Monday.\n"
	)
	for _, c := range []struct {
		name, a, b string
	}{
		{"added", plain, comma},
		{"dropped", comma, plain},
	} {
		for _, colour := range []bool{false, true} {
			opts := Options{Renderer: renderer(termenv.Ascii)}
			if colour {
				opts.Renderer = renderer(termenv.TrueColor)
			}
			m := newModelOpts(t, pairCorpus(t, "comma-"+c.name, c.a, c.b), 160, 45, opts)
			for _, view := range []struct {
				name string
				keys []string
			}{
				{"inline comparison", []string{"v"}},
				{"quote wordings", []string{"2", "enter"}},
			} {
				s := screen(press(m, view.keys...))
				// In plain text the comma is bracketed: [-,-] or {+,+}.
				read := strings.NewReplacer("[-", "", "-]", "", "{+", "", "+}", "").Replace(s)
				if !strings.Contains(read, "democracy, and we will win") {
					t.Errorf("comma %s, %s, colour %v: want \"democracy, and\" spaced as written:\n%s", c.name, view.name, colour, s)
				}
			}
		}
	}
}
