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
