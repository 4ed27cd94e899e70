package quote

import "testing"

// TestColonAfterPointIsTheNextQuotes is a regression test: in a text
// lower-cased wholesale, `… excited. " another source tells people: "…"`
// gave the quote closed on the point to "another source", whose verb
// introduces, with its colon, the quote after it: the splitter of such a
// text misses the sentence opening after the point, and the quote before
// goes on with the speaker of the one before it.
func TestColonAfterPointIsTheNextQuotes(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{name: "a verb and a colon after a quote closed on a point",
			text:     `the ships came in late on monday. "they told friends a few weeks ago, " says the source. "the family has known for quite some time. She is really excited. " another source tells people: "it is an amazing turn of events. "`,
			speakers: []string{"source", "source", "another source"},
			verbs:    []string{"says", "", "tells"}},
	})
}
