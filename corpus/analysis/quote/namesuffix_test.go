package quote

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestNameSuffix is a regression test: a name ending in "Jr." or "III"
// was keyed by its suffix, so "Roger J. Stone Jr" and "Stone" were two
// speakers of one quote (the 2018 DNC lawsuit story) and "Roger J. Stone
// Jr" and "Martin Luther King Jr" one; and "King", a title, was dropped
// from "Martin Luther King Jr." with all before it, leaving "Jr".
func TestNameSuffix(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{
			name:     "King Jr.",
			text:     "“Injustice anywhere is a threat to justice everywhere,” Martin Luther King Jr. wrote from the jail.",
			speakers: []string{"Martin Luther King Jr"},
		},
		{
			name:     "Stone Jr.",
			text:     "“This is a left-wing conspiracy theory dressed up as a lawsuit,” Roger J. Stone Jr. said on Friday.",
			speakers: []string{"Roger J. Stone Jr"},
		},
	})
	for _, tt := range []struct {
		x, y string
		same bool
	}{
		{"Roger J. Stone Jr", "Stone", true},
		{"Roger J. Stone Jr.", "Roger Stone", true},
		{"Robert S. Mueller III", "Mueller", true},
		{"Roger J. Stone Jr", "Martin Luther King Jr", false},
	} {
		if got := speakerKey(tt.x) == speakerKey(tt.y); got != tt.same {
			t.Errorf("speakerKey(%q) = %q, speakerKey(%q) = %q: one speaker %v, want %v", tt.x, speakerKey(tt.x), tt.y, speakerKey(tt.y), got, tt.same)
		}
	}
	article := func(id, speaker string) *corpus.Article {
		return corpus.Parse(id, []byte("Title "+id+"\n\n“This is a left-wing conspiracy theory dressed up as a lawsuit and nothing more,” "+speaker+" said on Friday.\n"))
	}
	gs := Groups([]*corpus.Article{article("a", "Stone"), article("b", "Roger J. Stone Jr."), article("c", "Mr. Stone")})
	if len(gs) != 1 || gs[0].Speaker != "Stone" {
		t.Errorf("groups %+v, want one headed by Stone, whom two outlets name so", gs)
	}
}
