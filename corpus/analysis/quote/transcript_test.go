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
			name:     "labels inside a paragraph",
			text:     "Minutes after President Donald Trump’s news conference, Trump blasted it.\n\nREPORTER: When you call it \"fake news,\" you're undermining confidence in our news media. ... TRUMP: No, no. I do that. And sometimes I'll say, \"Wow, that's going to be a great story.\" And I'll get killed. REPORTER: \"Can you say definitively that nobody had contacts?\"",
			speakers: []string{"", "Trump", ""},
		},
		{
			name:     "a name in capitals after its verb",
			text:     "Stephen Colbert joined the show in 1997, and says he never looked back.\n\n“I REALLY DIDN’T THINK THE SHOW WAS GOING TO GO ANYPLACE,” SAYS COLBERT.\n\n“This is what the DNC wanted all along,” said DNC chair Tom Perez.",
			speakers: []string{"Colbert", "Tom Perez"},
		},
		{
			name:     "words the labelled speaker reports",
			text:     "The show was hosted by Jon Stewart, with Stephen Colbert as a correspondent.\n\nJON STEWART: Six weeks in, the writers called me into their office. They’re like, “You can’t change our jokes anymore.” I didn’t know what to say.\n\nSTEPHEN COLBERT: We were told to present ourselves one way: “I’m from the show, the one on cable.” “What’s the show about, then?” Stephen Colbert laughed about it later.",
			speakers: []string{"", "", ""},
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
			text:     "Photos: The rise and fall of O.J. Simpson Lead defense attorney Johnnie Cochran Jr. faced off in court. Hide Caption 16 of 23 Photos: The rise and fall of O.J. Simpson Photos: The rise and fall of O.J. Simpson \"If it doesn't fit, you must acquit\" was defense attorney Cochran's mantra during the trial.",
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
		{
			name:     "I'll say",
			text:     "Trump explained why he would not explain.\n\nAnd sometimes I'll say, “Wow, that's going to be a great story for all of us.”",
			speakers: []string{""},
		},
	})
}

// TestNotSpeakers: phrases that are no one: the object of a verb, page
// furniture, a title, a time, a place, a clause after the noun. Where the
// rule leaves no one, the pronoun stays or the quote has no speaker.
func TestNotSpeakers(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "object of the sentence before",
			text:     "\"And sure enough, these objects do exist,\" Brown said.\n\nThat's when the Caltech researchers started to take Planet Nine seriously. \"That was the real jaw-dropping moment, when it went from a cute little idea,\" he said.",
			speakers: []string{"Brown", "Brown"},
		},
		{
			name:     "page furniture",
			text:     "They will be joined by Russian President Vladimir Putin, who is in China. He reiterated calls for North Korea to stop nuclear tests.\n\nJUST WATCHED China's leader urges for global peace Replay More Videos ... MUST WATCH China's leader urges for global peace 02:15\n\n\"Russia condemns these exercises from North Korea,\" he said.",
			speakers: []string{"he"},
		},
		{
			name:     "a heading's adjective",
			text:     "Indiana generally votes for Trump. Bonus Trump-led poll: the Iowa State Fair corn poll.\n\nThe exchange ended with Cohen's statement on the campaign: “I think bringing on someone like Kellyanne Conway was a great move,” he said.",
			speakers: []string{"he"},
		},
		{
			name:     "a book title",
			text:     "Nicole Polizzi admits that she may overdo it.The reality star-turned-author, whose book, 'A Shore Thing,' hit shelves yesterday, told DeGeneres , \"I want to remember my night and sometimes I just don't.\"",
			speakers: []string{"reality star-turned-author"},
		},
		{
			name:     "a relative clause that reports",
			text:     "Comey met President Donald Trump.\n\n\"I did not reply,\" wrote Comey, who added that as Trump ended the call, the president told him he was \"doing a great job and wished me well.\"",
			speakers: []string{"Comey", "Donald Trump"},
		},
		{
			name:     "a given name with a hyphen",
			text:     "Kang met her counterpart on Tuesday. \"North Korea has yet to show any sign of change,\" Foreign Minister Kang Kyung-wha said.",
			speakers: []string{"Kang Kyung-wha"},
		},
		{
			name:     "said a clause",
			text:     "Brown, who tweets under the handle @plutokiller and who wrote the book \"How I Killed Pluto and Why It Had It Coming,\" said now may be the time to rewrite the textbooks yet again.",
			speakers: []string{""},
		},
		{
			name:     "said, then the speaker and a verb of speech",
			text:     "“Here we have a president who devoted the last decade of his rule to the succession of his son,” said the prosecutor declared, according to a report.",
			speakers: []string{"prosecutor"},
		},
		{
			name:     "a story called",
			text:     "The North Coast Journal published a cover story this week called \"The Humboldt 35: Why does Humboldt County have the highest rate?\" It examined the cases.",
			speakers: []string{""},
		},
		{
			name:     "called police",
			text:     "Officers were finally alerted by a woman \"who was several blocks away who heard people discussing what was occurring\" at the school on 23rd Street and called police, police Lt. Mark Gagan said.",
			speakers: []string{""},
		},
		{
			name:     "hung up saying",
			text:     "A reporter reached a woman believed to be related to the suspect. The woman hung up saying, \"I just lost my daughter.\"",
			speakers: []string{""},
		},
	})
}
