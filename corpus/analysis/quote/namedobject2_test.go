package quote

import "testing"

// TestNounWithANamedPhrase is a regression test: "A spokesman for Google
// said" gave the quote to "spokesman", and "Officials in Washington
// said" to "Washington": a name after a noun's preposition is which
// spokesman or which officials, kept with the noun as "a spokesman for
// the company" is; a document before it is still the source.
func TestNounWithANamedPhrase(t *testing.T) {
	const q = ` "The harbour is unsafe for ships tonight."`
	const head = "The ships came in late on Monday. "
	runSpeakerCases(t, []speakerCase{
		{name: "a spokesman for a named company",
			text:     head + "A spokesman for Google said" + q,
			speakers: []string{"spokesman for Google"}},
		{name: "officials in a named city",
			text:     head + "Officials in Washington said" + q,
			speakers: []string{"Officials in Washington"}},
		{name: "a poll in a named state",
			text:     head + "A poll in Wyoming said" + q,
			speakers: []string{""}, sources: []string{"poll"}},
	})
}
