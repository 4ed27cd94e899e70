package quote

import "testing"

// TestDoubledApostrophes is a regression test: wire text converted from
// old systems closes its quotes with two apostrophes, straight or curly,
// after a straight or curly opening mark, and some text opens them so
// too. Read as apostrophes they closed nothing: each quote ran on over its
// attribution to the paragraph's end, unclosed and mostly unattributed,
// the apostrophes in its text. Where a text never sets two apostrophes as
// a mark, after a figure (inches), within a name, or with a third against
// them, they stay apostrophes.
func TestDoubledApostrophes(t *testing.T) {
	runQuotedCases(t, []quotedCase{
		{
			name:     "closing a phrase",
			text:     `U.S. District Judge Anna J. Brown called Shannon Egeland's insurance scheme and concocted shooting, which led to the amputation of his left leg, "an unthinkable kind of situation,'' and tacked on three years and 10 months to his 10-year sentence for mortgage fraud.`,
			texts:    []string{"an unthinkable kind of situation"},
			speakers: []string{"Anna J. Brown"},
		},
		{
			name:     "two quotes around an attribution",
			text:     `"What bothers me the most is my son - the pain is on him,'' Egeland said. "The pain that he has shouldn't be there...I've had 3 ½ years to recognize I am broken...If I could take it all back, I would, but I can't...That will haunt me the rest of my life.''`,
			texts:    []string{"What bothers me the most is my son - the pain is on him", "The pain that he has shouldn't be there...I've had 3 ½ years to recognize I am broken...If I could take it all back, I would, but I can't...That will haunt me the rest of my life."},
			speakers: []string{"Egeland", "Egeland"},
		},
		{
			name:     "a name with an apostrophe after the marks",
			text:     `"This will be hard, difficult time for him because of his physical disability,'' O'Connor said. "He understands he brought this on upon himself.''`,
			texts:    []string{"This will be hard, difficult time for him because of his physical disability", "He understands he brought this on upon himself."},
			speakers: []string{"O'Connor", "O'Connor"},
		},
		{
			name:     "closing after a word",
			text:     `Bradford called Egeland a "self-absorbed, opportunistic narcissist,'' motivated by greed who recklessly manipulated his son.` + "\n\n" + `At the time of the shooting, the senior Egeland was suffering from a "perfect storm'' of medical and mental health issues and financial difficulties, and the "anxiety of having to report for a 10-year federal prison sentence'' was weighing down on him, his defense lawyer Ryan O'Connor told the court.`,
			texts:    []string{"self-absorbed, opportunistic narcissist", "perfect storm", "anxiety of having to report for a 10-year federal prison sentence"},
			speakers: []string{"Bradford", "", ""},
		},
		{
			name:     "closing at the paragraph's end",
			text:     `The state news agency SANA reported that a Foreign Ministry source accused Ford of going to Hama without obtaining prior permission from the government. According to the report, the Foreign Ministry official said Ford's visit was "clear evidence of the U.S. involvement in the ongoing events in Syria and its bids to aggravate the situations which destabilize Syria.''`,
			texts:    []string{"clear evidence of the U.S. involvement in the ongoing events in Syria and its bids to aggravate the situations which destabilize Syria."},
			speakers: []string{"Foreign Ministry official"},
		},
		{
			name:     "opening and closing, an elision before the closing",
			text:     `Media playback is unsupported on your device Media caption Opposition politician Cheick Oumar Sissoko: ''It was a mutiny, but for me, now it's a coup d'etat''`,
			texts:    []string{"It was a mutiny, but for me, now it's a coup d'etat"},
			speakers: []string{"Cheick Oumar Sissoko"},
		},
		{
			name:     "curly, after a curly opening mark",
			text:     "What are dignified, award-worthy thespians like Benicio del Toro, Emily Blunt, and Sir Anthony Hopkins doing in a piece of old-school hokum like “The Wolfman’’? Having the time of their lives while trying to keep a straight face.\n\nAnthony Hopkins plays Sir John Talbot as if he were re-enacting his post-stroke scenes from “Legends of the Fall.’’ With tremulous conviction, Blunt plays Gwen Conliffe.",
			texts:    []string{"The Wolfman", "Legends of the Fall."},
			speakers: []string{"", ""},
		},
		{
			name:     "inches",
			text:     `"It was a 12'' pipe that burst,'' the plumber said.`,
			texts:    []string{"It was a 12'' pipe that burst"},
			speakers: []string{"plumber"},
		},
		{
			name:     "within a name",
			text:     `"We went to see Ng''ang''a,'' she said.`,
			texts:    []string{"We went to see Ng''ang''a"},
			speakers: []string{"she"},
		},
		{
			name:     "three apostrophes",
			text:     `The film '''Heat''' opened in May. "It was loud,'' he said.`,
			texts:    []string{"It was loud"},
			speakers: []string{"he"},
		},
		{
			name:     "a text that never sets them as a mark",
			text:     `"It was the Joneses'' dog that barked all night, every night," the neighbour said.`,
			texts:    []string{"It was the Joneses'' dog that barked all night, every night"},
			speakers: []string{"neighbour"},
		},
	})
}
