package quote

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestJoinedNameInAnAppositive checks that a name joined by "and" to a
// name a preposition governs ("on Oversight and Government Reform") is
// governed too: the speaker is the one the appositive describes, while two
// speakers joined by "and" stay the subject.
func TestJoinedNameInAnAppositive(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"committee in an appositive",
			"Rep. Elijah E. Cummings of Maryland, the senior Democrat on the House Committee on Oversight and Government Reform, said late Thursday that the memos “provide strong corroborating evidence of everything he said.”",
			"Elijah E. Cummings"},
		{"two names joined, neither governed",
			"The senators met on Monday. Ortiz and Hale said “the members need more time to read the whole bill before any vote.”",
			"Hale"},
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
