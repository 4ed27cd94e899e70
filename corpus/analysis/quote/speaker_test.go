package quote

import (
	"testing"
)

// speakerCase is one text and the speaker and verb of each of its
// quotes, in order.
type speakerCase struct {
	name     string
	text     string
	speakers []string
	verbs    []string // nil: not checked
	sources  []string // nil: not checked
	outlet   string   // the article's outlet; "": none
}

func runSpeakerCases(t *testing.T, tests []speakerCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := quoteArticle("a", "Title\n\n"+tt.text+"\n")
			a.Outlet = tt.outlet
			qs := Extract(a)
			if len(qs) != len(tt.speakers) {
				t.Fatalf("%d quotes, want %d", len(qs), len(tt.speakers))
			}
			for i, q := range qs {
				if q.Speaker != tt.speakers[i] {
					t.Errorf("quote %d %q: speaker %q, want %q", i, q.Text(), q.Speaker, tt.speakers[i])
				}
				if tt.verbs != nil && q.Verb != tt.verbs[i] {
					t.Errorf("quote %d %q: verb %q, want %q", i, q.Text(), q.Verb, tt.verbs[i])
				}
				if tt.sources != nil && q.Source != tt.sources[i] {
					t.Errorf("quote %d %q: source %q, want %q", i, q.Text(), q.Source, tt.sources[i])
				}
			}
		})
	}
}

// TestChannelIsNoSpeaker: a document or medium the words came through is
// not who spoke them. As the verb's subject it leaves the quote without a
// speaker, named as the quote's source instead, and a quote following it
// as a quote follows a speaker's (in its paragraph, or alone in the next)
// takes no speaker from it but the source; hanging on "in" or
// "on", or issued by someone "saying", it gives way to the clause's
// subject.
func TestChannelIsNoSpeaker(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "the statement said",
			text:     "The mayor left early. \"The council will vote on the budget next week,\" the statement said. \"No one will lose their job over this.\"",
			speakers: []string{"", ""},
			// The statement is the first quote's source, with its verb;
			// the second goes on with it, as a source without a verb.
			verbs:   []string{"said", ""},
			sources: []string{"statement", "statement"},
		},
		{
			name:     "the flyer continues",
			text:     "The group handed out flyers.\n\n“Share this document with everyone you know,” the flyer says.\n\n“We are the people who run this country,” the flyer continues. “This is our house and our government.”\n\n“Let us make them panic by getting off the couch.”\n\nThe police said the march was peaceful. “Nobody was hurt on the beltway today,” the police said.",
			speakers: []string{"", "", "", "", "police"},
			verbs:    []string{"says", "continues", "", "", "said"},
			sources:  []string{"flyer", "flyer", "flyer", "flyer", ""},
		},
		{
			name:     "a sentence of prose between",
			text:     "“Share this document with everyone you know,” the flyer says. Organisers expect thousands. “We are the people who run this country.”",
			speakers: []string{"", ""},
			sources:  []string{"flyer", ""},
		},
		{
			name:     "a paragraph of prose between",
			text:     "“Share this document with everyone you know,” the flyer says.\n\nOrganisers expect thousands. “We are the people who run this country.”",
			speakers: []string{"", ""},
			sources:  []string{"flyer", ""},
		},
		{
			name:     "the lawsuit claims",
			text:     "\"The company hid the defects from its buyers for years,\" the lawsuit claims.",
			speakers: []string{""},
			verbs:    []string{"claims"},
			sources:  []string{"lawsuit"},
		},
		{
			name:     "in a message posted",
			text:     "Mr. Ortiz seized on the memos in a Twitter message posted late Thursday to repeat that there was “no plan to close the hospital.”",
			speakers: []string{"Ortiz"},
		},
		{
			name:     "issued a statement saying",
			text:     "Jane Ortiz issued a statement saying she was “deeply saddened by the news from the valley.”",
			speakers: []string{"Jane Ortiz"},
		},
	})
}

