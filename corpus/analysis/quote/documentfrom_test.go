package quote

import "testing"

// TestDocumentFromAnOrganisation is a regression test: `"…," a
// statement from the company said` gave the quote to "company", where "a
// statement by the company" and "the statement of the company" give the
// statement as the source: a document from an organisation is a work it
// issued, its words checked against the document, as one by it is. A
// document from people or from a person ("a statement from several
// harbour pilots", "a tweet from Ann Ortiz") is still their words, and a
// spokesman from the company is a person who spoke.
func TestDocumentFromAnOrganisation(t *testing.T) {
	const q = ` "The harbour is unsafe for ships tonight."`
	const qc = `"The harbour is unsafe for ships tonight,"`
	const head = "The ships came in late on Monday. "
	runSpeakerCases(t, []speakerCase{
		{name: "a statement from the company, after the quote",
			text:     head + qc + " a statement from the company said.",
			speakers: []string{""}, verbs: []string{"said"}, sources: []string{"statement"}},
		{name: "before the quote",
			text:     head + "A statement from the company said" + q,
			speakers: []string{""}, verbs: []string{"said"}, sources: []string{"statement"}},
		{name: "after the verb",
			text:     head + qc + " said a report from the harbour board.",
			speakers: []string{""}, verbs: []string{"said"}, sources: []string{"report"}},
		{name: "according to",
			text:     head + qc + " according to a letter from the ministry.",
			speakers: []string{""}, verbs: []string{"according to"}, sources: []string{"letter"}},
		{name: "a named board",
			text:     head + "A statement from the Harbour Board said" + q,
			speakers: []string{""}, verbs: []string{"said"}, sources: []string{"statement"}},
		{name: "a statement from people",
			text:     head + qc + " according to a statement from several harbour pilots.",
			speakers: []string{"several harbour pilots"}},
		{name: "a statement from a person",
			text:     head + qc + " a statement from Ann Ortiz said.",
			speakers: []string{"Ann Ortiz"}},
		{name: "a spokesman from the company",
			text:     head + qc + " a spokesman from the company said.",
			speakers: []string{"spokesman from the company"}},
	})
}
