package quote

import "testing"

// TestBareNameBeforeAppositive is a regression test: a name written
// without capitals before an appositive and the verb ("supt jim pearce,
// of devon and cornwall police, said:", "Gary alejano, an opposition
// politician who … as part of the complaint, said") was no name, and the
// appositive's last noun took the quote ("cornwall police", the
// complaint as a source). An appositive opening with an article or a
// preposition of place, between a bare name opening its sentence (or
// after "like") and the verb, skips back to the name; a place
// before it is still no name.
func TestBareNameBeforeAppositive(t *testing.T) {
	const q = ` "this is a tragic day and our thoughts go out to the families."`
	runSpeakerCases(t, []speakerCase{
		{name: "a title and a place, lower-cased",
			text:     `the boats stayed in. A spokesman said the families had been told. Supt ann ortiz, of harbour and county police, said:` + q,
			speakers: []string{"ann ortiz"}},
		{name: "a place, lower-cased wholesale",
			text:     `the boats stayed in. ann ortiz, of county police, said:` + q,
			speakers: []string{"ann ortiz"}},
		{name: "a surname lower-cased, a long appositive with a relative clause",
			text:     `The court opened an inquiry. Gary alejano, an opposition politician who tried to remove the mayor last year and sent evidence to the court as part of the complaint, said it offered "a ray of hope for the families of the missing". He said:` + q,
			speakers: []string{"Gary alejano", "Gary alejano"}},
		{name: "after like",
			text:     `the parade went on. Fans like ann ortiz, a 69-year-old who sat on a porch, said the mayor was "the only one telling the truth about it",  and left.`,
			speakers: []string{"ann ortiz"}},
		{name: "a bare name after a quote closed on a point opens the next sentence",
			text:     `the flu spread. "to date, this season is notable for the sheer volume of flu, " the agency said. "most of this activity has been caused by one strain. " kathy harben, a spokeswoman for the agency, said the session would now address guidance.`,
			speakers: []string{"agency", "agency"}},
		{name: "a place before the appositive is no name",
			text:     `the boats stayed in. In westport, at the harbour, the master said:` + q,
			speakers: []string{"master"}},
	})
}
