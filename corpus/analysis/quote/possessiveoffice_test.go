package quote

import "testing"

// TestPossessiveOfficeBeforeName is a regression test: after the verb, a
// name in the possessive that says whose office the speaker is from
// ("says Dade County Sheriff’s Homicide Department spokesman Lt. Ann
// Ortiz") was taken for the speaker, "Dade County Sheriff’s", where a
// name of the same office without the possessive gave way to the person
// after it. The office and the role words give way to the name; a
// possessive with no person after it stays what it was.
func TestPossessiveOfficeBeforeName(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "the possessive, the office, the role, a title",
			text:     `“When they got there,” says Dade County Sheriff’s Homicide Department spokesman Lt. Ann Ortiz, “they found the door open.”`,
			speakers: []string{"Ann Ortiz", "Ann Ortiz"},
		},
		{
			name:     "the possessive, the office, the role",
			text:     `“When they got there,” says Dade County Sheriff's Homicide Department spokesman Ann Ortiz, “they found the door open.”`,
			speakers: []string{"Ann Ortiz", "Ann Ortiz"},
		},
		{
			name:     "the possessive and the role",
			text:     `“When they got there,” says Dade County Sheriff’s spokesman Lt. Ann Ortiz, “they found the door open.”`,
			speakers: []string{"Ann Ortiz", "Ann Ortiz"},
		},
		{
			name:     "no possessive",
			text:     `“When they got there,” says Dade County Sheriff spokesman Ann Ortiz, “they found the door open.”`,
			speakers: []string{"Ann Ortiz", "Ann Ortiz"},
		},
	})
}
