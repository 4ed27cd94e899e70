package quote

import "testing"

// TestOwnSentenceNoInheritance is a regression test: a quote whose own
// sentence names someone else speaking, with a verb of speech the
// attribution could not read a subject for, took the speaker of the
// quote before it in its paragraph (`Ann Lowe, owner of …, said the
// tides were "…"` went to Reed, and `some joked his motto was "…"` to
// the man the motto was about). A quote with no words of its own before
// it, or after a participle whose subject was not read, or in the
// sentence of the quote before it, still follows that quote.
func TestOwnSentenceNoInheritance(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "another speaker past an appositive",
			text:     `"The storm came in fast and we could not reach them," Reed said. Ann Lowe, owner of the sail shop at the quay – which was not part of the rescue – said the tides were "a good deal worse than usual for the season."`,
			speakers: []string{"Reed", ""},
		},
		{
			name:     "a lower-cased text, past a full stop the splitter missed",
			text:     `"the storm came in fast and we could not reach them, " reed said. neighbours said there were high winds on monday. Ann lowe, owner of the sail shop at the quay – which was not part of the rescue – said the tides were "a good deal worse than usual "`,
			speakers: []string{"reed", ""},
		},
		{
			name:     "people unnamed",
			text:     `"I go where they send me and I am glad to," Mr. Hale said. He went to so many funerals that some joked his motto was "You rest, I travel."`,
			speakers: []string{"Hale", ""},
		},
		{
			name:     "a quote alone after the attribution",
			text:     `"The storm came in fast and we could not reach them," Reed said. "We will look into what went wrong here."`,
			speakers: []string{"Reed", "Reed"},
		},
		{
			name:     "a second verb in the same sentence",
			text:     `Reed said "the storm came in fast and we could not reach them" and later told reporters "we will look into what went wrong here."`,
			speakers: []string{"Reed", "Reed"},
		},
		{
			name:     "a participle whose subject was not read",
			text:     `"The storm came in fast and we could not reach them," Reed said. The harbour master also took a swipe at the council, writing "we will look into what went wrong here."`,
			speakers: []string{"Reed", "Reed"},
		},
	})
}
