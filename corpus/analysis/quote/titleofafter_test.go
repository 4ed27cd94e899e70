package quote

import "testing"

// TestTitleOfAfterVerb is a regression test: "said Secretary of State
// John Kerry" and "said Director of Communications Ann Lee" gave the
// quote to the title alone, "Secretary" and "Director", and "said the
// Secretary of State" to "Secretary": after the verb, the title's "of"
// ended the run read. The name after what the office is of is the
// speaker, as before the verb, and an office after a determiner is whole.
func TestTitleOfAfterVerb(t *testing.T) {
	const qc = `"The harbour is unsafe for ships tonight,"`
	const head = "The ships came in late on Monday. "
	runSpeakerCases(t, []speakerCase{
		{name: "secretary of state and a name",
			text:     head + qc + " said Secretary of State John Kerry.",
			speakers: []string{"John Kerry"}},
		{name: "director of communications and a name",
			text:     head + qc + " said Director of Communications Ann Lee.",
			speakers: []string{"Ann Lee"}},
		{name: "the office after a determiner",
			text:     head + qc + " said the Secretary of State.",
			speakers: []string{"Secretary of State"}},
		{name: "an organisation",
			text:     head + qc + " said the Bank of England.",
			speakers: []string{"Bank of England"}},
	})
}
