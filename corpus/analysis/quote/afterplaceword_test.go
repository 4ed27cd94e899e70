package quote

import "testing"

// TestPlaceWordAfterVerb is a regression test: `"…," said a woman
// outside the US embassy` gave the quote to "US", and `said a woman
// outside` to "woman outside": after the verb only "in" and "at" ended
// the phrase, so a place put by "outside", "near", "inside" or
// "behind" ran on into the phrase read for a name. Such a place is read
// as "in" and "at" are: kept when it is of common words ("said a man in
// the crowd"), left out when it names a place ("said a spokesman in
// London").
func TestPlaceWordAfterVerb(t *testing.T) {
	const qc = `"We are all very frightened here,"`
	const head = "The gates stayed shut on Monday. "
	runSpeakerCases(t, []speakerCase{
		{name: "outside a named place",
			text:     head + qc + " said a woman outside the US embassy.",
			speakers: []string{"woman"}, verbs: []string{"said"}},
		{name: "in a named place",
			text:     head + qc + " said a spokesman in London.",
			speakers: []string{"spokesman"}},
		{name: "outside with nothing after it",
			text:     head + qc + " said a woman outside.",
			speakers: []string{"woman"}},
		{name: "near a named place",
			text:     head + qc + " said a man near the Kremlin.",
			speakers: []string{"man"}},
		{name: "outside a place of common words",
			text:     head + qc + " said a woman outside the embassy.",
			speakers: []string{"woman outside the embassy"}},
		{name: "outside of",
			text:     head + qc + " said a woman outside of the embassy.",
			speakers: []string{"woman outside of the embassy"}},
		{name: "behind, then a day",
			text:     head + qc + " said a man behind the counter on Monday.",
			speakers: []string{"man behind the counter"}},
		{name: "inside, then a named place",
			text:     head + qc + " said a guard inside the embassy in Kiev.",
			speakers: []string{"guard inside the embassy"}},
		{name: "a name stays",
			text:     head + qc + " said Ann Ortiz outside the embassy.",
			speakers: []string{"Ann Ortiz"}},
	})
}

// TestPlaceWordAsAdjective: "outside" or "inside" before a common noun
// is that noun's adjective ("outside counsel", "inside sources"), no
// place, and stays in the phrase.
func TestPlaceWordAsAdjective(t *testing.T) {
	const qc = `"We are all very frightened here,"`
	const head = "The gates stayed shut on Monday. "
	runSpeakerCases(t, []speakerCase{
		{name: "outside counsel",
			text:     head + qc + " according to Trump's outside counsel.",
			speakers: []string{"Trump's outside counsel"}},
		{name: "inside sources",
			text:     head + qc + " said two inside sources.",
			speakers: []string{"two inside sources"}},
	})
}
