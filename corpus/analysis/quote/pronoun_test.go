package quote

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestGroupSpeakerNeverAPronoun checks that an utterance every outlet
// attributes only to "he" or "they" heads its group with no speaker, not
// with the pronoun, and that a name any outlet gives wins.
func TestGroupSpeakerNeverAPronoun(t *testing.T) {
	quoteBy := func(id, who string) *corpus.Article {
		return corpus.Parse(id, []byte("Title "+id+"\n\nThe meeting ended late. "+who+" said: “We will rebuild the bridge before the winter comes to the valley.”\n"))
	}
	tests := []struct {
		name string
		arts []*corpus.Article
		want string
	}{
		{"pronouns only", []*corpus.Article{quoteBy("a", "He"), quoteBy("b", "They")}, ""},
		{"a name wins", []*corpus.Article{quoteBy("a", "He"), quoteBy("b", "Mayor Jane Ortiz")}, "Jane Ortiz"},
	}
	for _, tt := range tests {
		gs := Groups(tt.arts)
		if len(gs) != 1 {
			t.Fatalf("%s: %d groups, want 1", tt.name, len(gs))
		}
		if got := gs[0].Speaker; got != tt.want {
			t.Errorf("%s: speaker %q, want %q", tt.name, got, tt.want)
		}
	}
	if !IsPronoun("They") || IsPronoun("Trump") {
		t.Errorf("IsPronoun: They %v, Trump %v", IsPronoun("They"), IsPronoun("Trump"))
	}
}

// TestPersonalPronounTakesAPerson checks that "he" or "she" stands only
// for a person's name: an organisation's name before a person's is passed
// over, and a clause about an organisation or the article's own outlet
// leaves the pronoun rather than reaching further back for a wrong name,
// unless the clause says whose remarks the pronoun speaks in ("on Khan's
// remarks, when he said").
func TestPersonalPronounTakesAPerson(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{name: "organisation before the person", outlet: "02_foxnews",
			text:     "St. Louis Tea Party organizer Bill Hennessy wrote on the group's website Tuesday that the party stands for smaller government.\n\n“You see a half-century of failure by the association,” he wrote.",
			speakers: []string{"Bill Hennessy"}},
		{name: "organisation, no person", outlet: "paper",
			text:     "The city council met on Monday to debate the budget.\n\nAcme Corporation announced the plan on Monday. “We will rebuild the bridge before winter,” he said.",
			speakers: []string{"he"}},
		{name: "the article's own outlet", outlet: "05_breitbart",
			text:     "Foremost among those opposing the visit is London Mayor Sadiq Khan.\n\nBreitbart London reported in 2017 on Khan's remarks, when he said it would not be “appropriate for our government to roll out the red carpet” to the president.",
			speakers: []string{"Khan"}}, // whose remarks they are, not the outlet
		{name: "the article's own outlet, no remarks", outlet: "05_breitbart",
			text:     "Foremost among those opposing the visit is London Mayor Sadiq Khan.\n\nBreitbart London reported in 2017 on the protests, when he said it would not be “appropriate for our government to roll out the red carpet” to the president.",
			speakers: []string{"he"}},
		{name: "a person", outlet: "paper",
			text:     "Mayor Jane Ortiz opened the meeting on Monday.\n\n“We will rebuild the bridge before winter,” she said.",
			speakers: []string{"Jane Ortiz"}},
	})
}

// TestContractedPronounIsAPronoun checks that "He's said" gives the quote
// to the one "he" stands for, not to a speaker named "He's", with either
// apostrophe.
func TestContractedPronounIsAPronoun(t *testing.T) {
	var tests []speakerCase
	for _, he := range []string{"He's", "He’s"} {
		tests = append(tests, speakerCase{name: he,
			text:     "President Trump has often dismissed the allegations about the campaign.\n\n" + he + " said the allegations are a “fake story that is demeaning to all of us and to our country.”",
			speakers: []string{"Trump"}})
	}
	runSpeakerCases(t, tests)
}

