package quote

import "testing"

// TestSpeakerAcrossClauses checks attributions whose speaker stands
// apart from the verb: before a prepositional phrase ("Ortiz at one
// point said"), after a description that ends in a title ("Harbour Board
// press secretary Ann Lee made …, noting"), behind the document that
// carried the words ("a statement from the harbour pilots"), or a
// pronoun that opens a clause ("He told the paper he had seen tweets
// that asked"); that a relative clause's verb or subject is not taken
// for the quote's (“…” has 700 people who say; a man who identified
// himself; her brother Tom, who she once told); that what follows a
// comma after the verb's subject describes it ("said one pilot, a
// veteran of the harbour"); and that "according to" a document names
// its source, not whoever the clause after it is about.
func TestSpeakerAcrossClauses(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "a name before a prepositional phrase",
			text:     "Thousands watched online, with Mayor Jane Ortiz at one point tweeting, “Something special is happening at the harbour tonight.”",
			speakers: []string{"Jane Ortiz"},
		},
		{
			name:     "a description ending in a title",
			text:     "In Westport, Harbour Board press secretary Ann Lee shot back, “The children of the town and their teachers will ride free,” noting that the ferry would run.",
			speakers: []string{"Ann Lee"},
		},
		{
			name:     "a preposition's object before a participle",
			text:     "In Westport, Harbour Board press secretary Ann Lee made the announcement at a briefing for “Take Your Children to the Harbour Day,” noting that the ferry would run.",
			speakers: []string{""},
		},
		{
			name:     "the people a statement is from",
			text:     "“The ferry will run all winter,” according to a statement from several harbour pilots.",
			speakers: []string{"several harbour pilots"},
		},
		{
			name:     "a pronoun opening the clause",
			text:     "Mayor Jane Ortiz spoke on Monday. She told the Westport Gazette she had seen posts that asked “Is the ferry ever coming back?” The crowd laughed.",
			speakers: []string{"Jane Ortiz"},
		},
		{
			name:     "a relative clause's verb after the quote",
			text:     "The town rallied, as an event for a “speedy and full” recovery has 700 people who say they will come on Friday.",
			speakers: []string{""},
		},
		{
			name:     "a relative clause after the speaker",
			text:     "“I am not leaving the harbour,” said a man who identified himself only as George.",
			speakers: []string{"man"},
		},
		{
			name:     "the one a relative clause is about is the pronoun's object",
			text:     "Ortiz mentored hundreds of young bakers over the years. Among her mentors was her brother Tom Ortiz, who she once told a magazine was “the best baker in the whole world.”",
			speakers: []string{"Ortiz"},
		},
		{
			name:     "a participle after the quote, the verb before it",
			text:     "Mayor Jane Ortiz said the council had watched the vote with “deep and growing concern”, describing the behaviour of the protesters as reckless.",
			speakers: []string{"Jane Ortiz"},
		},
		{
			name:     "a description after the comma",
			text:     "“The ferry must run all winter,” said one pilot, a veteran of the harbour.",
			speakers: []string{"one pilot"},
		},
		{
			name:     "according to a document opening the sentence",
			text:     "According to the town blog, the council is opening the pier after receiving “countless calls and letters” from residents.",
			speakers: []string{""},
			sources:  []string{"town blog"},
		},
		{
			name:     "a governed organisation before a relative clause",
			text:     "“We need to go there to understand the sun,” researchers at Westport Labs, which runs the mission, wrote in a note.",
			speakers: []string{"Westport Labs"},
		},
	})
}
