package quote

import "testing"

// TestOfficeOfBeforeSurname is a regression test: "Secretary of State
// Kerry said" gave the quote to "State Kerry", "Chief of Staff McDonough
// said" to "Staff McDonough", and "said Secretary of State Kerry" to
// "Secretary": of the run after a title's "of", two words were always
// kept as a given name and a surname, so an office's last word before a
// surname alone stayed in the name, or, after the verb, no name was
// found after the office at all. What offices are most often of is no
// given name; a given name that is also a common word still stays.
func TestOfficeOfBeforeSurname(t *testing.T) {
	const q = ` "The harbour is unsafe for ships tonight."`
	const qc = `"The harbour is unsafe for ships tonight,"`
	const head = "The ships came in late on Monday. "
	runSpeakerCases(t, []speakerCase{
		{name: "secretary of state",
			text:     head + "Secretary of State Kerry said" + q,
			speakers: []string{"Kerry"}},
		{name: "secretary of state after the quote",
			text:     head + qc + " Secretary of State Kerry said.",
			speakers: []string{"Kerry"}},
		{name: "secretary of state after the verb",
			text:     head + qc + " said Secretary of State Kerry.",
			speakers: []string{"Kerry"}},
		{name: "secretary of defense",
			text:     head + "Secretary of Defense Hagel said" + q,
			speakers: []string{"Hagel"}},
		{name: "chief of staff",
			text:     head + qc + " Chief of Staff McDonough said.",
			speakers: []string{"McDonough"}},
		{name: "a surname that is a common word",
			text:     head + "Secretary of State Rice said" + q,
			speakers: []string{"Rice"}},
		{name: "an office of two words",
			text:     head + "Secretary of Homeland Security Napolitano said" + q,
			speakers: []string{"Napolitano"}},
		{name: "a given name that is a common word",
			text:     head + "Secretary of State John Kerry said" + q,
			speakers: []string{"John Kerry"}},
		{name: "two words after the office",
			text:     head + "Director of Communications Ann Lee said" + q,
			speakers: []string{"Ann Lee"}},
		{name: "an office of two titles",
			text:     head + "Attorney General Holder said" + q,
			speakers: []string{"Holder"}},
	})
}
