package quote

import "testing"

// TestSubjectAfterASubordinator is a regression test: in "The festival
// was evacuated on Friday evening after Koblenz police said they held
// “…”", the verb's subject "Koblenz police" was read as the object of a
// preposition "after", and the noun before it, "Friday evening", was
// made the speaker; "after" and "before" open a clause whose subject is
// the one that speaks. A preposition's object before the verb still
// gives way to the subject before the preposition.
func TestSubjectAfterASubordinator(t *testing.T) {
	const quoted = "“concrete elements, in the light of which a possible terrorist threat cannot be ruled out.”"
	runSpeakerCases(t, []speakerCase{
		{
			name:     "after police said, a day before",
			text:     "The festival was evacuated on Friday evening after Koblenz police said they were in possession of " + quoted,
			speakers: []string{"Koblenz police"},
			verbs:    []string{"said"},
		},
		{
			name:     "after police said, a weekday before",
			text:     "The festival was evacuated on Friday after police said they were in possession of " + quoted,
			speakers: []string{"police"},
			verbs:    []string{"said"},
		},
		{
			name:     "before officials said",
			text:     "The crowd waited for an hour before officials said they had found " + quoted,
			speakers: []string{"officials"},
			verbs:    []string{"said"},
		},
	})
}
