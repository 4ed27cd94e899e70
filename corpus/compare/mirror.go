package compare

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"github.com/newsdiff/newsdiff/corpus"
)

// The matcher reads its two articles in an order (the best candidates
// first, ties to the earlier left sentence; the gaps filled along the left
// article; merges grown from the left), so that comparing b with a could
// pair other sentences than comparing a with b: a reader who swapped the
// sides saw other events paired. Compare therefore aligns every pair in
// one order, the canonical one (canonical), and mirrors the alignment when
// asked for the other: the same passages pair whichever article is on the
// left, and only what depends on the reading order (which blocks are
// moved, where the other side's passages sit) is laid out afresh.

// canonical reports whether a is the article the matcher reads on the left
// when comparing a and b: the one whose ID sorts first, then whose body
// does (two files of one name from two folders), then whose source path.
// The model is fitted on pairs in that order (the gold's articles in file
// order, scripts/fitpairs), and some of its features are one-sided (the
// left's event words found in the right; the best candidate for the left
// sentence weighs other than the best for the right): the fitted order is
// the one its figures hold for.
func canonical(a, b *corpus.Article) bool {
	if c := cmp.Compare(a.ID, b.ID); c != 0 {
		return c < 0
	}
	if c := bytes.Compare(a.Raw[a.Body.Start:a.Body.End], b.Raw[b.Body.Start:b.Body.End]); c != 0 {
		return c < 0
	}
	return strings.Compare(a.Source, b.Source) <= 0
}

// mirrorGroups turns groups of a with b, each with its ops, into the same
// groups of b with a, sorted by their new left side and their moved marks
// made for the new order.
func mirrorGroups(gs []group) {
	for i := range gs {
		g := &gs[i]
		g.l, g.r = g.r, g.l
		if g.part != nil {
			g.part = &groupPart{l: g.part.r, r: g.part.l}
		}
		if g.split2 != 0 {
			// split names the left sentence's parts, split2 the right's.
			g.split, g.split2 = g.split2, g.split
		}
		g.ops = mirrorOps(g.ops)
	}
	sortGroups(gs)
	markMoved(gs)
}

// mirrorOps returns the diff of b with a from ops, the diff of a with b:
// equal spans swap sides, deletes become inserts and inserts deletes, and
// within each change the deletion comes first again, as Differ gives it.
func mirrorOps(ops []Op) []Op {
	out := make([]Op, len(ops))
	for i, op := range ops {
		op.Left, op.Right = op.Right, op.Left
		switch op.Kind {
		case OpDelete:
			op.Kind = OpInsert
		case OpInsert:
			op.Kind = OpDelete
		}
		out[i] = op
	}
	for i := 0; i < len(out); {
		if out[i].Kind == OpEqual {
			i++
			continue
		}
		j := i
		for j < len(out) && out[j].Kind != OpEqual {
			j++
		}
		// Stable: each side's spans stay in their order.
		slices.SortStableFunc(out[i:j], func(x, y Op) int { return cmp.Compare(x.Kind, y.Kind) })
		i = j
	}
	return out
}

// mirrorCandidates swaps the sides of cands in place.
func mirrorCandidates(cands []candidate) {
	for i := range cands {
		cands[i].l, cands[i].r = cands[i].r, cands[i].l
	}
}

// sortGroups puts gs in the left article's order, a split sentence's parts
// in their order.
func sortGroups(gs []group) {
	slices.SortFunc(gs, func(x, y group) int {
		if c := cmp.Compare(x.l.Start, y.l.Start); c != 0 {
			return c
		}
		return cmp.Compare(x.lpart().Start, y.lpart().Start)
	})
}
