package analysis

import (
	"strings"
	"testing"
)

// TestAbbreviatedMonthIsADate is a regression test: a month abbreviated
// in news style ("Jan. 14, 2012", "Feb. 8") was no month, so its day was
// read as a count: two captions of "Saturday, Jan. 14, 2012" and "Sunday,
// Jan. 15, 2012" were reported as a number, 14 against 15, "about" the
// year. An abbreviated month makes a date as the full name does, and is
// that date: "Feb. 8" and "February 8" agree, "Feb. 8" and "February 9"
// do not.
func TestAbbreviatedMonthIsADate(t *testing.T) {
	for _, tc := range []struct {
		left, right string
		want        string // describe's lines, FactDay and FactNumber only
	}{
		{"The committee released the memo on Feb. 8 after a long fight over its contents.",
			"The committee released the memo on February 8 after a long fight over its contents.",
			""},
		{"The committee released the memo on Feb. 8 after a long fight over its contents.",
			"The committee released the memo on February 9 after a long fight over its contents.",
			"day: a=Feb. 8 b=February 9\n"},
		{"The committee released the memo on Sept. 8 after a long fight over its contents.",
			"The committee released the memo on Sept. 9 after a long fight over its contents.",
			"day: a=Sept. 8 b=Sept. 9\n"},
		{"The committee released the memo on 8 Feb after a long fight over its contents.",
			"The committee released the memo on 9 February after a long fight over its contents.",
			"day: a=8 Feb b=9 February\n"},
	} {
		an := analysedTexts(t, "A title\n\n"+tc.left+"\n", "Another title\n\n"+tc.right+"\n")
		var got []Disagreement
		for _, d := range an.Disagreements() {
			if d.Kind == FactDay || d.Kind == FactNumber {
				got = append(got, d)
			}
		}
		if g := describe(got); g != tc.want {
			t.Errorf("%q\nagainst %q\nreported %q, want %q", tc.left, tc.right, g, tc.want)
		}
	}
	// The day of an abbreviated date is no number of its own.
	an := analysedTexts(t, "A title\n\nThe body was found on Jan. 14, 2012, near the river.\n")
	for _, m := range factMentions(an.Articles[0], 0) {
		if m.kind == FactNumber {
			t.Errorf("%q is read as a number", m.Value)
		}
		if m.kind == FactDay && !strings.HasPrefix(m.Value, "Jan.") {
			t.Errorf("the date is read as %q", m.Value)
		}
	}
}
