package quote

import "testing"

// TestSpeakersNamedInAList checks that a legislator's party-and-state tag
// ("R-Calif.") between a name and its verb does not stop the attribution,
// that people listed as one subject ("Lee, Hale and Reyes noted") are the
// quote's speakers together, not the last of them, with or without tags
// and semicolons, and that a later "they" stands for them. An
// organisation whose name holds "and", or a name governed by a
// preposition before the list, is no one of them.
func TestSpeakersNamedInAList(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "a tag before the verb",
			text:     "Sen. Jane Ortiz, D-Ore., told reporters: “The members need more time to read the whole bill.”",
			speakers: []string{"Jane Ortiz"},
		},
		{
			name:     "a tag of two letters after the quote",
			text:     "“The members need more time to read the whole bill,” Rep. Tom Hale, R-S.C., said.",
			speakers: []string{"Tom Hale"},
		},
		{
			name:     "titled names with tags, set off by semicolons",
			text:     "Budget Committee Chairman Ann Lee, R-Va.; Rules Committee Chairman Tom Hale, R-S.C.; and Ethics Committee Chairman Bo Reyes, R-Calif., said in a joint statement that the bill “leaves the members no time to read it.”",
			speakers: []string{"Ann Lee, Tom Hale and Bo Reyes"},
		},
		{
			name:     "a list, and a second verb of the same subject",
			text:     "Lee, Hale and Reyes noted that the bill “leaves the members no time to read it,” adding that the vote “should wait until the spring.”",
			speakers: []string{"Lee, Hale and Reyes", "Lee, Hale and Reyes"},
			verbs:    []string{"noted", "adding"},
		},
		{
			name:     "they after the list",
			text:     "Lee and Hale said the bill “leaves the members no time to read it.”\n\n“The vote should wait until the spring,” they added.",
			speakers: []string{"Lee and Hale", "Lee and Hale"},
		},
		{
			name:     "a place before the list",
			text:     "In Richmond, Hale and Reyes said the bill “leaves the members no time to read it.”",
			speakers: []string{"Hale and Reyes"},
		},
		{
			name:     "one organisation",
			text:     "The Parks and Harbours Department said the bill “leaves the members no time to read it.”",
			speakers: []string{"Parks and Harbours Department"},
		},
	})
}
