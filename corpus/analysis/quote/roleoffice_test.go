package quote

import "testing"

// TestRolePossessiveOpensAClause is a regression test: "The prime
// minister's office confirmed that the two leaders would meet …, saying
// only that “…”" (the 2018 story of Trump's visit to the UK) left the
// quote unattributed, where "The prime minister's office said “…”" and
// "Clinton's campaign …, saying" were attributed: a participle takes the
// phrase opening its clause when it is a role's office as well as a
// name's.
func TestRolePossessiveOpensAClause(t *testing.T) {
	const quoted = "“further details would be set out in due course.”"
	runSpeakerCases(t, []speakerCase{
		{
			name:     "said",
			text:     "The prime minister's office said " + quoted,
			speakers: []string{"prime minister's office"},
		},
		{
			name:     "confirmed, saying",
			text:     "The prime minister's office confirmed that the two leaders would meet one-on-one, but did not elaborate on their expected agenda, saying only that " + quoted,
			speakers: []string{"prime minister's office"},
		},
	})
}
