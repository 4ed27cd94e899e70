package quote

import "testing"

// TestDocumentOnIsTheSource is a regression test: "A report on the crash
// said" and "a report about the crash said" gave the quote to "crash":
// after a document's noun, "on" and "about" say what it is about, not
// where it is or whose it is, and the document is the source, as "a
// report said" is. A person on something ("an expert on the region")
// is still the speaker, with the phrase.
func TestDocumentOnIsTheSource(t *testing.T) {
	const q = ` "The pilots were tired and had not been trained."`
	const qc = `"The pilots were tired and had not been trained,"`
	const head = "The plane came down on Monday. "
	runSpeakerCases(t, []speakerCase{
		{name: "before the quote",
			text:     head + "A report on the crash said:" + q,
			speakers: []string{""}, verbs: []string{"said"}, sources: []string{"report"}},
		{name: "after the quote",
			text:     head + qc + " a report on the crash said.",
			speakers: []string{""}, verbs: []string{"said"}, sources: []string{"report"}},
		{name: "about",
			text:     head + qc + " a report about the crash said.",
			speakers: []string{""}, verbs: []string{"said"}, sources: []string{"report"}},
		{name: "a name in what it is about",
			text:     head + qc + " the report on the Boeing crash said.",
			speakers: []string{""}, verbs: []string{"said"}, sources: []string{"report"}},
		{name: "after the verb",
			text:     head + qc + " said a report on the crash.",
			speakers: []string{""}, verbs: []string{"said"}, sources: []string{"report"}},
		{name: "a person on something",
			text:     head + qc + " an expert on the region said.",
			speakers: []string{"expert on the region"}},
	})
}
