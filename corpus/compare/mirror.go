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

// mirrored returns the comparison of c.Right with c.Left, made from c,
// the comparison of a full alignment (not Bounded), without comparing
// anything: the same blocks, sides swapped, laid out as Compare lays out
// the other order's (see blockBuilder.build). The paired blocks, and the
// passages only b has, come in b's order; which pairs are moved is the
// longest run in order read from b's side; a passage only a has sits
// after the in-order block holding its nearest preceding neighbour in a,
// or after b's title. Every block's Repeats and Sibling links follow it
// to its new place.
func mirrored(c *Comparison) *Comparison {
	bs := make([]Block, len(c.Blocks))
	for i, blk := range c.Blocks {
		blk.Left, blk.Right = blk.Right, blk.Left
		blk.LeftSentences, blk.RightSentences = blk.RightSentences, blk.LeftSentences
		switch blk.Kind {
		case LeftOnly:
			blk.Kind = RightOnly
		case RightOnly:
			blk.Kind = LeftOnly
		}
		if blk.SiblingRight >= 0 {
			// Sibling links the left sentence's other part and
			// SiblingRight the right's, when both sides are parts; a
			// block that is a part on one side only links it in Sibling,
			// whichever side.
			blk.Sibling, blk.SiblingRight = blk.SiblingRight, blk.Sibling
		}
		blk.Ops = mirrorOps(blk.Ops)
		bs[i] = blk
	}
	// A pair the alignment made, as against a non-prose line paired with
	// its twin (which is never moved, and anchors nothing).
	aligned := func(i int) bool {
		k, role := bs[i].Kind, bs[i].Role
		return (k == Aligned || k == Moved) && (role == corpus.RoleProse || role == corpus.RoleTitle)
	}
	// The new left side's passages, in its order; the pairs among them
	// marked moved off the longest increasing run of their right sides.
	var left, right []int
	for i, blk := range bs {
		if blk.Kind != RightOnly {
			left = append(left, i)
		}
		if blk.Kind != LeftOnly {
			right = append(right, i)
		}
	}
	slices.SortFunc(left, func(x, y int) int { return cmp.Compare(bs[x].Left.Start, bs[y].Left.Start) })
	slices.SortFunc(right, func(x, y int) int { return cmp.Compare(bs[x].Right.Start, bs[y].Right.Start) })
	var gs []group
	var groupBlock []int
	for _, i := range left {
		if aligned(i) {
			gs = append(gs, group{r: corpus.Range{Start: bs[i].RightSentences.Start}})
			groupBlock = append(groupBlock, i)
		}
	}
	markMoved(gs)
	for gi, i := range groupBlock {
		bs[i].Kind = Aligned
		if gs[gi].moved {
			bs[i].Kind = Moved
		}
	}
	// The new right side's own passages, each after the in-order pair
	// holding its nearest preceding neighbour there (by its place among
	// the left side's passages), or after the left's title.
	at := make([]int, len(bs)) // a left passage's place in left
	for k, i := range left {
		at[i] = k
	}
	type pendingBlock struct{ anchor, block int }
	var pending []pendingBlock
	anchor := -1
	if hasTitle(c.Right) && len(left) > 0 {
		anchor = 0
	}
	for _, i := range right {
		switch {
		case bs[i].Kind == RightOnly:
			pending = append(pending, pendingBlock{anchor, i})
		case aligned(i) && bs[i].Kind == Aligned:
			anchor = at[i]
		}
	}
	slices.SortStableFunc(pending, func(x, y pendingBlock) int { return cmp.Compare(x.anchor, y.anchor) })
	order := make([]int, 0, len(bs))
	next := 0
	flush := func(anchor int) {
		for ; next < len(pending) && pending[next].anchor == anchor; next++ {
			order = append(order, pending[next].block)
		}
	}
	flush(-1)
	for k, i := range left {
		order = append(order, i)
		flush(k)
	}
	newIndex := make([]int32, len(bs))
	for k, i := range order {
		newIndex[i] = int32(k)
	}
	relink := func(i int32) int32 {
		if i < 0 {
			return i
		}
		return newIndex[i]
	}
	blocks := make([]Block, len(order))
	for k, i := range order {
		blk := bs[i]
		blk.Repeats, blk.Sibling, blk.SiblingRight = relink(blk.Repeats), relink(blk.Sibling), relink(blk.SiblingRight)
		blocks[k] = blk
	}
	return newComparison(c.Right, c.Left, blocks, false)
}
