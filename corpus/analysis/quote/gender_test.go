package quote

import "testing"

// TestPronounAgreesWithTheNamesGender checks that "he" or "she" skips a
// name the article itself gives the other gender — by a title, by "his"
// or "her" right after it, or by a pronoun already resolved to it — and
// that a name of unknown gender stays a candidate. A sentence where a
// name of unknown gender speaks and then one known to agree does gives
// the pronoun the latter. The cases that keep the name held before the
// rule too.
func TestPronounAgreesWithTheNamesGender(t *testing.T) {
	const he = "\n\n“We are coming whether they like it or not,” he said."
	runSpeakerCases(t, []speakerCase{
		{name: "a woman's title",
			text:     "Earl Conlon handles the logistics.\n\nMs. Zeeda Andrews said last week 3,000 truckers had signed up." + he,
			speakers: []string{"Earl Conlon"}},
		{name: "a man's title",
			text:     "Zeeda Andrews promotes the ride.\n\nMr. Earl Conlon said last week 3,000 truckers had signed up." + he,
			speakers: []string{"Earl Conlon"}},
		{name: "herself right after the name",
			text:     "Earl Conlon handles the logistics.\n\nZeeda Andrews herself spoke to the crowd.\n\nAndrews said last week 3,000 truckers had signed up." + he,
			speakers: []string{"Earl Conlon"}},
		{name: "a pronoun already resolved",
			text:     "Earl Conlon handles the logistics.\n\n“We are not going to ask for impeachment,” Zeeda Andrews said.\n\n“It is going to be fun,” she said.\n\nAndrews said last week 3,000 truckers had signed up." + he,
			speakers: []string{"Zeeda Andrews", "Zeeda Andrews", "Earl Conlon"}},
		{name: "a title that tells nothing",
			text:     "Earl Conlon handles the logistics.\n\nSen. Zeeda Andrews said last week 3,000 truckers had signed up." + he,
			speakers: []string{"Zeeda Andrews"}},
		{name: "unknown gender stays a candidate",
			text:     "Earl Conlon handles the logistics.\n\nZeeda Andrews said last week 3,000 truckers had signed up." + he,
			speakers: []string{"Zeeda Andrews"}},
		{name: "a quote named in the sentence before, of the other gender",
			text:     "Earl Conlon handles the logistics. Mrs. Andrews promotes the ride.\n\n“It is going to be fun,” Andrews said." + he,
			speakers: []string{"Andrews", "Earl Conlon"}},
		{name: "a later speaker known to agree",
			text:     "“We want these people arrested,” Earl Conlon said.\n\n“We will do it,” he said.\n\nZeeda Andrews said last week 3,000 truckers had RSVP-ed, and Conlon says he has lost count. He says he gets 100 emails a day." + he,
			speakers: []string{"Earl Conlon", "Earl Conlon", "Earl Conlon"}},
		{name: "a pronoun resolved past one of the other gender is no evidence",
			text:     "Jack McCullough turned toward his stepdaughter and flashed her a signal that she says means “I love you.”\n\nMcCullough has long insisted on his alibi." + he,
			speakers: []string{"Jack McCullough", "McCullough"}},
		{name: "a pronoun resolved past a sentence about him is no evidence",
			text:     "Jeff Herman told me about his work, revealing that his older sister was abused as a girl by their grandfather. He had known about it, although she had not told him until they sat down “with a bottle of Scotch” and talked.\n\nHerman still works long hours." + he,
			speakers: []string{"Jeff Herman", "Herman"}}, // the first is wrong (his sister), as before
		{name: "her after a comma is an apposition's",
			text:     "Mollie Olgin died on Saturday.\n\n“She's my guardian angel,” said Mario Olgin, her father.\n\nMario Olgin knew something was wrong." + he,
			speakers: []string{"Mario Olgin", "Mario Olgin"}},
		{name: "a later speaker of unknown gender",
			text:     "Zeeda Andrews said last week 3,000 truckers had RSVP-ed, and Conlon says he has lost count. He says he gets 100 emails a day." + he,
			speakers: []string{"Zeeda Andrews"}},
	})
}