// TestRoleNounTakesItsHolder: a role noun alone ("the sheriff said")
// stands for the name the text gave that role as a title, and a holder
// already quoted comes before a nearer one who was not. The rule's
// limits are held too (these cases passed before it): a rank word makes
// another role ("Vice President" is not "the president"), and an
// organisation's name holds no role.
func TestRoleNounTakesItsHolder(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "the sheriff",
			text:     "Bexar County Sheriff Ana Ruiz arrived at noon. The deputies had left. \"We are all shaken by what happened here today,\" the sheriff said.",
			speakers: []string{"Ana Ruiz"},
		},
		{
			name:     "modifiers must match",
			text:     "Former Vice President John Hale spoke first. \"Freedom means freedom for every family in this state,\" the former vice president said.",
			speakers: []string{"John Hale"},
		},
		{
			name:     "a rank word makes another role",
			text:     "Vice President Mark Lund stood by. \"We will not let this go without a full answer,\" the president said.",
			speakers: []string{"president"},
		},
		{
			name:     "a quoted holder first",
			text:     "\"The deal is done and the workers will be paid,\" President Ola Berg said. Former President Tom Varga disagreed. \"We will see which of us the voters believe,\" the president said.",
			speakers: []string{"Ola Berg", "Ola Berg"},
		},
		{
			name:     "an organisation holds no role",
			text:     "The Police Department closed the road. \"Nobody was hurt in the crash on the bridge,\" police said.",
			speakers: []string{"police"},
		},
	})
}

// TestNameAfterPrepositionIsNotSubject: a name governed by a preposition
// ("director of Amnesty International", "a poll in Wyoming") is not the
// verb's subject: the name the appositive describes is, or the noun the
// preposition hangs on. A word that is also a conjunction ("before")
// governs no name (a limit, passing before the rule too).
func TestNameAfterPrepositionIsNotSubject(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "appositive with an organisation",
			text:     "Kate Lowe, director of Amnesty International UK, said \"we will be making our voices heard in the streets.\"",
			speakers: []string{"Kate Lowe"},
		},
		{
			name:     "an appositive of place after the name",
			text:     "\"It was the loudest thing I ever heard in my life,\" Gaspar Ruiz, of Diamond Bar, 83, said.",
			speakers: []string{"Gaspar Ruiz"},
		},
		{
			name:     "a place belongs to the name before it",
			text:     "Representative Luis Castro of Texas, another member of the House Intelligence Committee, wrote that \"this report must be checked line by line.\"",
			speakers: []string{"Luis Castro"},
		},
		{
			name:     "the noun before the preposition",
			text:     "Ms. Hale sought to clarify her position after a poll in Wyoming said she \"supports every tax increase on the table.\"",
			speakers: []string{""},
		},
		{
			name:     "an indefinite appositive",
			text:     "\"The whole thing is a witch hunt and everybody knows it,\" Ortiz, a Republican, wrote.",
			speakers: []string{"Ortiz"},
		},
		{
			name:     "a conjunction is not a preposition",
			text:     "Reporters began to ask a question before Ortiz told them the meeting was “over and done with for today.”",
			speakers: []string{"Ortiz"},
		},
	})
}

// TestNameWords: a capitalised word inside a name is no verb ("the United
// States, said"), and an initial's point does not cut a name.
func TestNameWords(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "States in a name",
			text:     "\"The distinction between the two visits is increasingly lost,\" Peter West, former ambassador to the United States, said.",
			speakers: []string{"Peter West"},
			verbs:    []string{"said"},
		},
		{
			name:     "a middle initial",
			text:     "\"We were there to listen to the members of the branch,\" said Anita L. Russell, president of the branch.",
			speakers: []string{"Anita L. Russell"},
		},
		{
			name:     "Saint as an abbreviation",
			text:     "\"We will not be lectured by anyone about what this movement stands for,\" the St. Louis Tea Party said.",
			speakers: []string{"St. Louis Tea Party"},
		},
	})
}

