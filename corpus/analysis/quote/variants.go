package quote

import (
	"slices"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

// Variants: each member's wording diffed against the group's common one.

// opsBetween diffs the words of quote l against those of quote r with the
// differ, over their parts' tokens laid end to end, and splits every op
// that would span the gap between two parts.
func opsBetween(d *compare.Differ, l, r Quote) []compare.Op {
	lt, lcut := partTokens(l)
	rt, rcut := partTokens(r)
	if lt.Len() == 0 || rt.Len() == 0 {
		return nil
	}
	la := &corpus.Article{Raw: l.Article.Raw, Tokens: lt}
	ra := &corpus.Article{Raw: r.Article.Raw, Tokens: rt}
	ops := d.Diff(la, corpus.Range{Start: 0, End: lt.Len()}, ra, corpus.Range{Start: 0, End: rt.Len()})
	if len(lcut) == 0 && len(rcut) == 0 {
		return ops
	}
	out := make([]compare.Op, 0, len(ops)+len(lcut)+len(rcut))
	var cuts []int
	for _, op := range ops {
		cuts = cuts[:0]
		var li, ri, n int
		if op.Kind != compare.OpInsert {
			r := la.TokensIn(op.Left)
			li, n = r.Start, r.Len()
			cuts = appendCuts(cuts, lcut, li, n)
		}
		if op.Kind != compare.OpDelete {
			r := ra.TokensIn(op.Right)
			ri, n = r.Start, r.Len()
			cuts = appendCuts(cuts, rcut, ri, n)
		}
		if len(cuts) == 0 {
			out = append(out, op)
			continue
		}
		slices.Sort(cuts)
		cuts = slices.Compact(cuts)
		from := 0
		for _, c := range append(cuts, n) {
			part := compare.Op{Kind: op.Kind, Minor: op.Minor}
			if op.Kind != compare.OpInsert {
				part.Left = corpus.Span{Start: lt.Span(li + from).Start, End: lt.Span(li + c - 1).End}
				part.Minor = part.Minor || op.Kind == compare.OpDelete && corpus.CountWords(lt.Slice(li+from, li+c)) == 0
			}
			if op.Kind != compare.OpDelete {
				part.Right = corpus.Span{Start: rt.Span(ri + from).Start, End: rt.Span(ri + c - 1).End}
				part.Minor = part.Minor || op.Kind == compare.OpInsert && corpus.CountWords(rt.Slice(ri+from, ri+c)) == 0
			}
			out = append(out, part)
			from = c
		}
	}
	return out
}

// partTokens lays the tokens of q's parts end to end and returns the
// indexes at which a new part starts.
func partTokens(q Quote) (corpus.Tokens, []int) {
	if len(q.Parts) == 1 {
		return q.Article.Tokens.In(q.Article.TokensIn(q.Parts[0])), nil
	}
	var toks []corpus.Token
	var cuts []int
	for i, p := range q.Parts {
		r := q.Article.TokensIn(p)
		if i > 0 && r.Len() > 0 && len(toks) > 0 {
			cuts = append(cuts, len(toks))
		}
		n := len(toks)
		toks = q.Article.Tokens.In(r).AppendTo(toks)
		// A comma that reads as a full stop is compared as one, so that
		// an outlet that wrote the full stop has the same words.
		for j := n; j < len(toks); j++ {
			if toks[j].Form == "," && q.readsAsFullStop(toks[j].Span) {
				toks[j].Form = "."
			}
		}
	}
	return corpus.NewTokens(toks), cuts
}

// appendCuts adds the offsets, relative to first, of the part starts
// strictly inside the n tokens from first.
func appendCuts(cuts, starts []int, first, n int) []int {
	for _, c := range starts {
		if c > first && c < first+n {
			cuts = append(cuts, c-first)
		}
	}
	return cuts
}
