package quote

import "testing"

// TestOfficeTitleWhole is a regression test: "The vatican secretary of
// state said" gave the quote to "vatican secretary", "the minister of
// defence said" to "minister" and "The Attorney General said" to
// "General": an office named with what it is of ("secretary of state",
// "chief of staff", "attorney general of Texas") is the speaker whole,
// not the noun before "of", and a run of capitalised titles ending on a
// title is an office, not a title before a name; so is a capitalised
// office after a determiner ("The Vatican Secretary of State said" gave
// "State"). A name after the office is still the speaker.
func TestOfficeTitleWhole(t *testing.T) {
	const q = ` the signals "are consistent with the beacon of a ship."`
	runSpeakerCases(t, []speakerCase{
		{name: "secretary of state",
			text:     "The ships came in. The vatican secretary of state said" + q,
			speakers: []string{"vatican secretary of state"}},
		{name: "minister of a department",
			text:     "The ships came in. The minister of defence said" + q,
			speakers: []string{"minister of defence"}},
		{name: "chief of staff after a named office",
			text:     "The ships came in. The White House chief of staff said" + q,
			speakers: []string{"White House chief of staff"}},
		{name: "attorney general of a state",
			text:     "The ships came in. The attorney general of Texas said" + q,
			speakers: []string{"attorney general of Texas"}},
		{name: "a capitalised office of two titles",
			text:     "The ships came in. The Attorney General said" + q,
			speakers: []string{"Attorney General"}},
		{name: "vice president",
			text:     "The ships came in. The Vice President said" + q,
			speakers: []string{"Vice President"}},
		{name: "a name after the office",
			text:     "The ships came in. Secretary of state Ann Lee said" + q,
			speakers: []string{"Ann Lee"}},
		{name: "a name after a capitalised title",
			text:     "The ships came in. Foreign Minister Ann Lee said" + q,
			speakers: []string{"Ann Lee"}},
		{name: "a capitalised office after a determiner",
			text:     "The ships came in. The Vatican Secretary of State said" + q,
			speakers: []string{"Vatican Secretary of State"}},
		{name: "a capitalised office of a named country",
			text:     "The ships came in. The President of the United States said" + q,
			speakers: []string{"President of the United States"}},
		{name: "a capitalised office after a determiner, a name in an appositive",
			text:     "The ships came in. The Minister of Defence, Ann Lee, said" + q,
			speakers: []string{"Ann Lee"}},
		{name: "a plural before of is a group, not an office",
			text:     "The ships came in. Dozens of sailors said" + q,
			speakers: []string{"Dozens"}},
	})
}
