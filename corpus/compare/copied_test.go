package compare

import (
	"context"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestSameOpeningOutranksParaphrase: USA Today's sentence that opens as
// Breitbart's does ("The Times obtained a list of …") pairs with it, not
// with the Breitbart sentence a model with threshold 0.55 paraphrased it
// as (two events the gold marks apart), as a model fitted without that
// story chose the threshold. It failed before a shared opening ranked as
// a shared quotation: the paraphrase's probability, 0.55, passed the
// copy's surface score, 0.33.
func TestSameOpeningOutranksParaphrase(t *testing.T) {
	const story = "2018-04-30-mueller-questions-for-trump"
	md := Fitted
	md.Threshold = 0.55
	a, b, _ := compareStoryFiles(t, story, "03_usatoday.txt", "05_breitbart.txt")
	c, err := CompareWith(context.Background(), a, b, &md)
	if err != nil {
		t.Fatal(err)
	}
	text := func(art *corpus.Article, s corpus.Span) string {
		return strings.Join(strings.Fields(string(art.Raw[s.Start:s.End])), " ")
	}
	const left = "The Times obtained a list of the questions, which range"
	found := false
	for _, blk := range c.Blocks {
		if blk.Kind != Aligned && blk.Kind != Moved || !strings.Contains(text(a, blk.Left), left) {
			continue
		}
		found = true
		if r := text(b, blk.Right); !strings.Contains(r, "The Times obtained a list of questions it said") {
			t.Errorf("%q… is paired with %q, not with the sentence that opens as it does", left, r)
		}
	}
	if !found {
		t.Errorf("%q… is paired with nothing", left)
	}
}

// TestSameOpening: the first runLen words, as the matcher hashes them,
// and no other run.
func TestSameOpening(t *testing.T) {
	for _, tc := range []struct {
		left, right string
		want        bool
	}{
		{"The Times obtained a list of the questions.", "The Times obtained a list of questions it said it had.", true},
		{"The times obtained a LIST of the questions.", "The Times obtained a list of questions it said it had.", true},
		{"Last week the Times obtained a list of questions.", "The Times obtained a list of questions it said it had.", false},
		{"The Times obtained a list.", "The Times obtained a list of questions.", false}, // five words
	} {
		m := newMatcher(nil)
		// A title first: the sentence is the body's one prose sentence.
		u := m.units(corpus.Parse("left", []byte("Questions\n\n"+tc.left+"\n")))
		v := m.units(corpus.Parse("right", []byte("Questions\n\n"+tc.right+"\n")))
		if len(u) != 1 || len(v) != 1 {
			t.Fatalf("%q, %q: %d and %d units", tc.left, tc.right, len(u), len(v))
		}
		if got := sameOpening(&u[0], &v[0]); got != tc.want {
			t.Errorf("sameOpening(%q, %q) = %v, want %v", tc.left, tc.right, got, tc.want)
		}
	}
}

// TestCopiedRank: a pair whose sentences open alike ranks as a quoted
// pair does, above a paraphrase scored up to quoteBonus more, below a
// sure quotation.
func TestCopiedRank(t *testing.T) {
	copied := candidate{score: 0.33, copied: true}
	para := candidate{score: 0.33 + quoteBonus - 0.01, para: true}
	sure := candidate{score: 0.1, quoted: true, sureQuote: true}
	if byScore(copied, para) >= 0 {
		t.Errorf("copied pair (rank %v) does not come before the paraphrase (rank %v)", copied.rank(), para.rank())
	}
	if byScore(sure, copied) >= 0 {
		t.Errorf("sure quotation (rank %v) does not come before the copied pair (rank %v)", sure.rank(), copied.rank())
	}
}
