package compare

import "math"

// lemmaWeights holds one unit's lemma weights by lemma id (matcher.lemmaIDs),
// so that the weight it shares with another unit is summed by looking the
// other's ids up, not by merging two sorted lists. The candidate search
// asks it of each left sentence against each of its candidates, and of the
// sentence's neighbours against theirs: at 10,000 words those merges
// were a tenth of the comparison, growing 15x for 10x the words, as a
// long article's sentences score more candidates than a short one's.
type lemmaWeights struct {
	w []float32 // by lemma id: the held unit's weight, 0 for a lemma it lacks
	u *unit     // the unit held; nil for none
}

// newLemmaWeights returns weights for ids lemmas, carved from the
// matcher's slab: a comparison makes three.
func (m *matcher) newLemmaWeights(ids int) lemmaWeights {
	return lemmaWeights{w: m.weights.make(ids)}
}

// hold makes lw hold u's weights (none when u is nil).
func (lw *lemmaWeights) hold(u *unit) {
	if lw.u == u {
		return
	}
	if lw.u != nil {
		for _, id := range lw.u.lids {
			lw.w[id] = 0
		}
	}
	lw.u = u
	if u != nil {
		for k, id := range u.lids {
			lw.w[id] = u.lidfs[k]
		}
	}
}

// shared returns what sorted.WeightShared(a.lemmas, a.lidfs, v.lemmas)
// returns for the held unit a, to the bit: v's lemmas are walked in the
// same (key) order, so the shared weights are added in the same order, and
// a lemma a lacks adds 0. Every weight is positive (an idf is at least
// 0.1), so a non-zero one marks a shared lemma.
func (lw *lemmaWeights) shared(v *unit) (sum float64, n int) {
	for _, id := range v.lids {
		x := lw.w[id]
		sum += float64(x)
		if x != 0 {
			n++
		}
	}
	return sum, n
}

// neighbourWeights holds the lemma weights of a left unit's neighbours,
// so that neighbourDice of that unit against each of its candidates looks
// the right neighbours' lemmas up (see lemmaWeights).
type neighbourWeights struct {
	before, after lemmaWeights
	li            int
}

func (m *matcher) newNeighbourWeights(ids int) neighbourWeights {
	return neighbourWeights{before: m.newLemmaWeights(ids), after: m.newLemmaWeights(ids)}
}

// at holds the neighbours of left unit li, as neighbourDice takes them:
// none at the article's edge or where the neighbour is a title.
func (nw *neighbourWeights) at(left []unit, li int) {
	nw.li = li
	neighbour := func(nl int) *unit {
		if nl < 0 || nl >= len(left) || left[nl].title {
			return nil
		}
		return &left[nl]
	}
	nw.before.hold(neighbour(li - 1))
	nw.after.hold(neighbour(li + 1))
}

// dice returns neighbourDice(left, right, li, ri) for the unit li held.
func (nw *neighbourWeights) dice(right []unit, ri int) float64 {
	best := 0.0
	for _, side := range [2]struct {
		lw *lemmaWeights
		nr int
	}{{&nw.before, ri - 1}, {&nw.after, ri + 1}} {
		a := side.lw.u
		if a == nil || side.nr < 0 || side.nr >= len(right) || right[side.nr].title {
			continue
		}
		b := &right[side.nr]
		if a.lweight == 0 || b.lweight == 0 {
			continue // lemmaDice is 0
		}
		shared, _ := side.lw.shared(b)
		best = math.Max(best, 2*shared/(a.lweight+b.lweight))
	}
	return best
}