// TestPronounTakesTheSourceReported checks that "it" after a sentence
// about a document ("A budget announcement from Westport Council came
// …") has that document as its source, and that "they" after a
// sentence that reports what plural people gave ("according to a report
// by city engineers in Westport") stands for those people, with the
// name that places them; the police are plural, and a verb's form
// ("ended") is no plural noun.
func TestPronounTakesTheSourceReported(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "it: a document opening the sentence before",
			text:     "The harbour board met on Monday. A budget announcement from Westport Council came a day after the board and the mayor agreed on the plan.\n\nIt also said the bridge “would reopen to all traffic in the spring.”",
			speakers: []string{""},
			sources:  []string{"budget announcement from Westport Council"},
		},
		{
			name:     "they: according to a document by people",
			text:     "The bridge was closed on Monday, according to a report by city engineers in Westport, released the same day. Left alone, they said, the deck “would have failed within a year.”",
			speakers: []string{"city engineers in Westport"},
		},
		{
			name:     "they: according to people",
			text:     "The bridge was closed on Monday, according to the city engineers.\n\n“The deck would have failed within a year,” they said.",
			speakers: []string{"city engineers"},
		},
		{
			name:     "they: according to police",
			text:     "The bridge was closed on Monday, according to Westport police.\n\n“The deck would have failed within a year,” they said.",
			speakers: []string{"Westport police"},
		},
		{
			name:     "they: the police opening the sentence",
			text:     "The police closed the bridge on Monday.\n\n“The deck would have failed within a year,” they said.",
			speakers: []string{"police"},
		},
		{
			name:     "they: a verb's forms are no plural noun",
			text:     "The meeting ended.\n\n“The deck would have failed within a year,” they said.",
			speakers: []string{"they"},
		},
		{
			name:     "they: according to a document by a person",
			text:     "The bridge was closed on Monday, according to a report by Jane Ortiz.\n\n“The deck would have failed within a year,” they said.",
			speakers: []string{"they"},
		},
	})
}

// TestPronounOfSomeoneUnnamed checks that a pronoun standing for someone
// the text says it does not name ("one trader, who refused to give his
// name") is shown as the text describes them, not as the pronoun nor as
// a name from further back; and that a person doing what an absolute
// clause of the sentence before says ("Friday brought some relief …,
// with Mayor Jane Ortiz cutting the ribbon") is the one "she" stands for, but not one in the pronoun's own
// sentence ("With Mayor Jane Ortiz watching, he said").
func TestPronounOfSomeoneUnnamed(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "who refused to give his name",
			text:     "Mayor Jane Ortiz opened the market on Friday.\n\nInside the hall, the bidding went on, with one trader, who refused to give his name, waving a card. “Nobody here will stop for a ribbon,” he said.",
			speakers: []string{"one trader"},
		},
		{
			name:     "who asked not to be identified",
			text:     "Mayor Jane Ortiz opened the market on Friday. A stallholder who asked not to be identified stood by the gate.\n\n“Nobody here will stop for a ribbon,” she said.",
			speakers: []string{"stallholder"},
		},
		{
			name:     "they: on condition of anonymity",
			text:     "Mayor Jane Ortiz opened the market on Friday. The talks stalled, two officials, who spoke on condition of anonymity, said later.\n\n“Nobody here will stop for a ribbon,” they said.",
			speakers: []string{"two officials"},
		},
		{
			name:     "an absolute clause in the sentence before",
			text:     "Friday brought some relief for the traders, with Mayor Jane Ortiz cutting the ribbon.\n\n“Nobody here will stop for a ribbon,” she said.",
			speakers: []string{"Jane Ortiz"},
		},
		{
			name:     "an absolute clause in the pronoun's own sentence",
			text:     "The market opened late on Friday.\n\nWith Mayor Jane Ortiz watching, he said: “Nobody here will stop for a ribbon.”",
			speakers: []string{"he"},
		},
	})
}

