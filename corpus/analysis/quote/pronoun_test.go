package quote

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestGroupSpeakerNeverAPronoun checks that an utterance every outlet
// attributes only to "he" or "they" heads its group with no speaker, not
// with the pronoun, and that a name any outlet gives wins.
func TestGroupSpeakerNeverAPronoun(t *testing.T) {
	quoteBy := func(id, who string) *corpus.Article {
		return corpus.Parse(id, []byte("Title "+id+"\n\nThe meeting ended late. "+who+" said: “We will rebuild the bridge before the winter comes to the valley.”\n"))
	}
	tests := []struct {
		name string
		arts []*corpus.Article
		want string
	}{
		{"pronouns only", []*corpus.Article{quoteBy("a", "He"), quoteBy("b", "They")}, ""},
		{"a name wins", []*corpus.Article{quoteBy("a", "He"), quoteBy("b", "Mayor Jane Ortiz")}, "Jane Ortiz"},
	}
	for _, tt := range tests {
		gs := Groups(tt.arts)
		if len(gs) != 1 {
			t.Fatalf("%s: %d groups, want 1", tt.name, len(gs))
		}
		if got := gs[0].Speaker; got != tt.want {
			t.Errorf("%s: speaker %q, want %q", tt.name, got, tt.want)
		}
	}
	if !IsPronoun("They") || IsPronoun("Trump") {
		t.Errorf("IsPronoun: They %v, Trump %v", IsPronoun("They"), IsPronoun("Trump"))
	}
}
