package quote

import "testing"

// TestPersonOfAPlace is a regression test: "Ann Smith of Texas said"
// and "Rep. Michael McCaul of Texas said" gave the quote to "Texas": the
// name run next to the verb was taken, though "of" made it where the
// person named before it is from. An organisation's name with "of" is
// still whole, and a single word with no title is no person's name.
func TestPersonOfAPlace(t *testing.T) {
	const q = ` "The harbour is unsafe for ships tonight."`
	const head = "The ships came in late on Monday. "
	runSpeakerCases(t, []speakerCase{
		{name: "a person of a state",
			text:     head + "Ann Smith of Texas said" + q,
			speakers: []string{"Ann Smith"}},
		{name: "a titled person of a state",
			text:     head + "Rep. Michael McCaul of Texas said" + q,
			speakers: []string{"Michael McCaul"}},
		{name: "an organisation",
			text:     head + "The Bank of England said" + q,
			speakers: []string{"Bank of England"}},
	})
}
