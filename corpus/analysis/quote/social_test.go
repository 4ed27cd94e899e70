package quote

import "testing"

// TestAttributionAfterAQuotedQuestion checks that a quote ending on a
// question or exclamation mark, which ends the sentence as it is written,
// takes its attribution from the next sentence when that is one ("“…?”
// Trump tweeted."), but not from a sentence with a clause of its own or no
// verb of speech; and that the verbs by which people post are verbs of
// speech.
func TestAttributionAfterAQuotedQuestion(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "tweeted after a question",
			text:     "The memos came out late. “The memos show that there was no collusion. Will the hunt continue?” Trump tweeted.",
			speakers: []string{"Trump"},
			verbs:    []string{"tweeted"},
		},
		{
			name:     "wrote on Twitter after an exclamation",
			text:     "The bridge reopened on Monday. “This is wonderful news for the whole valley!” Mayor Ann Ortiz wrote on Twitter.",
			speakers: []string{"Ann Ortiz"},
			verbs:    []string{"wrote"},
		},
		{
			name:     "the verb first",
			text:     "The bridge reopened on Monday. “Who could have hoped for this a year ago?” Said Ms. Ortiz, smiling.",
			speakers: []string{"Ortiz"},
			verbs:    []string{"said"},
		},
		{
			name:     "a sentence with a clause of its own",
			text:     "The bridge reopened on Monday. “Who could have hoped for this a year ago?” Ann Ortiz said that the work had cost too much.",
			speakers: []string{""},
		},
		{
			name:     "a sentence with no verb of speech",
			text:     "The bridge reopened on Monday. “Who could have hoped for this a year ago?” Ann Ortiz smiled at the crowd.",
			speakers: []string{""},
		},
		{
			name:     "an infinitive",
			text:     "The bridge reopened on Monday. “Who could have hoped for this a year ago?” Ann Ortiz wanted to say more.",
			speakers: []string{""},
		},
		{
			name:     "a full stop ends the quote's sentence",
			text:     "The bridge reopened on Monday. “The work cost too much.” Ann Ortiz said the council would look into it.",
			speakers: []string{""},
		},
		{
			name:     "retweeted",
			text:     "The bridge reopened on Monday. Ann Ortiz retweeted: “The bridge will carry traffic again from next week.”",
			speakers: []string{"Ann Ortiz"},
			verbs:    []string{"retweeted"},
		},
		{
			name:     "texted",
			text:     "The bridge reopened on Monday. “I will be at the ribbon cutting at noon,” Ann Ortiz texted a reporter.",
			speakers: []string{"Ann Ortiz"},
			verbs:    []string{"texted"},
		},
	})
}

// TestMediumInPlaceOfAVerb checks that a quote no verb of speech
// attributes is its clause's subject's when the clause names the medium it
// was said in ("in a tweet", "on Twitter", "in a statement"), with the
// medium's phrase as its verb; and that a name after the medium, or one a
// preposition governs, is no speaker.
func TestMediumInPlaceOfAVerb(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "in a tweet, before the quote",
			text:     "The bridge reopened on Monday. Ann Ortiz, in a tweet on Friday: “The bridge will carry traffic again from next week.”",
			speakers: []string{"Ann Ortiz"},
			verbs:    []string{"in a tweet"},
		},
		{
			name:     "took to Twitter",
			text:     "The bridge reopened on Monday. Ann Ortiz took to Twitter: “The bridge will carry traffic again from next week.”",
			speakers: []string{"Ann Ortiz"},
			verbs:    []string{"to Twitter"},
		},
		{
			name:     "opening in a statement",
			text:     "The bridge reopened on Monday. In a statement, Ann Ortiz thanked the crews: “The bridge will carry traffic again from next week.”",
			speakers: []string{"Ann Ortiz"},
			verbs:    []string{"in a statement"},
		},
		{
			name:     "in a Facebook post, after the quote",
			text:     "The bridge reopened on Monday. “The bridge will carry traffic again from next week,” Ann Ortiz beamed in a late-night Facebook post.",
			speakers: []string{"Ann Ortiz"},
			verbs:    []string{"in a late-night Facebook post"},
		},
		{
			name:     "a name governed by a preposition",
			text:     "The bridge reopened on Monday. “The bridge will carry traffic again from next week,” the notice read, shared by Ann Ortiz on Twitter.",
			speakers: []string{""},
		},
		{
			name:     "a name after the medium",
			text:     "The bridge reopened on Monday. “The bridge will carry traffic again from next week,” the notice read on Twitter, where Ann Ortiz shared it.",
			speakers: []string{""},
		},
	})
}

