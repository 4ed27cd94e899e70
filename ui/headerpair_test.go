package ui

import (
	"regexp"
	"strings"
	"testing"
)

// TestHeaderSaysTheSameOfBothSides: the comparison's header gave one
// side's date and not the other's where only one fitted (at 84 to 86
// columns, "Swell Digest · 340 words │ Hacked.com · 316 words ·
// 2016-07-27"), and inline a long title pushed the right article's date
// off its line: either read as an article without a date. And at 60
// columns the counts stood as "340w" beside "316 words". Both sides now
// give the date, or neither does, and the count in one form.
func TestHeaderSaysTheSameOfBothSides(t *testing.T) {
	date := regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)
	long := regexp.MustCompile(`\d words`)
	for w := 60; w <= 200; w++ {
		m := newModel(t, seed(t), w, 30)
		// Side by side: the first line has both outlets.
		first := screenLines(m)[0]
		if _, cmp, ok := strings.Cut(first, "│"); ok && strings.Count(first, "│") == 2 {
			first = cmp // the list's part, where both panes show
		}
		l, r, ok := strings.Cut(first, "│")
		if !ok {
			t.Fatalf("%d columns: no two sides in %q", w, first)
		}
		if (date.MatchString(l)) != (date.MatchString(r)) {
			t.Errorf("%d columns: one side dated: %q", w, first)
		}
		if (long.MatchString(l)) != (long.MatchString(r)) {
			t.Errorf("%d columns: the counts in two forms: %q", w, first)
		}
		// Inline: a line each.
		lines := screenLines(press(m, "v"))
		a, b := lines[0], lines[1]
		if w >= dualPaneWidth {
			_, a, _ = strings.Cut(a, "│")
			_, b, _ = strings.Cut(b, "│")
		}
		if (date.MatchString(a)) != (date.MatchString(b)) {
			t.Errorf("%d columns, inline: one side dated:\n%q\n%q", w, a, b)
		}
	}
}
