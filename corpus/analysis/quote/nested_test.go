package quote

import (
	"slices"
	"testing"
)

// TestNestedDoubleMarks is a regression test: a quote that itself quotes
// with double marks ended at the inner opening mark, read as the outer
// one's lost closing mark, so the outer quote lost the rest of its words
// and the inner words stood as a quote of their own. A mark opening
// within a quote whose next two marks both close is the inner quote's,
// and both stay in the outer one. A mark that opens a quote after one
// left open still ends that one.
func TestNestedDoubleMarks(t *testing.T) {
	runQuotedCases(t, []quotedCase{
		{
			name:     "straight marks within straight marks",
			text:     `"Give what you can," the appeal read. "We want him rested, so the "greatest singer of all time" can get back to work!"`,
			texts:    []string{"Give what you can", `We want him rested, so the "greatest singer of all time" can get back to work!`},
			speakers: []string{"", ""},
		},
		{
			name:     "curly marks within curly marks",
			text:     "“He said “no deal” to us twice,” the mayor, Ann Ruiz, said.",
			texts:    []string{"He said “no deal” to us twice"},
			speakers: []string{"Ann Ruiz"},
		},
		{
			name:     "straight marks within curly marks, at the quote's end",
			text:     "“They told us it was \"a done deal,\"” Ruiz said.",
			texts:    []string{"They told us it was \"a done deal,\""},
			speakers: []string{"Ruiz"},
		},
		{
			name:     "a curly mark typed for a closing one after an inner quote",
			text:     "Snap tells me “the bots will turn up around the country after a brief “nap” :) “. Buyers should expect to wait.",
			texts:    []string{"the bots will turn up around the country after a brief “nap” :)"},
			speakers: []string{"Snap"},
		},
	})
}

// TestNewMarkStillEndsALostQuote checks that a mark opening after one
// left open, with a single closing mark after it, still ends the open
// quote there: a quote within a quote needs two.
func TestNewMarkStillEndsALostQuote(t *testing.T) {
	var got []string
	for _, q := range Extract(quoteArticle("a", "T\n\n“The river rose overnight. “We have never seen it this high,” said Ruiz.\n")) {
		got = append(got, q.Text())
	}
	want := []string{"The river rose overnight.", "We have never seen it this high"}
	if !slices.Equal(got, want) {
		t.Errorf("quotes %q, want %q", got, want)
	}
}