// TestAPersonsOwnMedium checks that a person's own tweet, post or
// statement as a verb's subject ("Trump’s tweet said") credits that
// person, while a medium with no person's name, or an organisation's, is
// the quote's source.
func TestAPersonsOwnMedium(t *testing.T) {
	const q = "“The bridge will carry traffic again from next week.”"
	runSpeakerCases(t, []speakerCase{
		{
			name:     "a person's tweet",
			text:     "The bridge reopened on Monday. Ann Ortiz’s tweet said: " + q,
			speakers: []string{"Ann Ortiz"},
			sources:  []string{""},
		},
		{
			name:     "a person's latest Facebook post",
			text:     "The bridge reopened on Monday. Ms. Ortiz’s latest Facebook post said, " + q,
			speakers: []string{"Ortiz"},
		},
		{
			name:     "a person's statement after the quote",
			text:     "The bridge reopened on Monday. “The bridge will carry traffic again from next week,” Ann Ortiz’s statement said.",
			speakers: []string{"Ann Ortiz"},
		},
		{
			name:     "an organisation's statement",
			text:     "The bridge reopened on Monday. The City Council’s statement said: " + q,
			speakers: []string{""},
		},
		{
			name:     "a statement",
			text:     "The bridge reopened on Monday. The statement said: " + q,
			speakers: []string{""},
			sources:  []string{"statement"},
		},
	})
}

// TestMediumFromItsAuthor checks that the words of a medium a person
// wrote ("a tweet from Ann Ortiz", "a post on X by Ann Ortiz") are that
// person's, whether the medium is read out ("read a tweet from"), is
// the verb's subject ("A tweet from Ann Ortiz said") or its object
// ("The anchor read a tweet from"); that X after "on" or "to" is a
// medium; that a medium read out with no author is the quote's source;
// and that "read" with no medium attributes nothing.
func TestMediumFromItsAuthor(t *testing.T) {
	const q = "“The bridge will carry traffic again from next week.”"
	const qc = "“The bridge will carry traffic again from next week,”"
	runSpeakerCases(t, []speakerCase{
		{
			name:     "read a tweet from, after the quote",
			text:     "The bridge reopened on Monday. " + qc + " read a tweet from Mayor Ann Ortiz on Friday.",
			speakers: []string{"Ann Ortiz"},
			verbs:    []string{"read"},
		},
		{
			name:     "someone else reads it out",
			text:     "The bridge reopened on Monday. The anchor read a tweet from Ann Ortiz: " + q,
			speakers: []string{"Ann Ortiz"},
			verbs:    []string{"read"},
		},
		{
			name:     "a tweet from as the subject of read",
			text:     "The bridge reopened on Monday. A tweet from Ann Ortiz read: " + q,
			speakers: []string{"Ann Ortiz"},
			verbs:    []string{"read"},
		},
		{
			name:     "a tweet from as the subject of said",
			text:     "The bridge reopened on Monday. A tweet from Ann Ortiz said: " + q,
			speakers: []string{"Ann Ortiz"},
			verbs:    []string{"said"},
			sources:  []string{""},
		},
		{
			name:     "a tweet from as the subject, after the quote",
			text:     "The bridge reopened on Monday. " + qc + " a tweet from Ann Ortiz read.",
			speakers: []string{"Ann Ortiz"},
		},
		{
			name:     "a post on X from",
			text:     "The bridge reopened on Monday. " + qc + " read a post on X from Ann Ortiz.",
			speakers: []string{"Ann Ortiz"},
		},
		{
			name:     "a post by",
			text:     "The bridge reopened on Monday. " + qc + " read a post by Ann Ortiz on Facebook.",
			speakers: []string{"Ann Ortiz"},
		},
		{
			name:     "took to X",
			text:     "The bridge reopened on Monday. Ann Ortiz took to X: " + q,
			speakers: []string{"Ann Ortiz"},
			verbs:    []string{"to X"},
		},
		{
			name:     "a joint statement from three people",
			text:     "The bridge reopened on Monday. " + qc + " read a joint statement from Mayor Ann Ortiz, Council Chair Ben Hale, and State Senator Lia Park.",
			speakers: []string{"Ann Ortiz, Ben Hale and Lia Park"},
		},
		{
			name:     "a post read out with no author",
			text:     "The bridge reopened on Monday. " + qc + " reads one Facebook post.",
			speakers: []string{""},
			sources:  []string{"one Facebook post"},
		},
		{
			name:     "read with no medium",
			text:     "The bridge reopened on Monday. " + qc + " the sign on the fence read.",
			speakers: []string{""},
			sources:  []string{""},
		},
		{
			name:     "a letter from an organisation",
			text:     "The bridge reopened on Monday. " + qc + " read a letter from the Highway Department.",
			speakers: []string{""},
		},
	})
}