// TestClauseIsNoSpeakerPhrase: words that run over a verb are a clause,
// not a noun phrase; the speaker is the subject of the attribution verb
// in it, or the name the clause opens with. A reflexive only stresses the
// name before it.
func TestClauseIsNoSpeakerPhrase(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "quoted as",
			text:     "\"I will not let the talks fail because of a small dispute,\" Mr. Kim was quoted as telling the envoys.",
			speakers: []string{"Kim"},
		},
		{
			name:     "the president told",
			text:     "President Ola Berg called at night. After the call, Hale said the president told him, \"I need loyalty from everyone in this office.\"",
			speakers: []string{"Ola Berg"},
		},
		{
			name:     "who asked",
			text:     "\"Nobody here wants to talk about what goes on inside,\" said the worker, who asked not to be named.",
			speakers: []string{"worker"},
		},
		{
			name:     "a reflexive",
			text:     "Ortiz himself said on Friday that the controversy was \"a total fabrication from start to finish.\"",
			speakers: []string{"Ortiz"},
		},
		{
			name:     "a preposition's bare object",
			text:     "President Ola Berg spoke often. The president at times said \"he thought very highly of the whole team.\"",
			speakers: []string{"Ola Berg"},
		},
	})
}

// TestPronounAfterNamedQuote: a pronoun right after a quote attributed to
// a name stands for that name, even when the name's sentence opens with
// another noun phrase, which alone keeps a pronoun unresolved ("the
// liberal icon justice" may be the antecedent).
func TestPronounAfterNamedQuote(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "a sentence opening with a thing",
			text:     "The lawsuit \"might not have any political staying power at all,\" Leonard Hale said.\n\n\"Whether it amounts to more than a story remains to be seen,\" he said.",
			speakers: []string{"Leonard Hale", "Leonard Hale"},
		},
		{
			name:     "an epithet still keeps the pronoun",
			text:     "Ruth Gold spoke at length on Monday. The liberal icon justice was unrepentant.\n\n\"I regret nothing that I said about the campaign,\" she said.",
			speakers: []string{"she"},
		},
	})
}

// TestSentenceOpeningModifierIsNoName: a sentence's first word is
// capitalised whatever it is; one that only qualifies the noun before a
// name ("First-grade teacher Ana Ruiz") is not the clause's subject. A
// name before a verb stays the subject.
func TestSentenceOpeningModifierIsNoName(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "a modifier and a noun before the name",
			text:     "First-grade teacher Ana Ruiz told the station she kept thinking about the boy, saying \"he was always the first to laugh.\"",
			speakers: []string{"Ana Ruiz"},
		},
		{
			name:     "a name and its verb",
			text:     "Ortiz told Hale on Monday that the vote would wait, saying \"the members need more time to read it.\"",
			speakers: []string{"Ortiz"},
		},
	})
}

// TestPronounAfterAnOpeningPhrase: a sentence that opens with a
// determiner's phrase is about that phrase only when the phrase is its
// subject. Set off by a comma before a name, the phrase is a time or an
// appositive and the name is the subject a later pronoun stands for; as
// the subject, a role the text gave a name as a title ("the liberal icon
// justice" after "Justice Ruth Bader Ginsburg") is that name. A quote's
// own sentences before its "she said" do not count against how far back
// the name is looked for. The sentences are the stories'.
func TestPronounAfterAnOpeningPhrase(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "an appositive name after the phrase",
			text:     "A convention-goer, Jeff Martin, 33, of Columbus, Ohio, said he was unable to cross the Strip several hours after the attack.\n\n\"When you're out at 4 a.m. nothing good's going to happen,\" he said.",
			speakers: []string{"Jeff Martin"},
		},
		{
			name:     "a phrase holding names joined by and",
			text:     "A spokesman for the Las Vegas Convention and Visitors Authority, Jeremy Handel, reassured people that much is being done to keep them safe.\n\n\"Recent incidents, while unfortunate, were isolated events,\" he said in a statement. \"Las Vegas is among the safest travel destinations in the world and utilizes the most advanced technology and training to maintain a secure environment.\"",
			speakers: []string{"Jeremy Handel", "Jeremy Handel"},
		},
		{
			name:     "a time before the subject",
			text:     "That day, Mr. Trump defended his role in the Trump Tower Moscow discussions, brushing aside concerns that he was advancing his business interests at the time he was hoping to become president. “There was a good chance that I wouldn’t have won, in which case I would have gotten back into the business, and why should I lose lots of opportunities?” he told reporters.",
			speakers: []string{"Trump"},
		},
		{
			name: "a role the text gave a name, and a long quote",
			text: "Supreme Court Justice Ruth Bader Ginsburg faced a growing and bipartisan backlash Wednesday.\n\n" +
				"The liberal icon justice had kicked off the storm with comments to The New York Times published Saturday. “I can’t imagine what this place would be — I can’t imagine what the country would be -- with Donald Trump as our president. For the country, it could be four years. For the court, it could be -- I don’t even want to contemplate that,” she said.\n\n" +
				"She doubled down late Monday, telling CNN: “He is a faker.”\n\n" +
				"\"He has no consistency about him. He says whatever comes into his head at the moment. He really has an ego. ... How has he gotten away with not turning over his tax returns? The press seems to be very gentle with him on that,\" she said.",
			speakers: []string{"Ruth Bader Ginsburg", "Ruth Bader Ginsburg", "Ruth Bader Ginsburg"},
		},
	})
}

