package quote

import "testing"

// TestNounWithItsPhrase is a regression test: "A spokesman for the
// company said" gave the quote to "company", "Officials in the city
// said" to "city", "Protesters outside the embassy said" to "embassy":
// the noun phrase before the verb was the object of a preposition, and
// the noun before it, who spoke, was lost. The speaker is that noun with
// its phrase, without its determiner, as an office holder's is ("head of
// the agency"). "One woman at the rally said" found no speaker at all,
// "rally" skipped as an adverb in "-ly"; "a source close to the family"
// keeps its phrase too. A report by someone is a document, the quote's
// source, as "the report of the board" is.
func TestNounWithItsPhrase(t *testing.T) {
	const q = ` "The harbour is unsafe for ships tonight."`
	const head = "The ships came in late on Monday. "
	runSpeakerCases(t, []speakerCase{
		{name: "a spokesman for the company",
			text:     head + "A spokesman for the company said:" + q,
			speakers: []string{"spokesman for the company"}, verbs: []string{"said"}},
		{name: "officials in the city",
			text:     head + "Officials in the city said" + q,
			speakers: []string{"Officials in the city"}},
		{name: "a man in the crowd",
			text:     head + "A man in the crowd shouted:" + q,
			speakers: []string{"man in the crowd"}, verbs: []string{"shouted"}},
		{name: "protesters outside the embassy",
			text:     head + "Protesters outside the embassy said" + q,
			speakers: []string{"Protesters outside the embassy"}},
		{name: "a noun in -ly after its determiner",
			text:     head + "One woman at the rally said" + q,
			speakers: []string{"One woman at the rally"}, verbs: []string{"said"}},
		{name: "after the quote",
			text:     head + `"The harbour is unsafe for ships tonight," a spokesman for the company said.`,
			speakers: []string{"spokesman for the company"}},
		{name: "a source close to the family",
			text:     head + "A source close to the family said" + q,
			speakers: []string{"source close to the family"}},
		{name: "a report by the board",
			text:     head + `"The harbour is unsafe for ships tonight," a report by the board said.`,
			speakers: []string{""}, verbs: []string{"said"}, sources: []string{"report"}},
		{name: "a bare phrase after the preposition",
			text:     head + "The president at times said" + q,
			speakers: []string{"president"}},
		{name: "a phrase opening the sentence",
			text:     head + "In the city the mayor said" + q,
			speakers: []string{"mayor"}},
		{name: "the family",
			text:     head + "In a statement, the family said" + q,
			speakers: []string{"family"}},
	})
}
