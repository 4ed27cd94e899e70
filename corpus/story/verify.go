package story

import (
	"math"
	"math/bits"
	"sync"
)

// Verification: each candidate pair's exact similarity, from shared key
// terms and shingles.

// pairOverlap is what two documents have in common.
type pairOverlap struct {
	dot, mass float64 // TF-IDF dot product; IDF mass of the shared terms
	shared    int     // shared terms
	shingles  int     // shared shingles
}

func (o *pairOverlap) add(wa, wb, idf float32) {
	o.dot += float64(wa) * float64(wb)
	o.mass += float64(idf)
	o.shared++
}

// score turns the overlap of documents i and j into their similarity.
func (g *grouper) score(i, j int32, o pairOverlap) float64 {
	if o.shared < groupMinShared {
		return 0
	}
	cos := o.dot / (g.norm[i] * g.norm[j])
	cont := o.mass / min(g.mass[i], g.mass[j])
	s := math.Pow(cos, groupCosineShare) * math.Pow(cont, 1-groupCosineShare)
	if o.shingles > 0 {
		fewer := min(len(g.shinglesOf(i)), len(g.shinglesOf(j)))
		s += groupShingleWeight * float64(o.shingles) / float64(fewer)
	}
	return s
}

func (g *grouper) termsOf(i int32) ([]int32, []float32) { return g.terms[i], g.wts[i] }

func (g *grouper) shinglesOf(i int32) []uint32 { return g.shs[i] }

// pairVerifier computes the similarity of one document with many others
// faster than similarity does pair by pair: the document's weights are scattered
// into an array indexed by term and its shingles into a small hash set, so
// each other document costs one pass over its own lists.
type pairVerifier struct {
	g     *grouper
	doc   int32
	wt    []float32 // by term: its weight in doc, where mark is doc+1
	mark  []int32
	table []uint32 // open-addressing set of doc's shingles; 0 is a free slot
	zero  bool     // whether doc has the shingle 0
	shift uint
}

func newPairVerifier(g *grouper) *pairVerifier {
	terms := len(g.idf)
	return &pairVerifier{g: g, doc: -1, wt: make([]float32, terms), mark: make([]int32, terms)}
}

func (v *pairVerifier) load(i int32) {
	v.doc = i
	ts, ws := v.g.termsOf(i)
	for k, t := range ts {
		v.wt[t], v.mark[t] = ws[k], i+1
	}
	shs := v.g.shinglesOf(i)
	size := 1 << bits.Len(uint(2*len(shs)))
	v.shift = uint(32 - bits.TrailingZeros(uint(size)))
	if cap(v.table) < size {
		v.table = make([]uint32, size)
	}
	v.table = v.table[:size]
	clear(v.table)
	v.zero = false
	for _, s := range shs {
		if s == 0 {
			v.zero = true
			continue
		}
		h := (s * 0x9e3779b1) >> v.shift
		for v.table[h] != 0 {
			h = (h + 1) & uint32(size-1)
		}
		v.table[h] = s
	}
}

func (v *pairVerifier) has(s uint32) bool {
	if s == 0 {
		return v.zero
	}
	for h := (s * 0x9e3779b1) >> v.shift; ; h = (h + 1) & uint32(len(v.table)-1) {
		switch v.table[h] {
		case s:
			return true
		case 0:
			return false
		}
	}
}

// similarity returns the similarity of the loaded document with j. It
// equals g.similarity(doc, j) exactly: the shared terms are summed in the
// same order.
func (v *pairVerifier) similarity(j int32) float64 {
	g := v.g
	var o pairOverlap
	tb, wb := g.termsOf(j)
	for y, t := range tb {
		if v.mark[t] == v.doc+1 {
			o.add(v.wt[t], wb[y], g.idf[t])
		}
	}
	if o.shared < groupMinShared {
		return 0
	}
	for _, s := range g.shinglesOf(j) {
		if v.has(s) {
			o.shingles++
		}
	}
	return g.score(v.doc, j, o)
}

// verify returns the similarity of every candidate pair, computed in
// parallel over runs of pairs, each run whole runs of one first document.
func (g *grouper) verify(pairs []uint64) []float64 {
	scores := make([]float64, len(pairs))
	var bounds []int
	for s := 0; s < len(pairs); {
		bounds = append(bounds, s)
		e := min(s+groupChunk, len(pairs))
		for e < len(pairs) && pairs[e]>>32 == pairs[e-1]>>32 {
			e++
		}
		s = e
	}
	bounds = append(bounds, len(pairs))
	verifiers := sync.Pool{New: func() any { return newPairVerifier(g) }}
	forEachParallel(len(bounds)-1, func(r int) {
		v := verifiers.Get().(*pairVerifier)
		for k := bounds[r]; k < bounds[r+1]; k++ {
			if i := int32(pairs[k] >> 32); i != v.doc {
				v.load(i)
			}
			scores[k] = v.similarity(int32(pairs[k]))
		}
		verifiers.Put(v)
	})
	return scores
}
