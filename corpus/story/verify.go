package story

import (
	"math"
	"math/bits"
	"sync"

	"github.com/newsdiff/newsdiff/corpus/internal/sorted"
)

// Verification: each candidate pair's exact similarity, from shared key
// terms and shingles.

// Overlap is what two documents have in common, as the verification score
// reads it. An index that groups one article at a time (corpus/archive)
// gathers it from its own stored terms and scores it with Score, so that it
// groups exactly as GroupArticles does.
type Overlap struct {
	Dot, Mass float64 // TF-IDF dot product; IDF mass of the shared terms
	Shared    int     // shared terms
	// OwnA and OwnB count the shared terms among the OwnTerms heaviest
	// of each document.
	OwnA, OwnB int
	Shingles   int // shared shingles
}

// Add counts one shared term, with its TF-IDF weight in each document and
// its IDF.
func (o *Overlap) Add(wa, wb, idf float32) {
	o.Dot += float64(wa) * float64(wb)
	o.Mass += float64(idf)
	o.Shared++
}

// Score is the verification score of two documents that overlap as o,
// given each one's TF-IDF norm, IDF mass and number of shingles:
//
//	cos^c · cont^(1-c) + w · shingles
//
// where cos is the cosine of their TF-IDF vectors, cont is the IDF mass of
// the content words they share as a fraction of the smaller of their
// masses, shingles is the fraction of the smaller shingle set found in the
// other, c is groupCosineShare and w is groupShingleWeight. It is 0 when
// they share fewer than groupMinShared content words, or when either finds
// fewer than groupMinOwnShared of its OwnTerms heaviest terms in the other
// (o.OwnA, o.OwnB).
func Score(o Overlap, normA, normB, massA, massB float64, shinglesA, shinglesB int) float64 {
	if o.Shared < groupMinShared || min(o.OwnA, o.OwnB) < groupMinOwnShared || normA == 0 || normB == 0 {
		return 0
	}
	cos := o.Dot / (normA * normB)
	cont := o.Mass / min(massA, massB)
	s := math.Pow(cos, groupCosineShare) * math.Pow(cont, 1-groupCosineShare)
	if o.Shingles > 0 {
		s += groupShingleWeight * float64(o.Shingles) / float64(min(shinglesA, shinglesB))
	}
	return s
}

// Linked reports whether a verification score puts two documents in one
// story (see groupThreshold).
func Linked(score float64) bool { return score >= groupThreshold }

// score turns the overlap of documents i and j into their similarity.
func (g *grouper) score(i, j int32, o Overlap) float64 {
	return Score(o, g.norm[i], g.norm[j], g.mass[i], g.mass[j], len(g.shinglesOf(i)), len(g.shinglesOf(j)))
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
	var o Overlap
	tb, wb := g.termsOf(j)
	for y, t := range tb {
		if v.mark[t] == v.doc+1 {
			o.Add(v.wt[t], wb[y], g.idf[t])
		}
	}
	if o.Shared < groupMinShared {
		return 0
	}
	o.OwnA = sorted.CountFew(g.keys[v.doc], tb)
	for _, t := range g.keys[j] {
		if v.mark[t] == v.doc+1 {
			o.OwnB++
		}
	}
	for _, s := range g.shinglesOf(j) {
		if v.has(s) {
			o.Shingles++
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