// TestOpeningPrepositionIsNoName checks that a preposition opening a
// sentence ("Inside the hall, …") is not taken for the name a later
// pronoun stands for.
func TestOpeningPrepositionIsNoName(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "a pronoun after it",
			text:     "Inside the hall, the bidding went on past midnight.\n\n“Nobody here will stop for a ribbon,” he said.",
			speakers: []string{"he"},
		},
	})
}

// TestTheyInARelativeClause checks that "they" inside a relative clause
// ("the harbour workers, who had long warned about what they called")
// stands for the clause's antecedent: a noun phrase or an organisation,
// never a person's name.
func TestTheyInARelativeClause(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "a noun phrase",
			text:     "The plan drew a sharp reply from the harbour workers, who had long warned about what they called “a winter without a single ferry.”",
			speakers: []string{"harbour workers"},
		},
		{
			name:     "an organisation",
			text:     "The plan drew a sharp reply from Westport Harbour Board, which had long warned about what they called “a winter without a single ferry.”",
			speakers: []string{"Westport Harbour Board"},
		},
		{
			name:     "a person",
			text:     "The plan drew a sharp reply from Jane Ortiz, who had long warned about what they called “a winter without a single ferry.”",
			speakers: []string{"they"},
		},
	})
}

// TestNoAntecedentInPlacingOrAddressing checks that a sentence's opening
// word that only places or addresses ("Last year", "Dear Matt Damon,")
// is no name and names no antecedent, and that a name joined to the
// pronoun by "and" inside a sentence ("a show that he and O'Neil had
// presented") is someone else, while a sentence opening with them ("He
// and Batygin hope") is passed over as any sentence whose subject is the
// pronoun.
func TestNoAntecedentInPlacingOrAddressing(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "last year",
			text:     "Last year, it also recommended that shareholders reject the pay, noting that it rose “despite the company's relative underperformance.”",
			speakers: []string{""},
		},
		{
			name:     "a letter's salutation",
			text:     "Alyssa Milano wrote to the actor.\n\nDear Matt Damon,\n\nIt is the micro that makes the macro.\n\n“We are in a culture of outrage,” she wrote.",
			speakers: []string{"Alyssa Milano"},
		},
		{
			name:     "a page's imperative",
			text:     "Watch part of the interview in the video above, and tune in for the full “Popcorn With Peter Travers” interview on Dec. 27.",
			speakers: []string{""},
		},
		{
			name:     "he and a name inside a sentence",
			text:     "In 2012 another licence condition was imposed after Sandilands insulted a female journalist for reporting the low ratings of a TV show that he and O'Neil had presented.\n\n“Some fat slag has already branded it a disaster,” he said.",
			speakers: []string{"he"},
		},
		{
			name:     "he and a name opening a sentence",
			text:     "“We have been looking for it for a while now,” Brown said.\n\nHe and Batygin hope their paper will help. “We could see it within a couple of years,” he said.",
			speakers: []string{"Brown", "Brown"},
		},
	})
}

// TestPronounNeedsAPersonsName checks that "he" or "she" stands for a
// lone capitalised word only when the article gives it as a person's
// name: part of a longer name elsewhere ("Greg Gianforte's", "April
// Ryan"), with a title, or attributed a quote; a word it never writes so
// ("Laughter — and applause — ensued", "the coroner for north Wales") is
// as often a thing or a place, and the pronoun stays.
func TestPronounNeedsAPersonsName(t *testing.T) {
	const q = "\n\n“It was a tremendous success last night,” he said."
	runSpeakerCases(t, []speakerCase{
		{name: "laughter", text: "Key mixed up the names.\n\nLaughter — and applause — ensued, and Key was forced to correct himself." + q, speakers: []string{"he"}},
		{name: "a place", text: "In a statement to the coroner for north Wales, the widower described the fall." + q, speakers: []string{"he"}},
		{name: "a surname given in full before, as a possessive", text: "The rally followed Greg Gianforte's win.\n\nGianforte pleaded guilty on Friday." + q, speakers: []string{"Gianforte"}},
		{name: "a surname after a month's name", text: "The president called on April Ryan.\n\nRyan asked about the caucus." + q, speakers: []string{"Ryan"}},
		{name: "a surname with a title", text: "Dr. Brown spoke first.\n\nBrown described the orbit." + q, speakers: []string{"Brown"}},
	})
}

