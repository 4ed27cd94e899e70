package quote

import "testing"

// TestBareVerbsAttribute is a regression test: the base forms "argue",
// "insist" and "note" attributed nothing, though their other forms did,
// so "They argue … a “behavioural” explanation" and "The lawyers argue …"
// left their quotes without a speaker. "note" the noun ("a signed note:")
// and an infinitive of aim ("in court to argue") still attribute
// nothing.
func TestBareVerbsAttribute(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "they argue, spaced marks",
			text:     "The researchers, at the university of dundee, analysed medical records from more than half a million british women. They argue the operations could directly affect fertility or there may be a \" behavioural \" explanation.",
			speakers: []string{"researchers"},
			verbs:    []string{"argue"},
		},
		{
			name:     "the lawyers argue",
			text:     "The lawyers argue a recent Supreme Court ruling about the vagueness of the definition of a \"crime of violence\" throws many convictions into question.",
			speakers: []string{"lawyers"},
			verbs:    []string{"argue"},
		},
		{
			// The article's sentence, with its pun set in marks.
			name:     "officials insist",
			text:     "Water Bureau officials, however, insist Swonger took a “leek in the drink.”",
			speakers: []string{"Water Bureau officials"},
			verbs:    []string{"insist"},
		},
		{
			// The article's sentence, with its finding set in marks.
			name:     "study authors note",
			text:     "Study authors note that “this may not be the last historic find.”",
			speakers: []string{"Study authors"},
			verbs:    []string{"note"},
		},
		{
			name:     "a signed note",
			text:     "He went back to the hospital and left it with the nursing staff, leaving behind only a signed note: \"It's not much, it's not the same. But 67 years of a promise kept should be recognized.\"",
			speakers: []string{""},
			verbs:    []string{""},
		},
		{
			name:     "a suicide note",
			text:     "Houston police just released this portion of Moore's suicide note: \"here in the last hour, i yield to mercy when this could have turned out otherwise.\"",
			speakers: []string{""},
			verbs:    []string{""},
		},
		{
			name:     "in court to argue",
			text:     "Attorney Eugene Belous told CNN he would be in Los Angeles County probate court on Monday morning to argue that the will contains \"a blatant misstatement\" about agreements between her, the actor and his conservator.",
			speakers: []string{"Eugene Belous"},
			verbs:    []string{"told"},
		},
	})
}

// TestModalIsNoName is a regression test: a modal between a subject and
// its verb of speech was read as the end of the speaker's name
// ("penny-pinching grandmother might"; "you can", which left the generic
// you a speaker).
func TestModalIsNoName(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "grandmother might have said",
			text:     "Shoppers are leery of anything that doesn't sport a name brand. \" that's just plain silly, \" your penny-pinching grandmother might have said. \" you're just paying for the name. \"",
			speakers: []string{"penny-pinching grandmother", "penny-pinching grandmother"},
			verbs:    []string{"said", ""},
		},
		{
			name:     "you can say",
			text:     "I think it's creepy that you can say \"Xbox on\" and it will turn on. It means it's always listening to you.",
			speakers: []string{""},
		},
	})
}
