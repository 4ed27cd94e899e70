package quote

import "testing"

// TestDocumentByIsTheSource is a regression test: "A report by the
// Harbour Board said", "said a report by the board" and "according to a
// report by the board" gave the quote to the board: a work by someone
// is a document, whose words are checked against it, as "the report of
// the board says" and "a report by Ann Ortiz said" are, so it is the
// source and no one is the speaker. A statement by a person named by a
// title or an office is still that person's words.
func TestDocumentByIsTheSource(t *testing.T) {
	const q = ` "The harbour is unsafe for ships tonight."`
	const qc = `"The harbour is unsafe for ships tonight,"`
	const head = "The ships came in late on Monday. "
	runSpeakerCases(t, []speakerCase{
		{name: "a named board",
			text:     head + "A report by the Harbour Board said" + q,
			speakers: []string{""}, verbs: []string{"said"}, sources: []string{"report"}},
		{name: "after the verb",
			text:     head + qc + " said a report by the board.",
			speakers: []string{""}, verbs: []string{"said"}, sources: []string{"report"}},
		{name: "according to",
			text:     head + qc + " according to a report by the board.",
			speakers: []string{""}, verbs: []string{"according to"}, sources: []string{"report"}},
		{name: "a letter by residents",
			text:     head + "A letter by the residents said" + q,
			speakers: []string{""}, verbs: []string{"said"}, sources: []string{"letter"}},
		{name: "a statement by a spokeswoman named",
			text:     head + qc + " according to a statement by spokeswoman Kathy Wilets.",
			speakers: []string{"Kathy Wilets"}},
		{name: "a statement by the spokeswoman",
			text:     head + qc + " a statement by the spokeswoman said.",
			speakers: []string{"spokeswoman"}},
		{name: "a statement from the pilots",
			text:     head + qc + " according to a statement from several harbour pilots.",
			speakers: []string{"several harbour pilots"}},
	})
}
