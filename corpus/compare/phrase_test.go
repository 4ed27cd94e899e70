package compare

import (
	"testing"
)

// TestPhraseIsNotAnEvent: a verbatim run paired two sentences on its own
// even when it was all they shared, a phrase the story repeats about
// different events ("at the Pecan Grove Mobile Home Park": where a boy
// was shot, where a neighbour lives). Such a pair is now judged by its
// words; a pair that shares more than the phrase still pairs.
func TestPhraseIsNotAnEvent(t *testing.T) {
	lead := "Shooting in Texas\n\nDeputies searched the county on Friday.\n\n"
	for _, tc := range []struct {
		name        string
		left, right string
		paired      bool
	}{
		{
			name:   "only the phrase",
			left:   "Rhonda Campbell, who also lives in the Pecan Grove Mobile Home Park, told reporters that Jones had kicked in her door that morning.",
			right:  "The boy was killed Thursday by what appeared to be a stray bullet at his family's home, at the Pecan Grove Mobile Home Park on the highway.",
			paired: false,
		},
		{
			name:   "the phrase and the event",
			left:   "The boy was killed by a stray bullet at the Pecan Grove Mobile Home Park, deputies said.",
			right:  "A stray bullet killed the boy on Thursday at the Pecan Grove Mobile Home Park on the highway.",
			paired: true,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b, c := compareTexts(t, lead+tc.left+"\n", lead+tc.right+"\n")
			blk := blockWith(a, c, "Pecan Grove")
			if blk == nil {
				t.Fatal("no block holds the phrase")
			}
			if paired := pairedWith(b, blk, "Pecan Grove"); paired != tc.paired {
				t.Errorf("paired %v, want %v (right: %q)", paired, tc.paired, b.Text(blk.Right))
			}
		})
	}
}
