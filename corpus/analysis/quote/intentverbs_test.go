package quote

import "testing"

// TestPlannedToAsk is a regression test: a question its asker was still
// to put ("“…?” Mr. Mueller planned to ask") had no speaker, since an
// infinitive's "to" stopped the look for its subject, and after a
// question mark an infinitive was taken for no attribution at all. An
// infinitive of aim ("in court to argue"), and one with an object of its
// own ("wanted to say more"), still name no one.
func TestPlannedToAsk(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "planned to ask, the sentence going on",
			text:     `"What efforts were made to reach out to Mr. Flynn about seeking immunity or possible pardon?" Mr. Mueller planned to ask, according to questions read by the special counsel investigators to the president's lawyers, who compiled them into a list.`,
			speakers: []string{"Mueller"},
			verbs:    []string{"ask"},
		},
		{
			name:     "planned to ask, alone",
			text:     `"After General Flynn resigned, what calls or efforts were made by people associated with you to reach out to General Flynn or to discuss Flynn seeking immunity or possible pardon?" Mr. Mueller planned to ask.`,
			speakers: []string{"Mueller"},
			verbs:    []string{"ask"},
		},
		{
			name:     "wants to say, before the quote",
			text:     `Ms. Lee wants to say that "the budget has no room for another cut" when the council meets.`,
			speakers: []string{"Lee"},
			verbs:    []string{"say"},
		},
		{
			name:     "wanted to say more: the infinitive has its own object",
			text:     "The bridge reopened on Monday. “Who could have hoped for this a year ago?” Ann Ortiz wanted to say more.",
			speakers: []string{""},
			verbs:    []string{""},
		},
		{
			name:     "went to ask: no intent verb",
			text:     `"Where were you on the night of the fire?" The detective went to ask the neighbours.`,
			speakers: []string{""},
			verbs:    []string{""},
		},
	})
}

// TestThatVerbsAttribute is a regression test: a verb that says how
// someone spoke ("Mr. Trump thundered on social media that there was
// “NO COLLUSION …”") left its quote without a speaker, as it is no verb
// of speech. Such a verb attributes only with a "that" holding the quote:
// alone, or with an object between, it is a noise or an act.
func TestThatVerbsAttribute(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "thundered on social media that",
			text:     `Mr. Trump added Rudolph W. Giuliani to his legal team this week. And on Thursday night, Mr. Trump thundered on social media that there was "NO COLLUSION and NO OBSTRUCTION," and again branded the whole Russia investigation as a "witch hunt."`,
			speakers: []string{"Trump", "Trump"},
			verbs:    []string{"thundered", ""},
		},
		{
			name:     "fumed that",
			text:     `Mrs. Alvarez fumed that the ruling was "a slap in the face to every tenant in this city."`,
			speakers: []string{"Alvarez"},
			verbs:    []string{"fumed"},
		},
		{
			name:     "thundered, no that",
			text:     `The jets thundered over the stadium as the crowd sang "God Save the Queen and the rest of us."`,
			speakers: []string{""},
			verbs:    []string{""},
		},
		{
			name:     "charged with an object, then that",
			text:     `Prosecutors charged the two men with fraud in a scheme that promised "guaranteed returns of twenty percent a year."`,
			speakers: []string{""},
			verbs:    []string{""},
		},
	})
}
