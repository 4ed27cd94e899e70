package quote

import "testing"

// TestParticipleAddressingOthers is a regression test: "sent a letter to
// inspectors general in the … justice departments calling on them to
// investigate “…”" gave the quote to "justice departments", the noun
// phrase before the participle, though "them" after it shows those are
// the people addressed, not who calls. Such a participle is the clause
// subject's, as after a comma, or, with no name for the subject, its
// letter's; a participle with no pronoun after it is still its noun's.
func TestParticipleAddressingOthers(t *testing.T) {
	const q = ` "potential infiltration" of the harbour board.`
	runSpeakerCases(t, []speakerCase{
		{name: "a letter to the addressees",
			text:     "The row went on. Earlier this month, Ann Ortiz and four other members sent a letter to the inspectors calling on them to investigate" + q,
			speakers: []string{"Ann Ortiz"}, verbs: []string{"calling"}},
		{name: "a long list of addressees",
			text:     "The row went on. Earlier this month, Ann Ortiz sent a letter to inspectors general in the state, harbour, defense and justice departments calling on them to investigate" + q,
			speakers: []string{"Ann Ortiz"}, verbs: []string{"calling"}},
		{name: "urging him",
			text:     "The row went on. Ann Ortiz wrote to the mayor urging him to look into" + q,
			speakers: []string{"Ann Ortiz"}, verbs: []string{"urging"}},
		{name: "lower-cased names: the letter",
			text:     "the row went on. earlier this month, ann ortiz and four other members sent a letter to the inspectors calling on them to investigate" + q,
			speakers: []string{""}, verbs: []string{"calling"}, sources: []string{"letter"}},
		{name: "a participle with no pronoun after it",
			text:     "The row went on. Members of the board calling for an inquiry into" + q,
			speakers: []string{"Members of the board"}, verbs: []string{"calling"}},
	})
}
