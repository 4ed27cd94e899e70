package quote

import "testing"

// TestReportedQuestionIsTheAskedOnes is a regression test: in the Comey
// memos' story, Fox's "Trump called Comey again on April 11 to ask “if I
// did what he had asked last time …”" gave the words to Trump, where
// their "I" is Comey and "he" is Trump: the question as the one asked
// wrote it down. Words after a verb of asking that open with "if" or
// "whether" and speak of an "I" are the one asked's, named as the verb's
// object or between the asker and the verb, or no one's; a question the
// asker put in their own words stays theirs.
func TestReportedQuestionIsTheAskedOnes(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{name: "called someone to ask",
			text:     `The memos came out. Lee called Ortiz again on April 11 to ask "if I did what he had asked last time, getting out that he is not under investigation." Ortiz says he told Lee to call the counsel.`,
			speakers: []string{"Ortiz"}},
		{name: "asked someone",
			text:     `The memos came out. Lee asked Ortiz "whether I had thought again about what he wanted done."`,
			speakers: []string{"Ortiz"}},
		{name: "no one asked is named",
			text:     `The memos came out. Lee rang again on April 11 to ask "if I did what he had asked last time, getting out that he is not under investigation."`,
			speakers: []string{""}},
		{name: "the asker's own words",
			text:     `The memos came out. Lee called Ortiz again on April 11 to ask "if he had done what was asked of him last time."`,
			speakers: []string{"Lee"}},
		{name: "a question of the asker's own",
			text:     `The memos came out. Lee asked Ortiz, "Did I not tell you to call the counsel last time?"`,
			speakers: []string{"Lee"}},
	})
}
