package quote

import "testing"

// TestRankTitle is a regression test: a police or military rank before
// a name ("Supt", "Det.", "Insp") was no title, and stayed in the
// speaker's name ("Supt jim pearce"), or, abbreviated with a point, ended
// the sentence and was the speaker alone ("said det. Ann Ortiz" gave
// "det").
func TestRankTitle(t *testing.T) {
	const q = `"this is a tragic day and our thoughts go out to the families."`
	runSpeakerCases(t, []speakerCase{
		{name: "supt before a name lower-cased, an appositive after it",
			text:     `the boats stayed in. supt jim pearce, of devon and cornwall police, said: ` + q,
			speakers: []string{"jim pearce"}},
		{name: "supt before a name",
			text:     `The boats stayed in. Supt Jim Pearce said: ` + q,
			speakers: []string{"Jim Pearce"}},
		{name: "det with a point, after the quote",
			text:     `The boats stayed in. "This is a tragic day for the families," said Det. Ann Ortiz.`,
			speakers: []string{"Ann Ortiz"}},
		{name: "insp before a name",
			text:     `The boats stayed in. Insp Ann Ortiz said: ` + q,
			speakers: []string{"Ann Ortiz"}},
		{name: "a sheriff before a name",
			text:     `The boats stayed in. Sheriff Ann Ortiz said: ` + q,
			speakers: []string{"Ann Ortiz"}},
	})
}