// TestOpeningParticipleTakesTheMainSubject: the words after a participle
// that opens its sentence are its object ("Calling it"), not its subject;
// the subject is the main clause's, after the quote.
func TestOpeningParticipleTakesTheMainSubject(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "the story's sentence",
			text:     "Calling it an \"all-out assault on our democracy,\" the Democratic National Committee filed the civil suit in federal district court in Manhattan.",
			speakers: []string{"Democratic National Committee"},
			verbs:    []string{"calling"},
		},
		{
			name:     "no name after the quote",
			text:     "Calling it an \"all-out assault on our democracy,\" the party filed the civil suit in federal district court in Manhattan.",
			speakers: []string{""},
		},
	})
}

// TestItStandsForADocumentOrAnOrganisation: a quote attributed to "it"
// takes the attribution of the earlier quote "it" stands for: the document
// quoted (as its source, never a speaker) or the organisation; and none
// from a person, which "it" never is. The sentences are the stories'.
func TestItStandsForADocumentOrAnOrganisation(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "a document",
			text:     "The final wording won't be released until the NAACP's national board of directors approves the resolution during its meeting in October. But the original called for the NAACP to \"educate its membership and the community that this movement is not just about higher taxes and limited government.\" It said something could evolve \"and become more dangerous for that small percentage of people that really think our country has been taken away from them.\"",
			speakers: []string{"", ""},
			sources:  []string{"original", "original"},
		},
		{
			name:     "an organisation, past a sentence about it",
			text:     "North Korea's Rodong Sinmun newspaper said the relationship between the North and the South was \"going towards detente\".\n\nBut it criticised Japan's leader for refusing to ease the pressure on Pyongyang without the latter taking steps towards de-nuclearisation.\n\nIt said: \"The detente on the Korean peninsula is unfavourable for the (Japanese Prime Minister Shinzo) Abe group whose ultimate goal is to convert Japan into a war state.\"",
			speakers: []string{"North Korea's Rodong Sinmun newspaper", "North Korea's Rodong Sinmun newspaper"},
		},
		{
			name:     "a person is no antecedent",
			text:     "\"We will rebuild the bridge before the winter comes,\" Jane Ortiz said.\n\nIt said: \"The detente on the Korean peninsula is unfavourable for the group.\"",
			speakers: []string{"Jane Ortiz", "it"},
		},
	})
}

