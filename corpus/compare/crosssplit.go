package compare

import "github.com/newsdiff/newsdiff/corpus"

// Two sentences, two events each, told crosswise (issue 9, quote recall,
// in the manner of the fourth defect): one outlet writes 'Goodlatte,
// Gowdy and Nunes noted that Comey "never wrote that he felt obstructed
// or threatened," adding that while Comey "went to great lengths…"', and
// the other quotes the first words with their attribution in one
// sentence ('"Former Director Comey never wrote that he felt obstructed or
// threatened," read a joint statement from House Judiciary Chairman Bob
// Goodlatte…') and the second in the next. Each of the two sentences is
// paired with the other outlet's sentence about its other event (the
// quotation that follows; the attribution, said apart), so split, which
// gives an unpaired sentence a part of a paired one, finds nothing to do,
// and the event the two share stays unpaired on both sides.
//
// crossSplit cuts both: when a candidate pair's two sentences are each
// paired with another sentence, and each can be cut at a clause boundary
// between what its partner covers and what the candidate covers (as split
// cuts one), the two parts they share pair with each other and the other
// parts keep their partners.

// crossSplit makes such pairs from cands, sorted best first as assign
// leaves them, and returns gs with the new groups appended. A sentence is
// cut once at most.
func (m *matcher) crossSplit(cands []candidate, gs []group, left, right []unit, a, b *corpus.Article) []group {
	ownerL, ownerR := groupOwners(gs, len(left), len(right))
	tries := make(map[int]int) // group index -> cuts tried on it
	nextID := int32(1)
	for _, g := range gs {
		nextID = max(nextID, g.split+1, g.split2+1)
	}
	for _, c := range cands {
		gl, gr := ownerL[c.l], ownerR[c.r]
		if gl < 0 || gr < 0 || gl == gr || c.titles {
			continue
		}
		// The left sentence is paired (in gl) with a right one, and the
		// right sentence (in gr) with a left one.
		if !cuttable(&gs[gl], left, right) || !cuttable(&gs[gr], left, right) {
			continue
		}
		if tries[gl] >= maxSplitTries || tries[gr] >= maxSplitTries {
			continue
		}
		tries[gl]++
		tries[gr]++
		lu, ru := &left[c.l], &right[c.r]
		lWhole, rWhole := a.Sentences[lu.sent].Tokens(), b.Sentences[ru.sent].Tokens()
		if lWhole.Len() > maxSplitTokens || rWhole.Len() > maxSplitTokens {
			continue
		}
		lKeep, lShared, ok := clauses(a, lWhole, right[gs[gl].r.Start].lemmas, ru.lemmas)
		if !ok {
			continue
		}
		rKeep, rShared, ok := clauses(b, rWhole, left[gs[gr].l.Start].lemmas, lu.lemmas)
		if !ok {
			continue
		}
		idL, idR := nextID, nextID+1
		nextID += 2
		ng := group{l: corpus.Range{Start: c.l, End: c.l + 1}, r: corpus.Range{Start: c.r, End: c.r + 1},
			score: c.score, para: c.para, split: idL, split2: idR, part: &groupPart{l: lShared, r: rShared}}
		gs[gl].split, gs[gl].part, gs[gl].ops = idL, &groupPart{l: lKeep}, nil
		gs[gr].split, gs[gr].part, gs[gr].ops = idR, &groupPart{r: rKeep}, nil
		gs = append(gs, ng)
	}
	return gs
}
