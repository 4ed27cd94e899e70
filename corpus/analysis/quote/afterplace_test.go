package quote

import "testing"

// TestNounWithPlaceAfterVerb is a regression test: `"…," said a man in
// the crowd` gave the quote to "man" and `said one woman at the rally`
// to "one woman", where the same words before the verb give "man in the
// crowd" and "One woman at the rally": after the verb "in" and "at" end
// the phrase so that "said Ann Ortiz in a statement" keeps its speaker,
// but a place or a gathering after a common noun says which one spoke.
// A statement, an interview, a news conference or court after them is
// still how or where the words were said, not who said them.
func TestNounWithPlaceAfterVerb(t *testing.T) {
	const qc = `"The harbour is unsafe for ships tonight,"`
	const head = "The ships came in late on Monday. "
	runSpeakerCases(t, []speakerCase{
		{name: "a man in the crowd",
			text:     head + qc + " said a man in the crowd.",
			speakers: []string{"man in the crowd"}, verbs: []string{"said"}},
		{name: "one woman at the rally",
			text:     head + qc + " said one woman at the rally.",
			speakers: []string{"one woman at the rally"}, verbs: []string{"said"}},
		{name: "a day after the place",
			text:     head + qc + " said a woman at the scene on Monday.",
			speakers: []string{"woman at the scene"}},
		{name: "in a statement",
			text:     head + qc + " said a spokesman in a statement.",
			speakers: []string{"spokesman"}},
		{name: "at a news conference",
			text:     head + qc + " said a spokesman at a news conference.",
			speakers: []string{"spokesman"}},
		{name: "in an interview",
			text:     head + qc + " said a pilot in an interview.",
			speakers: []string{"pilot"}},
		{name: "in court",
			text:     head + qc + " said a lawyer in court.",
			speakers: []string{"lawyer"}},
		{name: "a name stays",
			text:     head + qc + " said Ann Ortiz at the rally.",
			speakers: []string{"Ann Ortiz"}},
		{name: "a time is no place",
			text:     head + qc + " said a man at the time.",
			speakers: []string{"man"}},
	})
}
