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

// TestAnswerIsTheAskedOnes checks that the quote after a question put to
// someone is the answer of the one asked, not the asker's: with no
// attribution of its own ("“…?” Tapper asked Ortiz. “…”") or attributed
// to a pronoun ("Tapper asked Ortiz whether …. She replied"); that an
// answer to a journalist who asks no one the text names is nobody's;
// that a newsmaker's own question, asked of no one, is rhetorical and
// the words after it still theirs; and that whoever "he" is in "he told
// Ryan", he is not Ryan.
func TestAnswerIsTheAskedOnes(t *testing.T) {
	const a = "“Yes, it will, and the trucks will follow.”"
	const ac = "“Yes, it will, and the trucks will follow,”"
	const q = "“Will the bridge carry traffic next week?”"
	runSpeakerCases(t, []speakerCase{
		{
			name:     "the one asked answers, in the next paragraph",
			text:     "The bridge reopened on Monday. " + q + " CNN’s Jake Tapper asked Ortiz.\n\n" + a,
			speakers: []string{"Jake Tapper", "Ortiz"},
		},
		{
			name:     "the one asked answers, a pronoun",
			text:     "The bridge reopened on Monday. " + q + " CNN’s Jake Tapper asked Ortiz. " + ac + " she said.",
			speakers: []string{"Jake Tapper", "Ortiz"},
		},
		{
			name:     "the question after a colon",
			text:     "The bridge reopened on Monday. Jake Tapper asked Ann Ortiz on CNN’s State of the Union: " + q + "\n\n" + a,
			speakers: []string{"Jake Tapper", "Ann Ortiz"},
		},
		{
			name:     "the question reported, then a pronoun",
			text:     "The bridge reopened on Monday. Jake Tapper asked Ortiz whether the bridge would carry traffic. She replied: " + a,
			speakers: []string{"Ortiz"},
			verbs:    []string{"replied"},
		},
		{
			name:     "the question reported, then the answer alone",
			text:     "The bridge reopened on Monday. CNN’s Jake Tapper asked Ann Ortiz whether the bridge would carry traffic. " + a,
			speakers: []string{"Ann Ortiz"},
		},
		{
			name:     "the question reported of no one named, then the answer alone",
			text:     "The bridge reopened on Monday. CNN’s Jake Tapper asked whether the bridge would carry traffic. " + a,
			speakers: []string{""},
		},
		{
			name:     "a journalist asks no one named",
			text:     "The bridge reopened on Monday. " + q + " asked CNN’s Jake Tapper.\n\n" + a,
			speakers: []string{"Jake Tapper", ""},
		},
		{
			name:     "a reporter asks",
			text:     "The bridge reopened on Monday. " + q + " a reporter asked. " + a,
			speakers: []string{"reporter", ""},
		},
		{
			name:     "asked him",
			text:     "The bridge reopened on Monday. " + q + " Ortiz asked him. " + a,
			speakers: []string{"Ortiz", ""},
		},
		{
			name:     "a rhetorical question",
			text:     "The bridge reopened on Monday. “Why would we close it again?” Ortiz asked. “It makes no sense at all.”",
			speakers: []string{"Ortiz", "Ortiz"},
		},
		{
			name:     "the asker asks again",
			text:     "The bridge reopened on Monday. Jake Tapper asked Ortiz whether the bridge would carry traffic. “Are you sure of that?” he asked.",
			speakers: []string{"Jake Tapper"},
		},
		{
			name:     "answered",
			text:     "The bridge reopened on Monday. " + ac + " Ortiz answered.",
			speakers: []string{"Ortiz"},
			verbs:    []string{"answered"},
		},
		{
			name:     "he told the one before",
			text:     "The bridge reopened on Monday. “I am just a reporter,” Ryan said. “Set up the meeting. Let’s go,” he told Ryan.",
			speakers: []string{"Ryan", "he"},
		},
	})
}
