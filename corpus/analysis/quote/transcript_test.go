package quote

import "testing"

// TestTranscriptLabels: a line that opens with a speaker's label, a colon
// and the speech is that speaker's; an all-caps label is the name as the
// article spells it elsewhere; a journalist's label names no one; a label
// the article never uses as a name (WATCH, THE FACTS) is no speaker.
func TestTranscriptLabels(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "name and colon",
			text:     "Jake Tapper asked Rep. Solomon Ortiz about the vote.\n\nOrtiz: “I never said that about the vote, and I never will.”",
			speakers: []string{"Ortiz"},
		},
		{
			name:     "all-caps label",
			text:     "President Donald Trump held a news conference on Thursday.\n\nTRUMP: \"To be honest I inherited a mess. It's a mess. At home and abroad, a mess.\"\n\nTHE FACTS: A mess is in the eye of the beholder.",
			speakers: []string{"Trump"},
		},
		{
			name:     "all-caps label with an aside",
			text:     "President Donald Trump held a news conference on Thursday.\n\nTRUMP, bragging again about his vote total: \"We got 306 because people came out and voted like they've never seen before.\"",
			speakers: []string{"Trump"},
		},
		{
			name:     "all-caps label, participle",
			text:     "President Donald Trump held a news conference on Thursday.\n\nTRUMP, saying the appeals court that blocked his ban \"has been overturned at a record number.\"",
			speakers: []string{"Trump"},
			verbs:    []string{"saying"},
		},
		{
			name:     "exchange",
			text:     "Brianna Keilar interviewed Michael Cohen on Tuesday.\n\nKeilar: \"You say it's not a shake-up, but you guys are down.\"\n\nCohen: \"Says who? Says who? Says who?\"",
			speakers: []string{"Keilar", "Cohen"},
		},
		{
			name:     "a journalist",
			text:     "President Donald Trump held a news conference on Thursday.\n\nREPORTER: \"Can you say definitively that nobody on your campaign had any contacts?\"",
			speakers: []string{""},
		},
		{
			name:     "I under a label",
			text:     "Brian Williams spoke to Michael Ricks.\n\nRicks: I also had to validate each one of those statements and I was saying, \"I'm not going to take this out, it sounds valid.\"",
			speakers: []string{"Ricks"},
		},
		{
			name:     "furniture label, a lone capitalised word elsewhere",
			text:     "Photos: The rise and fall of O.J. Simpson Lead defense attorney Johnnie Cochran Jr. faced off in court. Hide Caption 16 of 23 Photos: The rise and fall of O.J. Simpson \"If it doesn't fit, you must acquit\" was defense attorney Cochran's mantra during the trial.",
			speakers: []string{""},
		},
		{
			name:     "furniture label",
			text:     "President Donald Trump held a news conference on Thursday.\n\nEARLIER: \"We will not stop until the job is done, whatever it takes.\"",
			speakers: []string{""},
		},
	})
}

// TestFirstPersonIsNoSpeaker: "I" in an article is its writer, whom the
// article does not name.
func TestFirstPersonIsNoSpeaker(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "I will not say",
			text:     "Trump explained why he would not explain.\n\nI'm not going to tell you anything. I will not say, “We are going to attack Mosul in four months.”",
			speakers: []string{""},
		},
	})
}
