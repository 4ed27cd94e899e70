package compare

import (
	"fmt"
	"slices"

	"github.com/newsdiff/newsdiff/corpus"
)

// One passage, two partners (issue 9, fourth defect): a sentence that
// lists two events ("any discussions with his lawyer, Michael D. Cohen,
// about a Moscow real estate deal; whether the president knew of any
// attempt by … Jared Kushner, to set up a back channel …") pairs with the
// other outlet's sentence about the first, and the other outlet's sentence
// about the second stayed one-sided. After the one-to-one assignment, an
// unpaired sentence whose candidate partner is already paired may take a
// part of that partner: when the two cover different clauses of it, the
// sentence is cut at the clause boundary between them and each part pairs
// with its own partner.

// Tuning of splitting, checked on the development gold (see the commit
// that brought it for the figures).
const (
	// minSplitWords is the fewest content words each partner must share
	// with its own part of the split sentence, and with no other part:
	// fewer is a shared name, not a clause.
	minSplitWords = 3
	// maxStray is the most content words a partner may share with the
	// other's part: a clause boundary is rarely clean.
	maxStray = 1
	// maxSplitTries is how many unpaired candidates may try to split one
	// paired sentence, and maxSplitTokens the longest sentence split: a
	// news sentence has one or two such partners and a few hundred tokens,
	// and these keep a hostile text's cost linear.
	maxSplitTries  = 2
	maxSplitTokens = maxDiffTokens
)

// splitBoundaries are the punctuation marks a sentence's clauses are cut
// at.
var splitBoundaries = map[string]bool{";": true, ",": true, ":": true, "—": true, "–": true}

// split lets each unpaired unit that has a candidate among the paired
// ones take a part of it, as split describes. cands are sorted best first,
// as assign leaves them. It appends the new groups to gs and returns it;
// the groups it cuts get the part their partner covers.
func (m *matcher) split(cands []candidate, gs []group, left, right []unit, a, b *corpus.Article) []group {
	ownerL, ownerR := groupOwners(gs, len(left), len(right))
	tries := make(map[int]int) // group index -> splits tried on it
	nextID := int32(1)
	for _, c := range cands {
		// u is the unpaired unit, v the paired one it may share.
		var gi int
		uLeft := ownerL[c.l] < 0 && ownerR[c.r] >= 0
		switch {
		case uLeft:
			gi = ownerR[c.r]
		case ownerR[c.r] < 0 && ownerL[c.l] >= 0:
			gi = ownerL[c.l]
		default:
			continue
		}
		g := &gs[gi]
		if !cuttable(g, left, right) {
			continue
		}
		var u, v, w *unit
		var vArt *corpus.Article
		if uLeft {
			u, v, w, vArt = &left[c.l], &right[c.r], &left[g.l.Start], b
		} else {
			u, v, w, vArt = &right[c.r], &left[c.l], &right[g.r.Start], a
		}
		if u.title || v.title {
			continue
		}
		whole := vArt.Sentences[v.sent].Tokens()
		if tries[gi] >= maxSplitTries || whole.Len() > maxSplitTokens {
			continue
		}
		tries[gi]++
		wPart, uPart, ok := clauses(vArt, whole, w.lemmas, u.lemmas)
		if !ok {
			continue
		}
		ng := group{l: corpus.Range{Start: c.l, End: c.l + 1}, r: corpus.Range{Start: c.r, End: c.r + 1}, score: c.score, para: c.para, split: nextID}
		g.split = nextID
		g.ops = nil
		if uLeft {
			g.part, ng.part = &groupPart{r: wPart}, &groupPart{r: uPart}
			ownerL[c.l] = len(gs)
		} else {
			g.part, ng.part = &groupPart{l: wPart}, &groupPart{l: uPart}
			ownerR[c.r] = len(gs)
		}
		nextID++
		gs = append(gs, ng)
	}
	return gs
}

// cuttable reports whether g pairs one sentence with one, neither a
// title, and neither cut yet: the groups split and crossSplit may cut.
func cuttable(g *group, left, right []unit) bool {
	return g.split == 0 && g.l.Len() == 1 && g.r.Len() == 1 && !left[g.l.Start].title && !right[g.r.Start].title
}

// clauseMark is a content word clauses found on one side only: w is +1
// for a word shared with wl alone, -1 with ul alone.
type clauseMark struct {
	tok int
	w   int
}

// bestBoundary returns the boundary of bounds (token indexes, in order)
// that clauses takes, -1 for none, and whether the words shared with wl
// come first: the one with the most marks (in token order) on their side,
// at least minSplitWords a side and at most maxStray of the other's.
//
// The marks before each boundary are counted on from the last boundary's,
// and those after it are the rest: counted afresh for every boundary, a
// long sentence's cost was its boundaries times its marks, and a
// 100,000-word text of long sentences spent twenty times as long here as
// one of 10,000 words.
func bestBoundary(bounds []int, marks []clauseMark) (bestAt int, wFirst bool) {
	wTotal, uTotal := 0, 0
	for _, mk := range marks {
		if mk.w > 0 {
			wTotal++
		} else {
			uTotal++
		}
	}
	bestGood, bestAt, wFirst := 0, -1, true
	wBefore, uBefore, next := 0, 0, 0
	for _, at := range bounds {
		for ; next < len(marks) && marks[next].tok < at; next++ {
			if marks[next].w > 0 {
				wBefore++
			} else {
				uBefore++
			}
		}
		wAfter, uAfter := wTotal-wBefore, uTotal-uBefore
		if wBefore >= minSplitWords && uAfter >= minSplitWords && wAfter <= maxStray && uBefore <= maxStray && wBefore+uAfter > bestGood {
			bestGood, bestAt, wFirst = wBefore+uAfter, at, true
		}
		if uBefore >= minSplitWords && wAfter >= minSplitWords && uAfter <= maxStray && wBefore <= maxStray && uBefore+wAfter > bestGood {
			bestGood, bestAt, wFirst = uBefore+wAfter, at, false
		}
	}
	return bestAt, wFirst
}

