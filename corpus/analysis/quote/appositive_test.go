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
