package ui

import (
	"regexp"
	"testing"

	"github.com/muesli/termenv"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestCompareHeaderWordCountWhole is a regression test: where the outlet
// and its word count did not fit a column of the comparison's header, the
// count was cut, "Swell Digest · 340 wor…", and in plain text, whose
// swatch "[-…-]" is wider, at a hundred columns. It is said shorter,
// "340w" as the list says it, or left out.
//
// Its pattern missed "340 wor…" at first: " wo", " wor"… wanted their
// space.
func TestCompareHeaderWordCountWhole(t *testing.T) {
	cut := regexp.MustCompile(`· \d+( w| wo| wor| word| words|w)?( ·)?…`)
	for _, noColor := range []bool{false, true} {
		for w := MinWidth; w <= 120; w++ {
			m := newModelOpts(t, seed(t), w, 30, Options{Renderer: renderer(termenv.TrueColor), NoColor: noColor})
			if m.compare.pane.Mode() != sideBySide {
				continue
			}
			head := screenLines(m)[0]
			if cut.MatchString(head) {
				t.Errorf("%d columns, NoColor %v: a word count cut in the header %q", w, noColor, head)
			}
		}
	}
}

// TestInlineHeaderWordCountWhole is a regression test: the inline
// header put the word count in one string with the title and cut it as a
// whole, so that a narrow screen showed "340 wor…". It follows the side by
// side header's rule: "340 words", "340w", or no count.
func TestInlineHeaderWordCountWhole(t *testing.T) {
	cut := regexp.MustCompile(`· \d+( w| wo| wor| word| words|w)?( ·)?…`)
	long := filesCorpus(t, "long-names",
		"the-associated-press-wire-service-edition.txt", "A title\n\nThe council met on Monday and voted to close the library. Residents objected at length.\n",
		"the-independent-weekly-broadsheet-review.txt", "Another title\n\nThe council voted on Monday to shut the library. Many residents protested.\n")
	for _, c := range []struct {
		name string
		in   *corpus.Corpus
	}{{"sample", seed(t)}, {"long names", long}} {
		for _, noColor := range []bool{false, true} {
			counted := false
			for w := MinWidth; w <= 120; w++ {
				m := newModelOpts(t, c.in, w, 30, Options{Renderer: renderer(termenv.TrueColor), NoColor: noColor})
				m = press(m, "v")
				if m.compare.pane.Mode() != inline {
					t.Fatalf("%s: v did not show the comparison inline", c.name)
				}
				for _, head := range screenLines(m)[:2] {
					if cut.MatchString(head) {
						t.Errorf("%s, %d columns, NoColor %v: a word count cut in the header %q", c.name, w, noColor, head)
					}
					counted = counted || regexp.MustCompile(`· \d+( words|w) ·`).MatchString(head)
				}
			}
			if !counted {
				t.Errorf("%s, NoColor %v: no header line with a count and a title after it: the test needs some", c.name, noColor)
			}
		}
	}
}
