package quote

import "testing"

// TestGenericYouSaysNothing is a regression test: "If you are saying
// things like “…”" credited the quote to "you", the reader the writer
// addresses, who says nothing; a speaker named after it still is one.
func TestGenericYouSaysNothing(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "the generic you",
			text:     "The count went on. If you are saying things like “the vote was rigged,” nobody will believe the count.",
			speakers: []string{""},
		},
		{
			name:     "a speaker after it",
			text:     "The count went on. If you are saying things like “the vote was rigged,” you are wrong, the senator said.",
			speakers: []string{"senator"},
			verbs:    []string{"said"},
		},
	})
}
