package ui

import (
	"regexp"
	"testing"

	"github.com/muesli/termenv"
)

// TestCompareHeaderWordCountWhole is a regression test: where the outlet
// and its word count did not fit a column of the comparison's header, the
// count was cut, "Swell Digest · 340 wor…", and in plain text, whose
// swatch "[-…-]" is wider, at a hundred columns. It is said shorter,
// "340w" as the list says it, or left out.
func TestCompareHeaderWordCountWhole(t *testing.T) {
	cut := regexp.MustCompile(`· \d+( w|wo|wor|word|words)?…`)
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
