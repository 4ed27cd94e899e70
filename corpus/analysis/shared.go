package analysis

import (
	"slices"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

// SharedWords is what a renderer marks in a paraphrase pair shown as two
// passages: the content words both sides have, and the facts they give
// differently.
type SharedWords struct {
	// Left and Right are the content words of each side that the other
	// side also has (see compare.Comparison.Shared), less those inside a
	// differing fact.
	Left, Right []corpus.Span
	// LeftDiffer and RightDiffer are the numbers, days, dates and times of
	// each side that the other side gives differently, by the rule the
	// story's Disagreements go by (see sentenceValues.differ): "resigned
	// Monday" against "had to apologize Saturday" is two acts, not one
	// day given two ways, in the pair as in the facts. All in text order.
	LeftDiffer, RightDiffer []corpus.Span
}

// Shared returns the shared words and the differing facts of paired
// block b of c (nothing for a one-sided block). A block's sentences are
// paired as for the story's facts (see blockPairs); a fact is flagged
// where it sits inside the block's span, and only in prose, which is all
// the facts compare.
func Shared(c *compare.Comparison, b compare.Block) SharedWords {
	cw := c.Shared(b)
	sw := SharedWords{Left: cw.Left, Right: cw.Right}
	if (b.Kind != compare.Aligned && b.Kind != compare.Moved) || b.Role != corpus.RoleProse {
		return sw
	}
	var left, right []Mention
	for si := b.LeftSentences.Start; si < b.LeftSentences.End; si++ {
		left = sentenceMentions(left, c.Left, 0, si)
	}
	for si := b.RightSentences.Start; si < b.RightSentences.End; si++ {
		right = sentenceMentions(right, c.Right, 1, si)
	}
	carried := carriedValues([][]Mention{left, right})
	paired := make(map[[2]int]bool)
	blockPairs(c, b, func(si, sj int) { paired[[2]int{si, sj}] = true })
	for _, x := range left {
		for _, y := range right {
			if !paired[[2]int{x.sent, y.sent}] || !carried.differ(x, y) {
				continue
			}
			xs, ys := x.Span, y.Span
			if x.norm == y.norm { // two bounds of one figure
				xs, ys = withHedge(x), withHedge(y)
			}
			if inside(xs, b.Left) {
				sw.LeftDiffer = append(sw.LeftDiffer, xs)
			}
			if inside(ys, b.Right) {
				sw.RightDiffer = append(sw.RightDiffer, ys)
			}
		}
	}
	sw.LeftDiffer, sw.Left = flagged(sw.LeftDiffer, sw.Left)
	sw.RightDiffer, sw.Right = flagged(sw.RightDiffer, sw.Right)
	return sw
}

func inside(s, in corpus.Span) bool { return s.Start >= in.Start && s.End <= in.End }

// flagged returns differ sorted and without repeats, and shared without
// the words that overlap one of them: the "4" of a time "4:20 a.m." that
// the other side gives as "4:30 a.m." is part of the differing fact.
func flagged(differ, shared []corpus.Span) ([]corpus.Span, []corpus.Span) {
	if len(differ) == 0 {
		return nil, shared
	}
	slices.SortFunc(differ, func(a, b corpus.Span) int { return a.Start - b.Start })
	differ = slices.Compact(differ)
	kept := make([]corpus.Span, 0, len(shared))
	for _, s := range shared {
		if !slices.ContainsFunc(differ, func(d corpus.Span) bool { return s.Start < d.End && d.Start < s.End }) {
			kept = append(kept, s)
		}
	}
	return differ, kept
}
