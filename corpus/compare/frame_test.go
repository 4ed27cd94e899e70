package compare

import (
	"context"
	"slices"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
	"github.com/newsdiff/newsdiff/corpus/lexicon"
)

// TestSampleFramePairIsNotMade: on the sample story's first pair, Swell
// Digest's "he wrote on Twitter that…" was paired as a paraphrase with
// Hacked.com's "On Twitter, Miller wrote:", which introduces a tweet
// quoted after it. They share the frame of a report and nothing it says.
// Next, Pence's warning was paired with Miller's attempt to clarify
// Trump's comments: a name, "comments" and "attempt" are no event either.
// The sample's good paraphrase pairs stay made.
func TestSampleFramePairIsNotMade(t *testing.T) {
	seeds := testcorpus.Seeds(t)
	cases := []struct {
		left, right         int
		leftText, rightText string
		paired              bool
	}{
		{0, 1, "he wrote on Twitter that if anyone had the emails", "On Twitter, Miller wrote:", false},
		// a name, the frame's "comments" and "attempting" / "attempted"
		{0, 1, "Mike Pence said there would be “serious consequences”", "Jason Miller attempted to clarify", false},
		{0, 2, "His appeal comes as Russia stands accused of hacking emails", "Wikileaks released a trove of hacked emails", true},
		{0, 3, "emails that showed DNC officials", "leaked emails showed party leaders favouring Clinton", true},
		{0, 4, "Both Russia and Mr Trump deny the allegation", "Denying any connection with the hacked emails", true},
	}
	for _, tc := range cases {
		t.Run(tc.leftText, func(t *testing.T) {
			a, b := seeds[tc.left], seeds[tc.right]
			c, err := Compare(context.Background(), a, b)
			if err != nil {
				t.Fatal(err)
			}
			blk := blockWith(a, c, tc.leftText)
			if blk == nil {
				t.Fatalf("no block holds %q", tc.leftText)
			}
			if paired := pairedWith(b, blk, tc.rightText); paired != tc.paired {
				t.Errorf("paired with %q: %v, want %v (right side: %.120q, match %v)", tc.rightText, paired, tc.paired, b.Text(blk.Right), blk.Match)
			}
		})
	}
}

// TestSharesOnlyFrame: what two sentences share decides, not how much.
func TestSharesOnlyFrame(t *testing.T) {
	cases := []struct {
		left, right string
		want        bool
	}{
		// a platform and a verb of saying
		{"Soon after, he wrote on Twitter that they should hand them over.", "On Twitter, Miller wrote:", true},
		{"He said in a statement that the talks would go on.", "Smith told reporters in an interview on Friday.", true},
		// a name, the frame and a verb of undertaking
		{"Pence said Russia was attempting to interfere, after Trump's comments.", "Miller attempted to clarify Trump's comments.", true},
		{"Jones hopes to start, plans to begin and wants to try, she said.", "Smith said she hopes to start, plans to begin and wants to try.", true},
		// a verb of undertaking and the act it governs
		{"Russia was attempting to hack the emails.", "Russians attempted to hack the party's computers.", false},
		// the frame and an event word
		{"He wrote on Twitter that the emails were hacked.", "On Twitter, Miller wrote that hackers took the emails.", false},
		{"Trump said the summit was cancelled.", "Trump said the talks were cancelled.", false},
	}
	for _, tc := range cases {
		t.Run(tc.left, func(t *testing.T) {
			a := testcorpus.Article("a", "Title one\n\n"+tc.left)
			b := testcorpus.Article("b", "Title two\n\n"+tc.right)
			m := newMatcher(&Fitted)
			left, right := m.unitsOf(a, false), m.unitsOf(b, false)
			m.weigh(left, right)
			if got := m.sharesOnlyFrame(&left[0], &right[0]); got != tc.want {
				t.Errorf("sharesOnlyFrame = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestFramePairIsNotAGap: a pair the model refuses for sharing only a
// report's frame is not offered to the gap filler either, which pairs a
// weaker pair between two pairs (gaps.go).
func TestFramePairIsNotAGap(t *testing.T) {
	a := testcorpus.Article("a", "Storm shuts Dover\n\n"+
		"The storm closed the port of Dover on Monday morning, stranding hundreds of lorries.\n\n"+
		"Soon after, he wrote on Twitter that anyone with the footage should hand it over to the police.\n\n"+
		"Ferries were diverted to Calais until the weather cleared on Tuesday afternoon.\n")
	b := testcorpus.Article("b", "Dover port closed\n\n"+
		"A storm shut the port of Dover on Monday morning, stranding hundreds of lorries.\n\n"+
		"On Twitter, Miller wrote:\n\n"+
		"Ferries were diverted to Calais until the weather improved on Tuesday afternoon.\n")
	c, err := Compare(context.Background(), a, b)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"The storm closed the port", "Ferries were diverted"} {
		if blk := blockWith(a, c, text); blk == nil || blk.Kind != Aligned {
			t.Fatalf("%q is not aligned; the case needs its neighbours paired", text)
		}
	}
	if blk := blockWith(a, c, "he wrote on Twitter"); blk == nil || pairedWith(b, blk, "Miller wrote") {
		t.Errorf("the frame pair is paired between its neighbours")
	}
}

// TestFrameWordsAreTheirKeys checks what carriesNoEvent relies on to hash
// the words without asking the lexicon: each is its own key, the key
// infoOf gives it.
func TestFrameWordsAreTheirKeys(t *testing.T) {
	for _, w := range slices.Concat(frameWords, undertakingWords) {
		if key, class, _ := lexicon.KeyGroups(w); key != w || class != lexicon.Plain {
			t.Errorf("%q has the key %q (%v): list its lemma instead", w, key, class)
		}
		if got, want := corpus.HashForm(w), infoOf(w).key; got != want {
			t.Errorf("HashForm(%q) = %x, infoOf gives the key %x", w, got, want)
		}
	}
}
