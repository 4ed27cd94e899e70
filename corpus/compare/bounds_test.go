package compare

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

func articleFrom(raw string) *corpus.Article { return corpus.Parse("test", []byte(raw)) }

// checkSelfComparison says what is wrong with c, a comparison of an article
// with itself: it must be 100% similar (when it has prose words) with no
// one-sided prose block.
func checkSelfComparison(c *Comparison) error {
	for _, blk := range c.Blocks {
		if (blk.Kind == LeftOnly || blk.Kind == RightOnly) && blk.Role == corpus.RoleProse {
			s := blk.Left
			if blk.Kind == RightOnly {
				s = blk.Right
			}
			return fmt.Errorf("%v block %q", blk.Kind, c.Left.Text(s))
		}
	}
	if c.Left.ProseWords() > 0 && c.Similarity != 1 {
		return fmt.Errorf("similarity %.3f, want 1", c.Similarity)
	}
	return nil
}

// TestSelfCompareShortSentences is issue 13's case: short sentences with
// one content word scored 0 against themselves and were left one-sided.
func TestSelfCompareShortSentences(t *testing.T) {
	for _, text := range []string{
		"Keys\n\nMouse on. Alt screen off.\n",
		"Title\n\nHe did. He did. He did it again.\n\nYes! Yes! No?\n",
		"Title\n\nOn the one hand, it was.\n\n* * *\n\nOn the other, it was not.\n",
	} {
		a := articleFrom(text)
		if err := checkSelfComparison(mustCompare(a, a)); err != nil {
			t.Errorf("%q against itself: %v", text, err)
		}
	}
}

// randomText writes a text of short sentences over a small vocabulary,
// stopwords and repeats included, in paragraphs, sometimes under a
// heading: the shapes that made self-comparisons fall short.
func randomText(rng *rand.Rand) string {
	vocab := strings.Fields("the a of he it on off mouse screen alt yes no said trump russia emails hacked 30,000 friday is was not")
	marks := []string{".", "!", "?", "."}
	var sb strings.Builder
	sb.WriteString("Title words\n\n")
	for range 1 + rng.IntN(5) {
		if rng.IntN(4) == 0 {
			sb.WriteString("A heading\n\n")
		}
		for s := range 1 + rng.IntN(6) {
			if s > 0 {
				sb.WriteString(" ")
			}
			n := 1 + rng.IntN(6)
			for w := range n {
				word := vocab[rng.IntN(len(vocab))]
				if w == 0 {
					word = strings.ToUpper(word[:1]) + word[1:]
				} else {
					sb.WriteString(" ")
				}
				sb.WriteString(word)
			}
			sb.WriteString(marks[rng.IntN(len(marks))])
		}
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// TestSelfCompareProperty: an article compared with itself is always 100%
// similar with no one-sided prose block, whatever its text.
func TestSelfCompareProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 11))
	for i := range 500 {
		text := randomText(rng)
		a := articleFrom(text)
		if err := checkSelfComparison(mustCompare(a, a)); err != nil {
			t.Fatalf("text %d %q against itself: %v", i, text, err)
		}
	}
}

// TestCompareRepeatedSentencesBounded is issue 13's quadratic case: an
// article saying one sentence over and over made every copy a candidate
// for every other (1,000 copies: 133 MB allocated; 50,000: out of memory).
// A class of identical sentences is matched once, so the allocations grow
// with the text, not its square.
func TestCompareRepeatedSentencesBounded(t *testing.T) {
	raw := "Title\n\n" + strings.Repeat("The quick brown fox jumps over the lazy dog near the river bank. ", 1000)
	a, b := articleFrom(raw), articleFrom(raw)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	c := mustCompare(a, b)
	runtime.ReadMemStats(&after)
	if err := checkSelfComparison(c); err != nil {
		t.Error(err)
	}
	// 65 KB of text; 16 MiB is about 250 bytes per byte of input.
	const limit = 16 << 20
	if got := after.TotalAlloc - before.TotalAlloc; got > limit {
		t.Errorf("comparing 1,000 copies of a sentence allocated %d MiB, want at most %d MiB", got>>20, limit>>20)
	}
}

