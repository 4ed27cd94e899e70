package quote

import "testing"

// TestPoliceRankTitle is a regression test: "Det Con Tim Bird told the
// inquest" gave the quote to "Con Tim Bird", and "PC Tim Bird said" to
// "PC Tim Bird": "Con" of a detective constable, and the capitals of a
// British police rank (PC, DC, DS, DCI), were no titles, and stayed in
// the name. Such a word is a title only beside another word of a rank,
// or, in capitals, before a name ("Con Edison" and "DC Comics" are no
// ranks).
func TestPoliceRankTitle(t *testing.T) {
	const q = ` "I saw him fall down the stairs."`
	const qc = `"I saw him fall down the stairs,"`
	const head = "The hearing went on into the evening. "
	runSpeakerCases(t, []speakerCase{
		{name: "det con before the quote",
			text:     head + "Det Con Tim Bird told the inquest:" + q,
			speakers: []string{"Tim Bird"}, verbs: []string{"told"}},
		{name: "det con after the verb",
			text:     head + qc + " said Det Con Tim Bird.",
			speakers: []string{"Tim Bird"}},
		{name: "det ch insp",
			text:     head + qc + " said Det Ch Insp Tim Bird.",
			speakers: []string{"Tim Bird"}},
		{name: "ch supt",
			text:     head + "Ch Supt Tim Bird said:" + q,
			speakers: []string{"Tim Bird"}},
		{name: "det con before a surname",
			text:     head + "Det Con Bird said:" + q,
			speakers: []string{"Bird"}},
		{name: "pc",
			text:     head + "PC Tim Bird said:" + q,
			speakers: []string{"Tim Bird"}},
		{name: "dc after the verb",
			text:     head + qc + " said DC Tim Bird.",
			speakers: []string{"Tim Bird"}},
		{name: "ds",
			text:     head + qc + " DS Tim Bird told the court.",
			speakers: []string{"Tim Bird"}},
		{name: "dci before a surname",
			text:     head + qc + " said DCI Hutchings.",
			speakers: []string{"Hutchings"}},
		{name: "con alone is a name",
			text:     head + qc + " Con Edison said.",
			speakers: []string{"Con Edison"}},
		{name: "capitals before a common word are a name",
			text:     head + qc + " DC Comics said.",
			speakers: []string{"DC Comics"}},
		{name: "capitals ending a name",
			text:     head + qc + " Washington DC police said.",
			speakers: []string{"Washington DC police"}},
	})
}
