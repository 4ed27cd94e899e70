package compare

import "math"

// Pruning: most sentence pairs the candidate search scores end up paired
// with nothing (at 10,000 words, 93% have a probability under 0.1), and past
// about 500 sentences a sentence has twice the candidates it has at 50
// (its words' postings grow up to maxPosting). The meaning features,
// related words above all, were most of what a scored pair cost, so they
// were what made a comparison grow faster than its input. A pair whose
// probability cannot reach the model's threshold or its Near,
// whatever its meaning features turn out to be, is dropped before they
// are computed. The bound is exact: a pair is pruned only when computing
// everything would have paired it with nothing.

// meaningRanges holds the least and greatest value meaningFeatures gives
// each feature it sets. A feature neither lexicalFeatures nor the
// candidate search sets must be listed here, or nothing is pruned (see
// newPruning); TestMeaningFeatureRanges checks every value against these.
var meaningRanges = map[int][2]float64{
	fEvent:    {0, 1},
	fRelated:  {0, 1},
	fNames:    {0, 1},
	fNameOnly: {0, 1},
	fNumbers:  {-1, 1},
	// The neighbours' Dice costs two lemma walks: hopeless is asked
	// first with it at its ceiling, then with it known.
	fNeighbours: {0, 1},
}

// knownBeforeMeaning lists the features set before pruning is decided:
// by lexicalFeatures, and the best-candidate flags the search sets.
var knownBeforeMeaning = [...]int{
	fSurface, fBigrams, fVerbatim, fPosition, fShared, fLemmaContain, fLemmaDice,
	fBestForLeft, fBestForRight, fMutualBest,
}

type featureValue struct {
	feature int
	value   float64
}

// pruneMargin keeps the bound on the safe side of the rounding in
// Model.Prob's exponential, in units of the model's log-odds.
const pruneMargin = 1e-9

// pruning decides for one model which pairs cannot pair.
type pruning struct {
	model *Model
	// ceiling holds, for each feature that is not yet known, the value
	// of its range that raises the model's probability most.
	ceiling []featureValue
	// below is the log-odds under which a pair makes neither a candidate
	// nor a near pair: below the model's threshold and its Near.
	below float64
}

// newPruning returns md's pruning, or nil when md is nil or a feature's
// range is unknown: then every pair is computed in full.
func newPruning(md *Model) *pruning {
	if md == nil {
		return nil
	}
	known := map[int]bool{}
	for _, i := range knownBeforeMeaning {
		known[i] = true
	}
	least := min(md.Threshold, md.near())
	p := &pruning{model: md, below: math.Log(least/(1-least)) - pruneMargin}
	for i := range int(NumFeatures) {
		if known[i] {
			continue
		}
		r, ok := meaningRanges[i]
		if !ok {
			return nil
		}
		v := r[0]
		if md.Weights[i] > 0 {
			v = r[1]
		}
		p.ceiling = append(p.ceiling, featureValue{i, v})
	}
	return p
}

// hopeless reports whether a pair with the known features f, judged
// against the model's threshold (not a title pair's), can make neither a
// candidate nor a near pair whatever its meaning features, and whatever
// its neighbours' Dice unless neighboursKnown says f holds it. A pair the
// surface score alone makes (a verbatim run, or sureScore) is never
// hopeless. (The neighbours' Dice is only computed where the model is
// asked, but where it is not, judge pairs nothing the pruning drops.)
func (p *pruning) hopeless(f Features, neighboursKnown bool) bool {
	if p == nil || f[fVerbatim] == 1 && f[fSurface] >= matchThreshold || f[fSurface] >= sureScore {
		return false
	}
	// Each term of Prob's sum, taken in Prob's order, is at least as
	// large with the ceiling, and floating-point addition keeps that
	// order, so z bounds the log-odds the full features would give. The
	// comparison is on log-odds, sparing an exponential per pair.
	for _, c := range p.ceiling {
		if !(neighboursKnown && c.feature == fNeighbours) {
			f[c.feature] = c.value
		}
	}
	z := p.model.Bias
	for i, w := range p.model.Weights {
		z += w * f[i]
	}
	return z < p.below
}