// TestWrongSpeakersOfTheStories: quotes the stories gave to someone the
// sentence only mentions. A second verb of speech after "and" has the
// first one's subject, past an aside that opens with a participle, not
// the name the first verb reported; a subordinate clause before the
// subject ("After reporter Michael Scotto finished his report,") holds
// no subject; a relative clause's "who said" before a quote attributes it,
// not the main verb after it; and a name governed by a preposition
// before a comma ("A lawyer for Mr. Grimm, William McGinley") only says
// whose the name after it is; nor do the people a document is for ("the
// Code of Conduct for U.S. judges says") say what it says.
func TestWrongSpeakersOfTheStories(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "a second verb after a participle's aside",
			text:     "“The U.S. attorney’s office has disclosed its intent to file criminal charges against Congressman Grimm,” Mr. McGinley said.\n\nMr. Grimm stormed off camera but returned and threatened to throw Mr. Scotto off the balcony. Then, the congressman, speaking in a barely audible whisper as he stood close to the reporter, said Mr. Scotto was “not man enough” and added: “I’ll break you in half. Like a boy.”",
			speakers: []string{"McGinley", "Grimm", "Grimm"},
		},
		{
			name:     "a subordinate clause before the subject",
			text:     "After reporter Michael Scotto finished his report, Grimm stormed back, leaned into him and said, \"Let me be clear to you. If you ever do that to me again, I'll throw you off this (expletive) balcony.\"",
			speakers: []string{"Grimm"},
		},
		{
			name:     "a second verb whose first has a pronoun subject",
			text:     "While the Democratic presidential candidate declined to comment on whether her comments were appropriate, he said on ABC he agrees Trump is a \"total opportunist\" and said \"the record is quite clear that he lies just a whole lot of the time.\"",
			speakers: []string{"he", "he"},
		},
		{
			name:     "a relative clause's verb",
			text:     "Boris Johnson, who said in December 2015 \"the only reason I wouldn't go to some parts of New York is the real risk of meeting Donald Trump\", tweeted the news about the now-president's trip was \"fantastic\".",
			speakers: []string{"Boris Johnson", "Boris Johnson"},
		},
		{
			name:     "a document's title before a preposition",
			text:     "The board noted the Code of Conduct for U.S. judges says that a “judge should not ... publicly endorse or oppose a candidate for public office.”",
			speakers: []string{""},
			sources:  []string{"Code of Conduct"},
		},
		{
			name:     "a governed name before the name",
			text:     "A lawyer for Mr. Grimm, William McGinley of Patton Boggs, confirmed in a statement that prosecutors intended to file criminal charges against his client and said that Mr. Grimm “asserts his innocence” and that the investigation was “a politically driven vendetta.”",
			speakers: []string{"William McGinley", "William McGinley"},
		},
	})
}

// TestTheyStandsForAPluralSubject: a quote attributed to "they" takes the
// plural noun phrase that is the subject of the sentence before, directly
// or through an earlier "they"; a sentence about one person leaves it.
// The sentences are the stories'.
func TestTheyStandsForAPluralSubject(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "the sentence before",
			text:     "The chairmen said the memos underscore that Comey had different standards in dealing with Trump than he did with others.\n\nHe chose not to memorialize conversations with President Obama, Attorney General Lynch, Secretary Clinton, Andrew McCabe or others, but \"he immediately began to memorialize conversations with President Trump,\" they said.",
			speakers: []string{"chairmen"},
		},
		{
			name:     "through an earlier they",
			text:     "The three Republican chairmen — Representative Robert W. Goodlatte of the Judiciary Committee, Representative Devin Nunes of the Intelligence Committee and Representative Trey Gowdy of the Oversight Committee — issued a joint statement Thursday night taking direct aim at Mr. Comey’s character and the import of the memos. The documents, they said, show Mr. Comey was “blind with biases” and demonstrated bad judgment.\n\nWhile Mr. Comey “went to great lengths to set dining room scenes, discuss height requirements, describe the multiple times he felt complimented and myriad other extraneous facts, he never once mentioned the most relevant fact of all, which was whether he felt obstructed in his investigation,” they wrote.",
			speakers: []string{"three Republican chairmen", "three Republican chairmen"},
		},
		{
			name:     "one person is no antecedent",
			text:     "The chairman said the memos underscore that Comey had different standards.\n\n\"He immediately began to memorialize conversations with President Trump,\" they said.",
			speakers: []string{"they"},
		},
	})
}

