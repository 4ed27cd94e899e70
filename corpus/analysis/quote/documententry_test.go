package quote

import "testing"

// TestEntryIsADocument is a regression test: "The ledger entry at the
// dozier school said" gave the quote to "ledger entry at the dozier
// school", where an entry, a log, a ledger or a diary is a document, its
// words checked against it, as "the record said" and "the notice said"
// are: no one spoke them, and where it is kept ("at the school", "outside
// the hall") says which document it is, not who wrote it. A person at the school is still who spoke.
func TestEntryIsADocument(t *testing.T) {
	const qc = `"The boy was sent home sick in the spring,"`
	const head = "The school kept its books by hand. "
	runSpeakerCases(t, []speakerCase{
		{name: "a ledger entry at the school",
			text:     head + qc + " the ledger entry at the dozier school said.",
			speakers: []string{""}, verbs: []string{"said"}, sources: []string{"ledger entry"}},
		{name: "the entry before the quote",
			text:     head + `The entry said "the boy was sent home sick in the spring."`,
			speakers: []string{""}, verbs: []string{"said"}, sources: []string{"entry"}},
		{name: "the log",
			text:     head + qc + " the ship's log says.",
			speakers: []string{""}, verbs: []string{"says"}, sources: []string{"ship's log"}},
		{name: "a diary",
			text:     head + qc + " her diary says.",
			speakers: []string{""}, verbs: []string{"says"}, sources: []string{"diary"}},
		{name: "a sign outside the hall",
			text:     head + qc + " a sign outside the hall said.",
			speakers: []string{""}, verbs: []string{"said"}, sources: []string{"sign"}},
		{name: "a teacher at the school",
			text:     head + qc + " a teacher at the dozier school said.",
			speakers: []string{"teacher at the dozier school"}},
	})
}
