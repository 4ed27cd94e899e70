package quote

import "testing"

// TestNameWithOf is a regression test: "The Bank of England said" and
// "The head of the Bank of England said" gave the quote to "England":
// the name run before the verb stopped at "of", and the name before it
// was lost. An organisation's name in common words before "of" ("Bank",
// "University", "Department") runs on through it, before the verb or
// after it ("said the Bank of England" gave "Bank"), and before a noun
// ("Department of Justice officials" gave "Justice officials").
func TestNameWithOf(t *testing.T) {
	const q = ` "The harbour is unsafe for ships tonight."`
	const head = "The ships came in late on Monday. "
	runSpeakerCases(t, []speakerCase{
		{name: "the bank of england",
			text:     head + "The Bank of England said" + q,
			speakers: []string{"Bank of England"}},
		{name: "the head of the bank of england",
			text:     head + "The head of the Bank of England said" + q,
			speakers: []string{"head of the Bank of England"}},
		{name: "a university",
			text:     head + "The University of Michigan said" + q,
			speakers: []string{"University of Michigan"}},
		{name: "a department without a determiner",
			text:     head + "Department of Justice officials said" + q,
			speakers: []string{"Department of Justice officials"}},
		{name: "a department",
			text:     head + "The Department of Justice said" + q,
			speakers: []string{"Department of Justice"}},
		{name: "after the verb",
			text:     head + `"The harbour is unsafe for ships tonight," said the Bank of England.`,
			speakers: []string{"Bank of England"}},
		{name: "a title before of",
			text:     head + "Secretary of State John Kerry said" + q,
			speakers: []string{"John Kerry"}},
	})
}
