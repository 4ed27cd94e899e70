package quote

import "testing"

// TestAgreementIsAChannel is a regression test: "The terms of that user
// agreement said, “…”" gave the agreement as the speaker, "user
// agreement", and "The movies claim that …" the movies, where a document's words have a source and no speaker, as
// "the statement said" has: a reader checking the quote looks it up in
// the agreement, and no one spoke it.
func TestAgreementIsAChannel(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "the terms of the agreement",
			text:     `Users objected to the update. The terms of that user agreement said, "you agree that a business may pay us to display your name and photos."`,
			speakers: []string{""},
			verbs:    []string{"said"},
			sources:  []string{"user agreement"},
		},
		{
			name:     "films",
			text:     `The group cited a ten-part video course. The movies claim that the council "was helped in its efforts to take over the harbour board."`,
			speakers: []string{""},
			verbs:    []string{"claim"},
			sources:  []string{"movies"},
		},
		{
			name:     "the contract",
			text:     `The club signed him in May. The contract says he "may leave for any club that pays the fee in full."`,
			speakers: []string{""},
			verbs:    []string{"says"},
			sources:  []string{"contract"},
		},
	})
}