// TestPronounAfterAnEpithet checks that "he" or "she" after a sentence
// whose subject is an epithet for a person ("The New York businessman
// said") stands for the named subject of the sentence before that, when
// the article has quoted that person and the sentence is about no one
// else it quotes; and that the pronoun stays when the epithet is a
// relation ("the adviser"), of the other gender, names someone the
// article quotes, or follows a sentence about two people it quotes; and
// that an epithet after an opening phrase ("In his closing remarks, the
// senator said") is the sentence's subject still, not a name after it.
func TestPronounAfterAnEpithet(t *testing.T) {
	const before = "“We will open it on time,” Ann Ortiz said on Monday.\n\n"
	const q = "\n\n“It shows how weak the bridge is, it shows how old it is,” she said."
	runSpeakerCases(t, []speakerCase{
		{
			name:     "the story's sentences",
			text:     before + "During the briefing, Ortiz doubted the report, saying the bridge was sound.\n\nThe Texas businesswoman said the message mattered more." + q,
			speakers: []string{"Ann Ortiz", "Ann Ortiz"},
		},
		{
			name:     "the former reality star",
			text:     before + "Ortiz toured the site on Tuesday.\n\nThe former reality TV star said the work was nearly done." + q,
			speakers: []string{"Ann Ortiz", "Ann Ortiz"},
		},
		{
			name:     "a relation stands for someone else",
			text:     before + "Ortiz toured the site on Tuesday.\n\nThe longtime adviser said the work was nearly done." + q,
			speakers: []string{"Ann Ortiz", "she"},
		},
		{
			name:     "the other gender",
			text:     before + "Ortiz toured the site on Tuesday.\n\nThe Texas businessman said the work was nearly done." + q,
			speakers: []string{"Ann Ortiz", "she"},
		},
		{
			name:     "someone else the article quotes",
			text:     "“We will open it on time,” Ann Ortiz said on Monday. “Not before the spring,” Lia Park said.\n\nOrtiz attacked Park on Tuesday.\n\nThe former candidate said the work was nearly done." + q,
			speakers: []string{"Ann Ortiz", "Lia Park", "she"},
		},
		{
			name:     "the epithet names someone the article quotes",
			text:     "“We will open it on time,” Ann Ortiz said on Monday. “Not before the spring,” Lia Park said.\n\nOrtiz toured the site on Tuesday.\n\nThe Park nominee said the work was nearly done." + q,
			speakers: []string{"Ann Ortiz", "Lia Park", "she"},
		},
		{
			name:     "an epithet after an opening phrase",
			text:     "In his closing remarks, the senator said he was revolted by the lists Ann Ortiz had revealed.\n\n“I think it is our job to bring this into sunlight,” he said.",
			speakers: []string{"he"},
		},
		{
			name:     "a person the article has not quoted",
			text:     "Ann Ortiz toured the site on Tuesday.\n\nThe Texas businesswoman said the work was nearly done." + q,
			speakers: []string{"she"},
		},
	})
}

// TestNameAfterItsQualifier checks that after a verb, a name that only
// says whose or of what the speaker is ("said Trump spokesman Sean
// Spicer", "says U.S. Forest Service volunteer Jules Fijolek") gives way
// to the speaker's name after it, that an organisation's name takes its
// "of" ("the Department of Defense"), and that a name whose parts are
// written in lower case ("Issa Abed al-Majid Mansour") or a name
// followed by a verb stays whole.
func TestNameAfterItsQualifier(t *testing.T) {
	const q = "The trail is busy. “Deserts are fragile ecosystems,” "
	runSpeakerCases(t, []speakerCase{
		{name: "whose spokesman", text: q + "said Trump spokesman Sean Spicer.", speakers: []string{"Sean Spicer"}},
		{name: "a title of lower-case words", text: q + "said White House press secretary Sarah Sanders.", speakers: []string{"Sarah Sanders"}},
		{name: "an abbreviation in the qualifier", text: q + "says U.S. Forest Service volunteer Jules Fijolek.", speakers: []string{"Jules Fijolek"}},
		{name: "a place", text: q + "said Spokane resident Jason Prettyman.", speakers: []string{"Jason Prettyman"}},
		{name: "an organisation and its of", text: q + "according to a statement released by the Department of Defense.", speakers: []string{"Department of Defense"}},
		{name: "lower-case parts of a name", text: q + "said Issa Abed al-Majid Mansour, an exiled opposition leader.", speakers: []string{"Issa Abed"}},
		{name: "a name alone", text: q + "said Jules Fijolek on Monday.", speakers: []string{"Jules Fijolek"}},
		{name: "an abbreviation in a name", text: q + "said the U.S. Forest Service.", speakers: []string{"U.S. Forest Service"}},
	})
}

