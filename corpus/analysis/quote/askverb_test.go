package quote

import "testing"

// TestBareAskAttributes is a regression test: "asked", "asks" and
// "asking" attributed a quote but the base form "ask" did not, so The
// Times's “What did you think and do in reaction to Jan. 25, 2018,
// story …?” he planned to ask, of the special counsel's questions for
// President Trump, had no speaker, and one outlet's question stood in the
// quotes view as no one's.
func TestBareAskAttributes(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "he planned to ask",
			text:     "Robert Mueller wants to question the president. “What did you think and do in reaction to the story about the termination?” he planned to ask, referring to the article.",
			speakers: []string{"Robert Mueller"},
			verbs:    []string{"ask"},
		},
		{
			name:     "the lawmakers ask",
			text:     "The lawmakers ask in the letter, “Why was the inspector general not told of the contract before it was signed?”",
			speakers: []string{"lawmakers"},
			verbs:    []string{"ask"},
		},
	})
}
