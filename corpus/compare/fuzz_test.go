package compare

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// checkComparison asserts that each block's equal and delete ops rebuild
// its left text byte for byte, in order, and equal and insert ops its right
// text; that spans are valid; and that every sentence of each article sits
// in exactly one block.
func checkComparison(c *Comparison) error {
	seenL := make([][]int, len(c.Left.Sentences))
	seenR := make([][]int, len(c.Right.Sentences))
	for bi, b := range c.Blocks {
		var lt, rt []byte
		for _, op := range b.Ops {
			if op.Kind != OpInsert {
				if err := testcorpus.CheckSpan(c.Left.Raw, op.Left); err != nil {
					return fmt.Errorf("block %d op: %v", bi, err)
				}
				lt = append(lt, c.Left.Raw[op.Left.Start:op.Left.End]...)
			}
			if op.Kind != OpDelete {
				if err := testcorpus.CheckSpan(c.Right.Raw, op.Right); err != nil {
					return fmt.Errorf("block %d op: %v", bi, err)
				}
				rt = append(rt, c.Right.Raw[op.Right.Start:op.Right.End]...)
			}
		}
		if b.Kind != RightOnly {
			if err := testcorpus.CheckSpan(c.Left.Raw, b.Left); err != nil {
				return fmt.Errorf("block %d: %v", bi, err)
			}
			if !bytes.Equal(lt, c.Left.Raw[b.Left.Start:b.Left.End]) {
				return fmt.Errorf("block %d (%s): ops rebuild left %q, want %q", bi, b.Kind, lt, c.Left.Raw[b.Left.Start:b.Left.End])
			}
			for s := b.LeftSentences.Start; s < b.LeftSentences.End; s++ {
				seenL[s] = append(seenL[s], bi)
			}
		} else if len(lt) != 0 {
			return fmt.Errorf("block %d is right-only but has left text", bi)
		}
		if b.Kind != LeftOnly {
			if err := testcorpus.CheckSpan(c.Right.Raw, b.Right); err != nil {
				return fmt.Errorf("block %d: %v", bi, err)
			}
			if !bytes.Equal(rt, c.Right.Raw[b.Right.Start:b.Right.End]) {
				return fmt.Errorf("block %d (%s): ops rebuild right %q, want %q", bi, b.Kind, rt, c.Right.Raw[b.Right.Start:b.Right.End])
			}
			for s := b.RightSentences.Start; s < b.RightSentences.End; s++ {
				seenR[s] = append(seenR[s], bi)
			}
		} else if len(rt) != 0 {
			return fmt.Errorf("block %d is left-only but has right text", bi)
		}
		if b.Similarity < 0 || b.Similarity > 1 {
			return fmt.Errorf("block %d similarity %v", bi, b.Similarity)
		}
	}
	// Each sentence is in one block, or in two that pair its two parts
	// (siblings, see split.go; a block both of whose sides are parts
	// names the right side's sibling in SiblingRight), and no byte is in
	// two blocks.
	names := func(x, y int) bool {
		return int(c.Blocks[x].Sibling) == y || int(c.Blocks[x].SiblingRight) == y
	}
	for side, seen := range [2][][]int{seenL, seenR} {
		for s, bs := range seen {
			switch {
			case len(bs) == 1:
			case len(bs) == 2 && names(bs[0], bs[1]) && names(bs[1], bs[0]):
			default:
				return fmt.Errorf("sentence %d of side %d is in blocks %v", s, side, bs)
			}
		}
	}
	for i, x := range c.Blocks {
		for j := i + 1; j < len(c.Blocks); j++ {
			y := c.Blocks[j]
			if x.Kind != RightOnly && y.Kind != RightOnly && x.Left.Start < y.Left.End && y.Left.Start < x.Left.End {
				return fmt.Errorf("blocks %d and %d overlap on the left", i, j)
			}
			if x.Kind != LeftOnly && y.Kind != LeftOnly && x.Right.Start < y.Right.End && y.Right.Start < x.Right.End {
				return fmt.Errorf("blocks %d and %d overlap on the right", i, j)
			}
		}
	}
	if c.Similarity < 0 || c.Similarity > 1 {
		return fmt.Errorf("similarity %v", c.Similarity)
	}
	return nil
}

// maxFuzzInput bounds each side of a FuzzCompare input.
const maxFuzzInput = 8 << 10

func FuzzCompare(f *testing.F) {
	testcorpus.FuzzSeeds(f, true)
	f.Fuzz(func(t *testing.T, left, right []byte) {
		// Size does not find bugs here, shape does: bounded inputs keep an
		// execution in milliseconds, so the fuzzer explores instead of
		// stalling on one large input (the seed articles are under 8 KiB).
		if len(left) > maxFuzzInput || len(right) > maxFuzzInput {
			t.Skip()
		}
		c, err := Compare(context.Background(), corpus.Parse("left", left), corpus.Parse("right", right))
		if err != nil {
			t.Fatal(err)
		}
		if err := checkComparison(c); err != nil {
			t.Fatal(err)
		}
	})
}

// TestSeedComparisonsHold checks the comparison invariants on every ordered
// pair of seeds, in addition to what the fuzzers explore.
func TestSeedComparisonsHold(t *testing.T) {
	as := testcorpus.Seeds(t)
	for _, a := range as {
		if err := testcorpus.CheckArticle(a); err != nil {
			t.Errorf("%s: %v", a.ID, err)
		}
		for _, b := range as {
			c, err := Compare(context.Background(), a, b)
			if err == nil {
				err = checkComparison(c)
			}
			if err != nil {
				t.Errorf("%s vs %s: %v", a.ID, b.ID, err)
			}
		}
	}
}

// TestStoryComparisonsHold checks the comparison invariants on every pair
// of the development stories, where sentences are split between two
// partners, titles pair with leads and pairs fill gaps.
func TestStoryComparisonsHold(t *testing.T) {
	if testing.Short() {
		t.Skip("compares every story pair")
	}
	c, _, err := corpus.LoadDir(testcorpus.Shared(t, "corpora/stories"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range c.Stories {
		for i, a := range s.Articles {
			for _, b := range s.Articles[i+1:] {
				cmp, err := Compare(context.Background(), a, b)
				if err != nil {
					t.Fatal(err)
				}
				if err := checkComparison(cmp); err != nil {
					t.Errorf("%s vs %s: %v", a.ID, b.ID, err)
				}
			}
		}
	}
}
