package quote

import "testing"

// TestMPIsATitle is a regression test: "MP" was no title, so "Labour MP
// David Lammy asked: “…”" (the 2018 story of Trump's visit to the UK) made
// "Labour MP David Lammy" the speaker, where "Foreign Minister" and
// "Senator" are dropped from a name; the group of his quote, which another
// outlet gives to "David Lammy", was headed with the party and title.
func TestMPIsATitle(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "Labour MP",
			text:     "After the Trump visit was confirmed on Thursday, Labour MP David Lammy asked: \"Anybody any good at making placards?\"",
			speakers: []string{"David Lammy"},
		},
		{
			name:     "the MP for a seat",
			text:     "“We will not stand by while this happens,” said Conservative MP Anna Soubry.",
			speakers: []string{"Anna Soubry"},
		},
	})
}
