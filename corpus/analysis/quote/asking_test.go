package quote

import "testing"

// TestVerbsOfAsking checks that the verbs that ask (asking, questioned,
// wondered) attribute a quoted question, that "was asking" is its subject
// speaking, unlike "was asked", and that a participle's object clause
// whose subject asks credits that subject, not the participle's.
func TestVerbsOfAsking(t *testing.T) {
	const q = "“How do you explain the delay to the families?”"
	runSpeakerCases(t, []speakerCase{
		{
			name:     "a participle's clause with was asking",
			text:     "The briefing ran long. Sanders spoke for an hour, noting the reporter was asking, " + q,
			speakers: []string{"reporter"},
			verbs:    []string{"asking"},
		},
		{
			name:     "with one reporter asking",
			text:     "The briefing ran long. Sanders took questions for an hour, with one reporter asking, " + q,
			speakers: []string{"one reporter"},
			verbs:    []string{"asking"},
		},
		{
			name:     "asking after a comma",
			text:     "The briefing ran long. Ms. Lee stood up, asking, " + q,
			speakers: []string{"Lee"},
			verbs:    []string{"asking"},
		},
		{
			name:     "wondered after the quote",
			text:     "The briefing ran long. " + q + " she wondered.",
			speakers: []string{"she"},
			verbs:    []string{"wondered"},
		},
		{
			name:     "questioned after the quote",
			text:     "The briefing ran long. " + q + " Ms. Lee questioned.",
			speakers: []string{"Lee"},
			verbs:    []string{"questioned"},
		},
		{
			name:     "was asking after the quote",
			text:     "The briefing ran long. " + q + " Ms. Lee was asking.",
			speakers: []string{"Lee"},
			verbs:    []string{"asking"},
		},
		{
			name:     "to reply after a participle",
			text:     "The memos came out. In one instance, Comey describes Trump asking him to discuss Flynn in private, prompting Comey to reply that “it was important that every case go through that channel.”",
			speakers: []string{"Comey"},
			verbs:    []string{"reply"},
		},
		{
			name:     "was asked is no attribution",
			text:     "The briefing ran long. Ms. Lee was asked, " + q,
			speakers: []string{""},
		},
	})
}
