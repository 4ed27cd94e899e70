package quote

import "testing"

// TestDocumentOfIsTheChannel is a regression test: a document's noun
// with "of" phrases after it ("A memo of the results of the department’s
// investigation says") gave the last phrase's object as the speaker,
// "department’s investigation", where the memo says it and is the
// quote's source, as "the memo says" is. A person's or anyone's noun
// before "of" is left as it was.
func TestDocumentOfIsTheChannel(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "a chain of of-phrases",
			text:     `A memo of the results of the harbour board’s inquiry says crews are trained to use "calm words to talk them back to the quay."`,
			speakers: []string{""},
			verbs:    []string{"says"},
			sources:  []string{"memo"},
		},
		{
			name:     "one of-phrase",
			text:     `The report of the harbour board says the quay was "not fit for use at any tide."`,
			speakers: []string{""},
			verbs:    []string{"says"},
			sources:  []string{"report"},
		},
	})
}