// TestVerbsOfShouting checks that yelling, shouting and chanting
// attribute speech: the one who yelled said the words, not the crowd
// that repeated them.
func TestVerbsOfShouting(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "yelled, and the crowd repeated",
			text:     "The crowd used its human mic. “I went to college. I graduated with honors,” Marcel Foster yelled, and the crowd repeated.",
			speakers: []string{"Marcel Foster"},
			verbs:    []string{"yelled"},
		},
		{
			name:     "chanted",
			text:     "The march went on for hours, as onlookers chanted “Whose street? Our street!” at the police.",
			speakers: []string{"onlookers"},
			verbs:    []string{"chanted"},
		},
		{
			name:     "shouted",
			text:     "The march went on for hours. “Get off the street!” an officer shouted.",
			speakers: []string{"officer"},
			verbs:    []string{"shouted"},
		},
	})
}

// TestQuotedAsSaying checks that "quoted X as saying" gives the words to
// X, not to the one quoting, and to no one for a pronoun X; that a
// contracted "are" ("we’re told") makes the verb passive; that "so"
// between a subject and its verb is passed over; and that a caption's
// name written twice in a row is one name.
func TestQuotedAsSaying(t *testing.T) {
	const b = "The cabinet met on Thursday. "
	runSpeakerCases(t, []speakerCase{
		{name: "the source quoted a name", text: b + "“I was not one of those to go out in public,” the source quoted Sa’ar as saying.", speakers: []string{"Sa’ar"}},
		{name: "the agency quoted a titled name", text: b + "The agency quoted Foreign Minister Kim Yong Chol as saying that “the talks will go on.”", speakers: []string{"Kim Yong Chol"}},
		{name: "quoted him", text: b + "Yonhap quoted him as saying “the talks will go on.”", speakers: []string{""}},
		{name: "was quoted", text: b + "Kim was quoted as saying “the talks will go on.”", speakers: []string{"Kim"}},
		{name: "we're told", text: b + "“He is forcing the matter to litigation,” we’re told.", speakers: []string{""}},
		{name: "he so famously said", text: b + "“If I have seen further, it is by standing upon the shoulders of giants,” he so famously said.", speakers: []string{"he"}},
		{name: "a name twice", text: b + "“I have done my time,” Jenna Bush Jenna Bush said.", speakers: []string{"Jenna Bush"}},
	})
}

// TestInsertedAttribution checks that an attribution inserted between
// commas, verb first ("The difference, said Trump, is that …"), gives
// the quote to its name, not to the noun phrase before it; that "told
// DeGeneres," is no inserted attribution; and that a policy is a
// document, the quote's source.
func TestInsertedAttribution(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "said Singer between commas",
			text:     "The case drew notice. Herman’s 2009 suspension, said Singer, indicated his “reputation for honesty as an attorney leaves a lot to be desired.”",
			speakers: []string{"Singer"},
			verbs:    []string{"said"},
		},
		{
			name:     "told someone between commas",
			text:     "The case drew notice. Her book hit shelves yesterday, and Snooki, a reality star, told DeGeneres, “I want to remember my night and sometimes I just don't.”",
			speakers: []string{"Snooki"},
		},
		{
			name:     "the policy states",
			text:     "The case drew notice. The policy states: “Please be aware that your spoken words will be captured.”",
			speakers: []string{""},
			sources:  []string{"policy"},
		},
	})
}

// TestPrintedThingsAreDocuments checks that a flyer, leaflet, pamphlet,
// poster, brochure or notice that "says" is the words' source, never
// their speaker.
func TestPrintedThingsAreDocuments(t *testing.T) {
	var cases []speakerCase
	for _, w := range []string{"flyer", "flier", "leaflet", "pamphlet", "poster", "brochure", "notice", "memo"} {
		cases = append(cases, speakerCase{
			name:     w,
			text:     "The group handed out copies at the rally. “Copy it, re-post it, encourage everyone else to do the same,” the " + w + " says.",
			speakers: []string{""},
			sources:  []string{w},
		})
	}
	runSpeakerCases(t, cases)
}

