package quote

import "testing"

// TestLowerCasedSurnameAfterTitle is a regression test: in a text
// lower-cased wholesale and re-capitalised after each point, `said det.
// Mike miller` gave the quote to "Mike", as did `said mr. Mike miller`:
// the name run ended on the one word the point left capitalised. The
// lower-case word after it is the surname when it is no function word,
// verb, adverb, day or adjective alone and the clause ends there; where
// the clause goes on, or the word says when or how, the first name
// stays alone.
func TestLowerCasedSurnameAfterTitle(t *testing.T) {
	const qc = `the boats stayed in. " this is a tragic day for the families, "`
	runSpeakerCases(t, []speakerCase{
		{name: "det. and a surname",
			text:     qc + ` said det. Mike miller.`,
			speakers: []string{"Mike miller"}, verbs: []string{"said"}},
		{name: "mr. and a surname",
			text:     qc + ` said mr. Mike miller.`,
			speakers: []string{"Mike miller"}},
		{name: "an appositive after the surname",
			text:     qc + ` said sgt. Mike miller, of devon police.`,
			speakers: []string{"Mike miller"}},
		{name: "a surname that is a noun and a verb",
			text:     qc + ` said det. Tim bird.`,
			speakers: []string{"Tim bird"}},
		{name: "a surname alone, then a day",
			text:     qc + ` said mr. Obama yesterday.`,
			speakers: []string{"Obama"}},
		{name: "a surname alone, then a weekday",
			text:     qc + ` said mr. Obama tuesday.`,
			speakers: []string{"Obama"}},
		{name: "a surname alone, then an adverb",
			text:     qc + ` said mr. Obama angrily.`,
			speakers: []string{"Obama"}},
		{name: "a surname alone, then a participle",
			text:     qc + ` said mr. Obama smiling.`,
			speakers: []string{"Obama"}},
		{name: "an initial, then the surname after its point",
			text:     qc + ` said dr. Howard d. Weiss of sinai hospital.`,
			speakers: []string{"Howard"}},
		{name: "the clause goes on",
			text:     qc + ` said mr. Obama at the white house.`,
			speakers: []string{"Obama"}},
		{name: "before the verb",
			text:     `the boats stayed in. det. Mike miller said: " this is a tragic day for the families. "`,
			speakers: []string{"Mike miller"}},
	})
}

// TestCasedSurnameAfterTitle: a cased text writes a surname with its
// capital, and a lower-case word after a name is none of it.
func TestCasedSurnameAfterTitle(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{name: "a cased text",
			text:     `The boats stayed in. "This is a tragic day for the families," said Det. Mike Miller. "The boats stayed in," said Mr. Obama himself.`,
			speakers: []string{"Mike Miller", "Obama"}},
	})
}
