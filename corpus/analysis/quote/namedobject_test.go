package quote

import "testing"

// TestNameGivenIsNoSubject is a regression test: in "After … feeling the
// baby they had named Tate Elise “tremble violently …” in the womb, she
// said the decision was clear" (a 2014 report on Wendy Davis's memoir),
// "she" was taken for the name the baby was given, the first name of her
// sentence; a name after "named" or "called" is what someone was named,
// and "she" is the Davis of the sentences before.
func TestNameGivenIsNoSubject(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name: "named",
			text: "Sen. Wendy Davis, in her memoir due out next week, discloses the most personal of stories. Davis, in a copy of the book, wrote that her unborn third daughter had an acute brain abnormality. She said doctors told her the syndrome would cause the baby to suffer.\n\n" +
				"After getting several medical opinions and feeling the baby they had named Tate Elise “tremble violently, as if someone were applying an electric shock to her” in the womb, she said the decision was clear.",
			speakers: []string{"Davis"},
		},
		{
			name: "called",
			text: "Sen. Wendy Davis, in her memoir due out next week, discloses the most personal of stories. Davis, in a copy of the book, wrote that her unborn third daughter had an acute brain abnormality. She said doctors told her the syndrome would cause the baby to suffer.\n\n" +
				"Holding the girl they had called Tate Elise, “the most beautiful thing we had ever seen,” she said the decision was hard.",
			speakers: []string{"Davis"},
		},
	})
}