// TestSourceGoesOnInUnsplitText checks that in a text lower-cased and
// re-capitalised only here and there, its quote marks set apart by spaces,
// a quote after a document's takes the document only as it would in the
// cased text: a full stop ending the first quote's words or standing
// between the two starts a sentence of the writer's, unless what follows
// it is the first quote's attribution; and a quote mark left unpaired
// between the two passes nothing on.
func TestSourceGoesOnInUnsplitText(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{name: "a sentence of the writer's after the quote's full stop",
			text:     `On the morning of 8/29/2014, the outlet sites were all pulled down and replaced with a message saying they were "undergoing maintenance for the day. " — — buried at the bottom of the terms page, you ' ll find the following stipulations ( bolded for emphasis ): "you agree not to file any complaint regarding the order. "`,
			speakers: []string{"", ""},
			sources:  []string{"message", ""}},
		{name: "a sentence of the writer's after a quoted name's full stop",
			text:     `According to twitter's suit, filed today in northern california district court, us customs has attempted to use a "limited-purpose investigatory tool " to unmask the owner of the twitter account "@alt_uscis. " the account, one of several "alt " or "rogue " government accounts, was used to criticise the department.`,
			speakers: []string{"", "", "", ""},
			sources:  []string{"twitter's suit", "twitter's suit", "", ""}},
		{name: "a full stop before the document's own verb",
			text:     `"this isn't a broad industry view on working from home. " the statement said. "this is about what is right for yahoo right now. "`,
			speakers: []string{"", ""},
			sources:  []string{"statement", "statement"}},
		{name: "a question before the document's own verb",
			text:     `"why should anyone trust the bank again? " the flyer asks. "we are the people who run this country. "`,
			speakers: []string{"", ""},
			sources:  []string{"flyer", "flyer"}},
		{name: "a sentence of the writer's between spaced marks",
			text:     `The documents also say that the nurse is a " hot blond ". The chancellor is referred to as angela " teflon " merkel and the president is " driven by paranoia ".`,
			speakers: []string{"", "", ""},
			sources:  []string{"documents", "", ""}},
	})
}

// TestParticipleAsideIsNoAttribution checks that a past participle set off
// by commas after a noun ("The youtube video, posted june 5, that shows
// …") describes the noun and attributes nothing: the quote after it has
// no source, and the one after that takes none from it. A verb after a
// comma that closes an appositive ("Ayandeh, an iranian news website,
// described") or an age ("Smith, 45, added") is the main clause's.
func TestParticipleAsideIsNoAttribution(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{name: "a participle aside",
			text:     `The youtube video, posted june 5, that shows the hunt has been viewed more than 200,000 times, with many viewers denouncing the kill as "barbaric " and "unnecessary. "`,
			speakers: []string{"", ""},
			sources:  []string{"", ""}},
		{name: "after an appositive",
			text:     `Ayandeh, an iranian news website, described one of the arrested men, abbas ghaffari, as "a man with special skills in metaphysics."`,
			speakers: []string{"Ayandeh"}},
		{name: "after an age",
			text:     `Jane Ortiz, 45, added: "We will rebuild the bridge before the winter comes."`,
			speakers: []string{"Jane Ortiz"}},
	})
}

// TestClaimAttributes: "claim" attributes a quote as "claims" and
// "claimed" do ("…,” the documents claim."); as a noun after a
// determiner ("the claim", "his claim") it attributes nothing.
func TestClaimAttributes(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "the documents claim",
			text:     "\"The company hid the defects from its buyers for years,\" the documents claim.",
			speakers: []string{""},
			verbs:    []string{"claim"},
			sources:  []string{"documents"},
		},
		{
			name:     "critics claim before",
			text:     "Critics claim that the plan is “a gift to the richest families in the state.”",
			speakers: []string{"Critics"},
			verbs:    []string{"claim"},
		},
		{
			name:     "they claim after",
			text:     "The two men were never there. \"We were at home all night with our families,\" they claim.",
			speakers: []string{"two men"},
			verbs:    []string{"claim"},
		},
		{
			name:     "the claim is a noun",
			text:     "The claim that the vote was “rigged from the very start” was false.",
			speakers: []string{""},
			verbs:    []string{""},
		},
		{
			name:     "his claim is a noun",
			text:     "Nobody believed his claim, “I was at home all night with my family.”",
			speakers: []string{""},
			verbs:    []string{""},
		},
	})
}
