package quote

import "testing"

// TestLowerCasedAppositive is a regression test: in a text lower-cased
// wholesale, a speaker named after a quote closed on a comma and
// described before the verb (`" couric, 61, told wendy williams`) went
// without a speaker, or the appositive's last noun took the quote
// (`stephanie bush, a fellow at the institute, told`: "institute"), for
// the name was no name without its capitals. The words the tail opens
// with are the speaker; a bare name in the appositive after a role is
// (`another distraught mother, aida parra, said`). After a quote
// closed on a full stop, the words that follow are the next sentence's,
// which the splitter of such a text misses.
func TestLowerCasedAppositive(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "an age",
			text:     `The show went on. "it's been a very painful time for a lot of people who worked with him, " couric, 61, told wendy williams tuesday.`,
			speakers: []string{"couric"},
			verbs:    []string{"told"},
		},
		{
			name:     "a short description",
			text:     `The show went on. "we found pretty much everything available for sale, " raj samani, a fellow at the institute, told the bbc.`,
			speakers: []string{"raj samani"},
			verbs:    []string{"told"},
		},
		{
			name:     "a description past the words a tail is read for",
			text:     `The show went on. "as someone describing the species you get to pick its name, " stephanie bush, postdoctoral fellow at the monterey bay aquarium research institute ( mbari ), told science friday this week.`,
			speakers: []string{"stephanie bush"},
			verbs:    []string{"told"},
		},
		{
			name:     "a role, then the name",
			text:     `The families waited. "i am a desperate mother. My son has been here a week, " another distraught mother, aida parra, said.`,
			speakers: []string{"aida parra"},
			verbs:    []string{"said"},
		},
		{
			name:     "after a full stop, the next sentence",
			text:     `munch said he felt " the great scream in nature. " norwegian businessman petter olsen, whose father was a friend of the artist, said he sold the piece because he felt it was time.`,
			speakers: []string{"munch"},
		},
	})
}

// TestLowerCasedPointBeforeNextSentence is a regression test: in a text
// lower-cased wholesale, a quote a verb introduced and closed on a full
// stop was credited to the subject of the sentence after it, which the
// splitter of such a text does not see start (`the dog says, " put the
// gun down. " the sheriff later said …` went to the sheriff). The words
// introducing it are its attribution, and a tail "said" with a clause
// of its own after it (`ortiz said the mayor is the " only one telling
// the truth. " he also said he believes`) is the next sentence's; a
// quote closed on a comma still
// takes the attribution after it, and a cased text's splitter sees the
// sentence end.
func TestLowerCasedPointBeforeNextSentence(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "a verb and a comma before the quote",
			text:     `the family kept a dog named rex. In a clip filmed weeks later, the dog says, " put the gun down. " the sheriff later said the dog was never going to be a witness.`,
			speakers: []string{"dog"},
			verbs:    []string{"says"},
		},
		{
			name:     "a colon before the quote",
			text:     `the boats stayed in. the harbour master said: " this is a sad day for the town. " neighbours said there were high winds on monday.`,
			speakers: []string{"harbour master"},
			verbs:    []string{"said"},
		},
		{
			name:     "a verb of speech before the quote, within its sentence",
			text:     `the parade went on. fans like ann ortiz, a 69-year-old who sat on a porch, said the mayor is the " only one telling the truth about this thing. " he also said he believes the council takes long holidays.`,
			speakers: []string{"ann ortiz"},
			verbs:    []string{"said"},
		},
		{
			name:     "closed on a comma",
			text:     `the boats stayed in. As the skipper put it, " this is a sad day for the town, " the harbour master said.`,
			speakers: []string{"harbour master"},
			verbs:    []string{"said"},
		},
		{
			name:     "a cased text",
			text:     `The family kept a dog named Rex. In a clip filmed weeks later, the dog says, "Put the gun down." The sheriff later said the dog was never going to be a witness.`,
			speakers: []string{"dog"},
			verbs:    []string{"says"},
		},
	})
}
