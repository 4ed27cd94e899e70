package quote

import "testing"

// TestOpeningIngNameBeforeAVerb is a regression test: "Downing Street
// confirmed the visit, saying only that “…”" (the 2018 story of Trump's
// visit to the UK) was attributed to "Street", the capitalised "Downing"
// that opens the sentence taken for a participle, as it was not when the
// name came right before the participle's own verb.
func TestOpeningIngNameBeforeAVerb(t *testing.T) {
	const quoted = "“further details would be set out in due course.”"
	runSpeakerCases(t, []speakerCase{
		{
			name:     "said",
			text:     "Downing Street said " + quoted,
			speakers: []string{"Downing Street"},
		},
		{
			name:     "confirmed, saying",
			text:     "Downing Street confirmed the visit, saying only that " + quoted,
			speakers: []string{"Downing Street"},
		},
	})
}

// TestOpeningParticiplesObject is a regression test: "Addressing
// Congress on Tuesday, Obama confirmed the visit, saying only that “…”"
// was attributed to "Congress", the object of the participle the
// sentence opens with; the subject is the name after its phrase.
func TestOpeningParticiplesObject(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "addressing",
			text:     "Addressing Congress on Tuesday, Obama confirmed the visit, saying only that “further details would be set out in due course.”",
			speakers: []string{"Obama"},
		},
		{
			name:     "Downing Street still",
			text:     "Downing Street confirmed the visit, saying only that “further details would be set out in due course.”",
			speakers: []string{"Downing Street"},
		},
	})
}
