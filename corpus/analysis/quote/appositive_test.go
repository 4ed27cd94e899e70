package quote

import "testing"

// TestJoinedNameInAnAppositive checks that a name joined by "and" to a
// name a preposition governs ("on Oversight and Government Reform") is
// governed too: the speaker is the one the appositive describes, while two
// speakers joined by "and" stay the subject.
func TestJoinedNameInAnAppositive(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{name: "committee in an appositive",
			text:     "Rep. Elijah E. Cummings of Maryland, the senior Democrat on the House Committee on Oversight and Government Reform, said late Thursday that the memos “provide strong corroborating evidence of everything he said.”",
			speakers: []string{"Elijah E. Cummings"}},
		{name: "two names joined, neither governed",
			text:     "The senators met on Monday. Ortiz and Hale said “the members need more time to read the whole bill before any vote.”",
			speakers: []string{"Ortiz and Hale"}}, // both speak
	})
}

// TestAppositiveWithoutClosingComma checks that a name opening its
// sentence, set off by a comma before a description whose closing comma
// the text left out ("Ann Lee, Harbour Party deputy leader and Transport
// spokesperson said"), is the speaker, not the description's last
// noun; and that a place or a clause with a verb before the comma gives
// no name.
func TestAppositiveWithoutClosingComma(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{name: "a name and its roles",
			text:     "Ann Lee, Harbour Party deputy leader and Transport spokesperson said the plan “leaves the town without a ferry all winter.”",
			speakers: []string{"Ann Lee"}},
		{name: "a place",
			text:     "In Westport, the Transport spokesperson said the plan “leaves the town without a ferry all winter.”",
			speakers: []string{"Transport spokesperson"}},
		{name: "a relative clause",
			text:     "Ann Lee, who chairs the board and the Transport spokesperson said the plan “leaves the town without a ferry all winter.”",
			speakers: []string{"Transport spokesperson"}},
		{name: "a surname alone, quoted before",
			text:     "“The ferry must run all winter,” Lee said on Monday.\n\nLee, Harbour Party deputy leader and Transport spokesperson said the plan “leaves the town without a ferry all winter.”",
			speakers: []string{"Lee", "Lee"}},
	})
}
