package quote

import "testing"

// TestOfficeHolderAndParticiple is a regression test: "The head of the
// Australian agency co-ordinating the search said" gave the quote to
// "search", the participle's object, and "The head of the harbour board
// said" to the board. A participle after a noun ("officials overseeing
// the search") describes that noun, which is the subject; and a phrase
// naming a person by an office of what "of" names ("head of", "director
// of") is the speaker whole, not the organisation. An appositive after
// a name still gives the name.
func TestOfficeHolderAndParticiple(t *testing.T) {
	const q = ` the signals "are consistent with the beacon of a ship."`
	runSpeakerCases(t, []speakerCase{
		{name: "the head of an agency, a participle after it",
			text:     "The ships came in. The head of the harbour agency co-ordinating the search said" + q,
			speakers: []string{"head of the harbour agency"}},
		{name: "the head of an agency",
			text:     "The ships came in. The head of the harbour agency said" + q,
			speakers: []string{"head of the harbour agency"}},
		{name: "the director of a named board",
			text:     "The ships came in. The director of the Harbour Board said" + q,
			speakers: []string{"director of the Harbour Board"}},
		{name: "a chain of of-phrases",
			text:     "The ships came in. The chief of staff of the harbour board said" + q,
			speakers: []string{"chief of staff of the harbour board"}},
		{name: "a participle after a plural",
			text:     "The ships came in. Officials overseeing the search said" + q,
			speakers: []string{"Officials"}},
		{name: "a participle after a noun phrase",
			text:     "The ships came in. The rescuers searching the bay said" + q,
			speakers: []string{"rescuers"}},
		{name: "a name and its office in an appositive",
			text:     "The ships came in. Ann Ortiz, director of the Harbour Board, said" + q,
			speakers: []string{"Ann Ortiz"}},
		{name: "an office holder opening the sentence",
			text:     "The ships came in. Members of the harbour board said" + q,
			speakers: []string{"Members of the harbour board"}},
		{name: "an office holder opening the sentence, a named board",
			text:     "The ships came in. Members of the Harbour Board said" + q,
			speakers: []string{"Members of the Harbour Board"}},
		{name: "a chain of of-phrases opening the sentence",
			text:     "The ships came in. Chief of staff of the harbour board Ann Ortiz said" + q,
			speakers: []string{"Ann Ortiz"}},
		{name: "one of a group",
			text:     "The ships came in. One of the officers said" + q,
			speakers: []string{"officers"}},
	})
}
