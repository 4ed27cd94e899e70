package quote

import "testing"

// TestSpeakerPhraseIsWhole checks that a speaker phrase that names no
// person keeps the whole noun phrase, a name in it whole (not its last
// four words, "Korea's Rodong Sinmun newspaper"), and a numeral that says
// how many spoke; and that it stays bounded, leaving out whole a name
// too long to fit rather than a part of it.
func TestSpeakerPhraseIsWhole(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "a possessive name before the head",
			text:     "“The harbour will stay closed to all shipping until the spring,” South Korea's Yonhap state news agency said.",
			speakers: []string{"South Korea's Yonhap state news agency"},
		},
		{
			name:     "a name of five words and a possessive",
			text:     "West Island's Port Authority Safety Board's weekly bulletin noted: “The harbour will stay closed to all shipping until the spring.”",
			speakers: []string{"West Island's Port Authority Safety Board's weekly bulletin"},
		},
		{
			name:     "a name too long to fit is left out whole",
			text:     "The West Island Port Authority Harbour Safety Board retired night watch volunteer said: “The harbour will stay closed to all shipping until the spring.”",
			speakers: []string{"retired night watch volunteer"},
		},
		{
			name:     "one of them",
			text:     "“The harbour will stay closed to all shipping until the spring,” said one of the pilots.",
			speakers: []string{"one of the pilots"},
		},
		{
			name:     "one person",
			text:     "Hundreds signed the harbour petition, with one person writing: “The harbour must stay open to all shipping through the winter.”",
			speakers: []string{"one person"},
		},
	})
}

// TestOrganisationByItsNoun checks that "the agency" or "the committee"
// alone, as a speaker, is the nearest organisation named before whose
// name ends in that noun, and stays as it is when no name ends in it.
func TestOrganisationByItsNoun(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "the nearest name ending in the noun",
			text:     "The Westport Harbour Agency closed the port on Monday, and the River Safety Agency agreed. “No ship will sail until the spring,” the agency said.",
			speakers: []string{"River Safety Agency"},
		},
		{
			name:     "the noun inside a name, not ending it",
			text:     "The Agency Workers Union closed the port on Monday. “No ship will sail until the spring,” the agency said.",
			speakers: []string{"agency"},
		},
		{
			name:     "a name over its and, its title kept",
			text:     "The Freedom and Justice Party rejected the plan. The plan must rest on “the will of the voters,” the party said.",
			speakers: []string{"Freedom and Justice Party"},
		},
		{
			name:     "a committee",
			text:     "The International Rowing Committee would need to approve the plan.\n\nThe committee said on Wednesday that “no crew will race until the spring.”",
			speakers: []string{"International Rowing Committee"},
		},
	})
}

// TestEllipticSpeaker checks that "another" as a speaker is another of
// the plural noun a sentence before gave ("one of the signers … another
// wrote" is another signer), a document when that noun names one
// ("another question", the quote's source, not its speaker), and stays
// as it is when no such noun came before.
func TestEllipticSpeaker(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "another of the people",
			text:     "“The ferry must run all winter,” said one of the signers. “The bridge can wait,” another wrote.",
			speakers: []string{"one of the signers", "another signer"},
		},
		{
			name:     "another of the documents",
			text:     "“Will the ferry run in winter?” reads one of the questions sent to the council by residents. “Who pays for the new bridge?” another asks.",
			speakers: []string{"", ""},
			sources:  []string{"", "another question"},
		},
		{
			name:     "another of one document",
			text:     "“Will the ferry run in winter?” reads one question. Another asks whether “the bridge can wait until the spring.”",
			speakers: []string{"", ""},
			sources:  []string{"", "another question"},
		},
		{
			name:     "another of one person",
			text:     "“The ferry must run all winter,” said one resident. “The bridge can wait,” another wrote.",
			speakers: []string{"one resident", "another resident"},
		},
		{
			name:     "no noun before",
			text:     "The council met on Monday. “The bridge can wait,” another wrote.",
			speakers: []string{"another"},
		},
	})
}
