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
			speakers: []string{"she", "McCullough"}}, // she is whom he flashed it to (TestPronounSkipsTheOtherGendersName)
		{name: "a pronoun resolved past a sentence about him is no evidence",
			text:     "Jeff Herman told me about his work, revealing that his older sister was abused as a girl by their grandfather. He had known about it, although she had not told him until they sat down “with a bottle of Scotch” and talked.\n\nHerman still works long hours." + he,
			speakers: []string{"she", "Herman"}}, // she is his sister (TestPronounSkipsTheOtherGendersName)
		{name: "her after a comma is an apposition's",
			text:     "Mollie Olgin died on Saturday.\n\n“She's my guardian angel,” said Mario Olgin, her father.\n\nMario Olgin knew something was wrong." + he,
			speakers: []string{"Mario Olgin", "Mario Olgin"}},
		{name: "a later speaker of unknown gender",
			text:     "Zeeda Andrews said last week 3,000 truckers had RSVP-ed, and Conlon says he has lost count. He says he gets 100 emails a day." + he,
			speakers: []string{"Zeeda Andrews"}},
	})
}

// TestPronounSkipsTheOtherGendersName checks that "she" is not the name
// a sentence's subject chain gives "he": a name reached past a sentence
// whose subject is "he" ("He had known about it, although she had not
// told him") stands for "she" only when the article has shown it to be a
// woman's; and a subject whose verb takes "her" as its object ("flashed
// her a private signal that she says means") is not the "she" after it.
// "her" before a noun is a possessive and may be the subject's own, and
// an object in a clause of its own ("thinks his grandfather may have
// abused him") may be the subject.
func TestPronounSkipsTheOtherGendersName(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{name: "past a sentence about him",
			text:     "Jeff Herman told me about his work, revealing that his older sister was abused as a girl by their grandfather. He had known about it, although she had not told him until they sat down “with a bottle of Scotch and talked.”",
			speakers: []string{"she"}},
		{name: "past a sentence about him, a woman known",
			text:     "Ms. Ann Herman told me about her work. He had known about it, although she had not told him until they sat down “with a bottle of Scotch and talked.”",
			speakers: []string{"Ann Herman"}},
		{name: "past a sentence about her, to a man",
			text:     "Mr. Earl Conlon handles the logistics. She has not driven the route, although he said it was “the longest ride of the year.”",
			speakers: []string{"Earl Conlon"}},
		{name: "the object of the subject's verb",
			text:     "Jack McCullough was freed on Friday.\n\nAfter the ruling, McCullough turned toward his stepdaughter, Janey O'Connor, and flashed her a private signal that she says means “I love you, always and forever.”",
			speakers: []string{"she"}},
		{name: "her before a noun",
			text:     "Zeeda Andrews regretted her remarks, which she said were “ill-advised and regrettable.”",
			speakers: []string{"Zeeda Andrews"}},
		{name: "an object in a clause of its own",
			text:     "Jeff Herman is a lawyer.\n\nAs to whether Herman thinks his grandfather may have abused him, he says, “Not in my conscious memory, as far as I know.”",
			speakers: []string{"Herman"}},
	})
}

// TestPronounSkipsTheOtherGendersNameFromAnyStep checks that the steps
// which take a name before the subject's have the same check: a quote's
// speaker named in an earlier sentence ("“…,” Jeff Herman said."), and
// the holder of a role an earlier sentence opens with ("The sheriff
// spoke …"), reached past a sentence whose subject is "he", stand for
// "she" only when the article shows them to be a woman's. The one asked
// a question is that sentence's object, not the subject a "he" after it
// stands for, and still answers.
func TestPronounSkipsTheOtherGendersNameFromAnyStep(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{name: "a quote's speaker, past a sentence about him",
			text:     "“We will appeal the ruling in every court,” Jeff Herman said. He had known about the letter, although she had not told him until Friday. “I was too scared to tell anyone at all,” she said.",
			speakers: []string{"Jeff Herman", "she"}},
		{name: "a quote's speaker, past a sentence about him, a woman known",
			text:     "“We will appeal the ruling in every court,” Ms. Ann Herman said. He had known about the letter, although she had not told him until Friday. “I was too scared to tell anyone at all,” she said.",
			speakers: []string{"Ann Herman", "Ann Herman"}},
		{name: "a role's holder, past a sentence about him",
			text:     "Bexar County Sheriff Javier Salazar arrived at noon. The sheriff had met the family for an hour. He had known about the shooting, although she had not told him. She said she was “still waiting for answers from the county.”",
			speakers: []string{"she"}},
		{name: "the one asked, past a sentence about him",
			text:     "“Did you see the car before the crash?” Jake Tapper asked Ann Ortiz. He waited. “I saw it only for a second,” she said.",
			speakers: []string{"Jake Tapper", "Ann Ortiz"}},
	})
}

// TestLowerCasedTitle checks that in a text lower-cased and re-capitalised
// after each point ("mr. Scaramucci", "ms. Upp") the title still marks a
// person's name and its gender, as "Mr." does in the cased text.
func TestLowerCasedTitle(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{name: "a lone surname with its title",
			text:     `On thursday, mr. Scaramucci responded angrily to the filing. "in light of the leak of my financial disclosure info, " he wrote on twitter.`,
			speakers: []string{"Scaramucci"}},
		{name: "a woman's title",
			text:     `With the help of the police, ms. Upp was able to retrace some of her journey. But she was left with plenty of questions. "it's weird, " she said at the time.`,
			speakers: []string{"Upp"}},
		{name: "a man's title is no she",
			text:     `The logistics are handled by the council. mr. Conlon drove the route on monday. "it was the longest ride of the year, " she said.`,
			speakers: []string{"she"}},
		{name: "a preposition's object with its title",
			text:     `Lisa primeau, an aunt of mr. Ruiz's, said, "we called him our little daredevil. "`,
			speakers: []string{"Lisa primeau"}}, // the one the appositive describes (TestBareNameBeforeAppositive)
	})
}
