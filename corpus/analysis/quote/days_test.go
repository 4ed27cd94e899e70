package quote

import "testing"

// TestDayBeforeTheVerbIsNoSpeaker checks that a day between a subject and
// its verb ("Protect Democracy on Friday noted") is passed over for the
// subject, never named as the speaker.
func TestDayBeforeTheVerbIsNoSpeaker(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{name: "on a weekday",
			text:     "In a statement, Protect Democracy on Friday noted that the suit drew on “three Americans whose personal information was exposed through a conspiracy.”",
			speakers: []string{"Protect Democracy"}},
		{name: "late on a weekday",
			text:     "Mayor Jane Ortiz late Tuesday said “we will rebuild the bridge before the winter comes to the valley.”",
			speakers: []string{"Jane Ortiz"}},
		{name: "a bare weekday",
			text:     "Senator Tom Hale Monday told reporters “the members need more time to read the whole bill before any vote.”",
			speakers: []string{"Tom Hale"}},
	})
}