// TestPronounTakesASurnameTheStoryGives checks that, read with its story,
// an article that names someone only by a lone surname ("Trump tried
// to insist …. “…,” he said") gives "he" that name when another report
// of the story writes it as a person's surname ("President Donald
// Trump"), and that read alone it still does not; a word the other
// reports write only at a sentence's start, in a headline, or as the
// end of an organisation's name is no surname.
func TestPronounTakesASurnameTheStoryGives(t *testing.T) {
	const lone = "Title\n\nThe briefing ran long.\n\nTrump tried to insist everything was fine. “I turn on the TV and I see stories of chaos,” he said.\n"
	const laughter = "Title\n\nKey mixed up the names.\n\nLaughter — and applause — ensued, and Key was forced to correct himself. “It was a tremendous success last night,” he said.\n"
	tests := []struct {
		name, text, other, want string
	}{
		{"a surname with a first name", lone, "Title\n\nPresident Donald Trump held a news conference on Thursday.\n", "Trump"},
		{"a surname with a title", lone, "Title\n\nMr. Trump held a news conference on Thursday.\n", "Trump"},
		{"no other report", lone, "", "he"},
		{"a lone surname in the other too", lone, "Title\n\nTrump held a news conference on Thursday.\n", "he"},
		{"only in a headline", lone, "Trump Decries Fake News Stories\n\nThe president held a news conference on Thursday.\n", "he"},
		{"only opening a sentence", laughter, "Title\n\nLaughter filled the hall on Thursday.\n", "he"},
		{"the end of an organisation's name", laughter, "Title\n\nThe Laughter Foundation gave money on Thursday.\n", "he"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := []*corpus.Article{quoteArticle("a", tt.text)}
			if tt.other != "" {
				arts = append(arts, quoteArticle("b", tt.other))
			}
			groups, short := GroupAll(arts)
			var got []string
			for _, g := range append(groups, short...) {
				for _, q := range g.Quotes {
					if q.Article == arts[0] {
						got = append(got, q.Speaker)
					}
				}
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("speakers %q, want [%q]", got, tt.want)
			}
			if qs := Extract(arts[0]); len(qs) != 1 || qs[0].Speaker != "he" {
				t.Errorf("read alone: %d quotes, want one of he", len(qs))
			}
		})
	}
}

// TestPronounPassesAThingsSentence checks that a sentence whose subject
// is a document or a medium ("The announcement followed …") does not end
// the look-back of "he" or "she": the thing is no one the pronoun stands
// for, and the sentence's absolute clause, or a sentence before it, names
// the person. A person's epithet ("The New York businessman") still ends
// it, and a sentence about a thing names no one of the other gender.
func TestPronounPassesAThingsSentence(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{name: "an absolute clause in the thing's sentence",
			text:     "The announcement followed months of drama about the visit, with President Donald Trump turning down a formal state visit. He also declined to open the new embassy, claiming the building was a “bad deal for the country.”",
			speakers: []string{"Donald Trump"}},
		{name: "a sentence before the thing's",
			text:     "Mayor Jane Ortiz opened the bridge on Monday. The statement from the council came an hour later. She said the crossing was “open to everyone from today.”",
			speakers: []string{"Jane Ortiz"}},
		{name: "a person's epithet still ends the look-back",
			text:     "Mayor Jane Ortiz opened the bridge on Monday. The New York businessman arrived an hour later. He said the crossing was “open to everyone from today.”",
			speakers: []string{"he"}},
		{name: "the name before the thing's sentence is of the other gender",
			text:     "Mr. Earl Conlon opened the bridge on Monday. The statement from the council came an hour later. She said the crossing was “open to everyone from today.”",
			speakers: []string{"she"}},
	})
}
