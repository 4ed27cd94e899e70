package quote

import "testing"

// TestTitleOfBeforeName is a regression test: "Secretary of State John
// Kerry said" gave the quote to "State John Kerry" and "Director of
// Communications Ann Lee said" to "Communications Ann Lee": the name
// run after the title's "of" began with what the office is of. Its
// common words are the office's, and the titles before a name are
// dropped, as "Sheriff Ann Ortiz" gives "Ann Ortiz".
func TestTitleOfBeforeName(t *testing.T) {
	const q = ` "The harbour is unsafe for ships tonight."`
	const head = "The ships came in late on Monday. "
	runSpeakerCases(t, []speakerCase{
		{name: "secretary of state",
			text:     head + "Secretary of State John Kerry said" + q,
			speakers: []string{"John Kerry"}},
		{name: "director of communications",
			text:     head + "Director of Communications Ann Lee said" + q,
			speakers: []string{"Ann Lee"}},
		{name: "two words of the office",
			text:     head + "Secretary of Homeland Security Jeh Johnson said" + q,
			speakers: []string{"Jeh Johnson"}},
		{name: "a title before a name",
			text:     head + "Sheriff Ann Ortiz said" + q,
			speakers: []string{"Ann Ortiz"}},
		{name: "an office after a determiner",
			text:     head + "The Secretary of State said" + q,
			speakers: []string{"Secretary of State"}},
	})
}
