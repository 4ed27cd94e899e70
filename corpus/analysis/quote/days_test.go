package quote

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestDayBeforeTheVerbIsNoSpeaker checks that a day between a subject and
// its verb ("Protect Democracy on Friday noted") is passed over for the
// subject, never named as the speaker.
func TestDayBeforeTheVerbIsNoSpeaker(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"on a weekday",
			"In a statement, Protect Democracy on Friday noted that the suit drew on “three Americans whose personal information was exposed through a conspiracy.”",
			"Protect Democracy"},
		{"late on a weekday",
			"Mayor Jane Ortiz late Tuesday said “we will rebuild the bridge before the winter comes to the valley.”",
			"Jane Ortiz"},
		{"a bare weekday",
			"Senator Tom Hale Monday told reporters “the members need more time to read the whole bill before any vote.”",
			"Tom Hale"},
	}
	for _, tt := range tests {
		qs := Extract(corpus.Parse("a", []byte("Title\n\n"+tt.text+"\n")))
		if len(qs) != 1 {
			t.Fatalf("%s: %d quotes, want 1", tt.name, len(qs))
		}
		if got := qs[0].Speaker; got != tt.want {
			t.Errorf("%s: speaker %q, want %q", tt.name, got, tt.want)
		}
	}
}