// TestCompareContextCancelled: a comparison whose context is done stops
// with the context's error and no result.
func TestCompareContextCancelled(t *testing.T) {
	left, right := syntheticPair(2000, 3)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c, err := Compare(ctx, left, right)
	if !errors.Is(err, context.Canceled) || c != nil {
		t.Errorf("Compare(cancelled) = %v, %v; want nil, context.Canceled", c, err)
	}
	c, err = Compare(context.Background(), left, right)
	if err != nil || c == nil {
		t.Errorf("Compare(live) = %v, %v; want a comparison", c, err)
	}
}

// TestSelfCompareNonProse: lines that are not prose — share buttons, a
// photo credit, a heading, list items — pair with their twins when an
// article is compared with itself, so identical texts have no one-sided
// block and every block is 100%.
func TestSelfCompareNonProse(t *testing.T) {
	for _, text := range []string{
		"Title\n\nShare Story\n\nA sentence of prose, said the mayor.\n\nPhoto by: AFP\n",
		"Title\n\nSome prose here, a sentence.\n\nitem one\n\nitem two\n",
		"Title\n\nWikiLeaks emails\n\nThe first part.\n\nWikiLeaks emails\n\nThe second part.\n",
	} {
		a := corpus.Parse("a", []byte(text))
		c := mustCompare(a, a)
		for bi, b := range c.Blocks {
			if b.Kind != Aligned || b.Similarity != 1 {
				t.Errorf("%q: block %d is %s at %.2f, want aligned at 1", text, bi, b.Kind, b.Similarity)
			}
		}
		if err := checkComparison(c); err != nil {
			t.Errorf("%q: %v", text, err)
		}
	}
}

// TestSelfCompareTwinOutranksASameOpening is a regression test: two
// sentences of an article that open with the same words ("Ms. Lee planned
// to ask, according to …") each paired with the other's twin in a copy of
// the article, as a moved pair 40% alike, since a pair that opens with the
// same words (copied.go) ranked above a twin. A copy of the New York
// Times's Mueller article, and 12 of the multinews articles, were not
// unchanged against themselves.
func TestSelfCompareTwinOutranksASameOpening(t *testing.T) {
	raw := "The council's questions\n\n" +
		"The questions give the most detailed look yet inside Ms. Lee's inquiry, which has been kept secret since she was named nearly a year ago.\n\n" +
		"\"What efforts were made to reach the engineers about the cracks in the bridge?\" Ms. Lee planned to ask, according to questions read by the council's investigators to the mayor's lawyers, who compiled them into a list. That list was given to the paper by a person outside the mayor's office.\n\n" +
		"\"What talks did you have about closing the bridge in June of 2017?\" Ms. Lee planned to ask, according to the list of questions. \"What did you do after the story about the cracks?\" she planned to ask, referring to the article that broke the news.\n"
	a, b := corpus.Parse("a", []byte(raw)), corpus.Parse("b", []byte(raw))
	for _, pair := range [][2]*corpus.Article{{a, b}, {b, a}, {a, a}} {
		c := mustCompare(pair[0], pair[1])
		if !unchanged(c) {
			for _, blk := range c.Blocks {
				if blk.Kind != Aligned || blk.Similarity < 1 {
					t.Errorf("%s against %s: %v block %q ~ %q, %.2f alike", pair[0].ID, pair[1].ID, blk.Kind, c.Left.Text(blk.Left), c.Right.Text(blk.Right), blk.Similarity)
				}
			}
		}
	}
}

// TestStoryArticlesUnchangedAgainstThemselves checks every article of the
// development stories against a copy of itself: no block but aligned
// ones, no word but equal ones.
func TestStoryArticlesUnchangedAgainstThemselves(t *testing.T) {
	c, _, err := corpus.LoadDir(testcorpus.Shared(t, "corpora/stories"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range c.Stories {
		for _, a := range s.Articles {
			if cmp := mustCompare(a, corpus.Parse(a.ID+"-copy", a.Raw)); !unchanged(cmp) {
				t.Errorf("%s against a copy of itself: not unchanged", a.Source)
			}
		}
	}
}