// clauses looks for a clause boundary in the tokens whole of a that puts
// the content words shared with wl (sorted lemma keys) on one side and
// those shared with ul on the other, each side holding at least
// minSplitWords of its own and at most maxStray of the other's. It returns
// the two parts as token ranges, the boundary mark with the part before
// it, and whitespace trimmed.
func clauses(a *corpus.Article, whole corpus.Range, wl, ul []uint64) (wPart, uPart corpus.Range, ok bool) {
	var marks []clauseMark
	var bounds []int
	for ti := whole.Start; ti < whole.End; ti++ {
		t := a.Tokens.At(ti)
		switch {
		case t.Kind == corpus.TokPunct && splitBoundaries[t.Form]:
			bounds = append(bounds, ti)
		case t.Kind == corpus.TokWord && !corpus.IsStopword(t.Form):
			k := infoOf(t.Form).key
			_, inW := slices.BinarySearch(wl, k)
			_, inU := slices.BinarySearch(ul, k)
			switch {
			case inW && !inU:
				marks = append(marks, clauseMark{ti, 1})
			case inU && !inW:
				marks = append(marks, clauseMark{ti, -1})
			}
		}
	}
	bestAt, wFirst := bestBoundary(bounds, marks)
	if bestAt < 0 {
		return
	}
	// A quotation mark closing right after the boundary ('threatened,"')
	// closes the first part's quotation.
	for bestAt+1 < whole.End {
		t := a.Tokens.At(bestAt + 1)
		if t.Kind != corpus.TokPunct || t.Form != `"` && t.Form != "'" && t.Form != "»" {
			break
		}
		bestAt++
	}
	first := corpus.TrimSpace(a.Tokens, corpus.Range{Start: whole.Start, End: bestAt + 1})
	second := corpus.TrimSpace(a.Tokens, corpus.Range{Start: bestAt + 1, End: whole.End})
	if first.Len() == 0 || second.Len() == 0 {
		return
	}
	if wFirst {
		return first, second, true
	}
	return second, first, true
}

// markSiblings points each of two blocks that pair the parts of one
// sentence at the other.
func (bb *blockBuilder) markSiblings(gs []group) {
	// slot is the field of block bi that id links: a block's split id
	// links Sibling, its split2 id SiblingRight.
	slot := func(bi int, gi int, id int32) *int32 {
		if gs[gi].split2 == id {
			return &bb.blocks[bi].SiblingRight
		}
		return &bb.blocks[bi].Sibling
	}
	type seen struct{ block, group int }
	first := map[int32]seen{} // split id -> block and group of its first group seen
	for gi, g := range gs {
		for _, id := range [2]int32{g.split, g.split2} {
			if id == 0 {
				continue
			}
			bi := bb.groupBlock[gi]
			if other, ok := first[id]; ok {
				*slot(bi, gi, id), *slot(other.block, other.group, id) = int32(other.block), int32(bi)
				continue
			}
			first[id] = seen{bi, gi}
		}
	}
}

// SplitSide reports, for a block b of c that pairs part of a sentence
// (b.Sibling set), whether that sentence is on the left (true) or the
// right; ok is false for any other block. A block both of whose sides are
// parts (b.SiblingRight set too) reports the left.
func (c *Comparison) SplitSide(b Block) (left, ok bool) {
	if b.Sibling < 0 || int(b.Sibling) >= len(c.Blocks) {
		return false, false
	}
	return c.Blocks[b.Sibling].LeftSentences == b.LeftSentences, true
}

// SplitNote says, for a block of c that pairs part of a sentence, where
// the sentence's other part is paired: "part of left ¶5; the rest pairs
// with right ¶10", and the same of the right side when both sides are
// parts. It is empty for any other block.
func (c *Comparison) SplitNote(b Block) string {
	left, ok := c.SplitSide(b)
	if !ok {
		return ""
	}
	sib := c.Blocks[b.Sibling]
	if !left {
		return fmt.Sprintf("part of right ¶%d; the rest pairs with left ¶%d",
			c.Right.ParagraphOf(b.RightSentences), c.Left.ParagraphOf(sib.LeftSentences))
	}
	note := fmt.Sprintf("part of left ¶%d; the rest pairs with right ¶%d",
		c.Left.ParagraphOf(b.LeftSentences), c.Right.ParagraphOf(sib.RightSentences))
	if b.SiblingRight >= 0 && int(b.SiblingRight) < len(c.Blocks) {
		// Both sides are parts (crossSplit).
		note += fmt.Sprintf("; part of right ¶%d; the rest pairs with left ¶%d",
			c.Right.ParagraphOf(b.RightSentences), c.Left.ParagraphOf(c.Blocks[b.SiblingRight].LeftSentences))
	}
	return note
}
