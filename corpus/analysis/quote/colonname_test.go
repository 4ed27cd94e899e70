package quote

import "testing"

// TestColonName is a regression test: a caption or a summary that sets a
// quote right after its speaker's name and a colon ("Media caption
// Opposition politician Cheick Oumar Sissoko:" and the quote, here in
// doubled single marks) gave it no speaker, as a transcript label the
// article writes nowhere else names no one. A person's name of two words or more, or after a title, with the quote
// right after its colon, is the speaker; a single word, words in
// capitals, furniture, and a colon the quote does not follow directly
// stay as they were.
func TestColonName(t *testing.T) {
	const said = "It was a mutiny, but for me, now it is a coup and nothing less"
	runQuotedCases(t, []quotedCase{
		{
			name:     "a caption's speaker, in doubled single marks",
			text:     `Media playback is unsupported on your device Media caption Opposition politician Cheick Oumar Sissoko: ''` + said + `''`,
			texts:    []string{said},
			speakers: []string{"Cheick Oumar Sissoko"},
		},
		{
			name:     "opening the paragraph, in double marks",
			text:     `Cheick Oumar Sissoko: "` + said + `"`,
			texts:    []string{said},
			speakers: []string{"Cheick Oumar Sissoko"},
		},
		{
			name:     "after a title",
			text:     `President Trump: “` + said + `”`,
			texts:    []string{said},
			speakers: []string{"Trump"},
		},
		{
			name:     "a single word the article writes nowhere else",
			text:     `Sissoko: "` + said + `"`,
			texts:    []string{said},
			speakers: []string{""},
		},
		{
			name:     "furniture",
			text:     `Breaking News: "` + said + `"`,
			texts:    []string{said},
			speakers: []string{""},
		},
		{
			name:     "in capitals",
			text:     `THE FACTS: "` + said + `"`,
			texts:    []string{said},
			speakers: []string{""},
		},
		{
			name:     "words between the colon and the quote",
			text:     `Cheick Oumar Sissoko: It was, in his words, "a mutiny that became a coup d'etat in the end."`,
			texts:    []string{"a mutiny that became a coup d'etat in the end."},
			speakers: []string{""},
		},
		{
			name:     "a verb of speech of its own",
			text:     `Cheick Oumar Sissoko: "I was there." Later the minister said: "` + said + `."`,
			texts:    []string{"I was there.", said + "."},
			speakers: []string{"Cheick Oumar Sissoko", "minister"},
		},
	})
}
