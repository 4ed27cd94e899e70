package story

import (
	"math"
	"math/bits"
)

// Signatures: the key terms and the MinHash signatures of each document,
// and the LSH band keys that propose candidate pairs.

// topTerms keeps the groupKeyTerms heaviest terms added, heaviest first.
// Ties go to the smaller hash, so the choice does not depend on input order.
type topTerms struct {
	n    int
	wt   [groupKeyTerms]float32
	hash [groupKeyTerms]uint64
	term [groupKeyTerms]int32
}

func (k *topTerms) add(w float32, h uint64, t int32) {
	i := k.n
	for i > 0 && (k.wt[i-1] < w || k.wt[i-1] == w && k.hash[i-1] > h) {
		i--
	}
	if i == groupKeyTerms {
		return
	}
	end := min(k.n, groupKeyTerms-1)
	copy(k.wt[i+1:end+1], k.wt[i:end])
	copy(k.hash[i+1:end+1], k.hash[i:end])
	copy(k.term[i+1:end+1], k.term[i:end])
	k.wt[i], k.hash[i], k.term[i] = w, h, t
	k.n = end + 1
}

// minhashPermutation is one hash function x ↦ a·x+b (mod 2⁶⁴) of the
// MinHash family.
type minhashPermutation struct{ a, b uint64 }

func minhashPermutations(k int) []minhashPermutation {
	perms := make([]minhashPermutation, k)
	s := uint64(groupSeed)
	for i := range perms {
		s += 0x9e3779b97f4a7c15
		perms[i].a = mix64(s) | 1
		s += 0x9e3779b97f4a7c15
		perms[i].b = mix64(s)
	}
	return perms
}

// minHash fills sig with the classic MinHash of elems: for each
// permutation, the least image of any element. It suits small sets such as
// key terms, where hashing every element len(sig) times is cheap.
func minHash(sig []uint64, elems []uint64, perms []minhashPermutation) {
	for j := range sig {
		sig[j] = math.MaxUint64
	}
	for _, x := range elems {
		for j, p := range perms[:len(sig)] {
			if h := p.a*x + p.b; h < sig[j] {
				sig[j] = h
			}
		}
	}
}

// oneHash fills sig, whose length must be a power of two, with a
// one-permutation MinHash of the non-empty set elems: one hash of each
// element picks a bin and a value, each bin keeps its least value, and an
// empty bin borrows the value of the nearest non-empty bin to its right,
// mixed with the distance (densification by rotation). Its cost is linear in
// the size of the set, which matters for shingle sets of hundreds.
func oneHash(sig []uint64, elems []uint32) {
	k := uint64(len(sig))
	shift := 64 - bits.TrailingZeros64(k)
	const empty = math.MaxUint64
	for j := range sig {
		sig[j] = empty
	}
	for _, s := range elems {
		h := mix64(uint64(s) ^ groupSeed)
		bin, v := h>>shift, h&(1<<shift-1)
		sig[bin] = min(sig[bin], v)
	}
	// Own values are below 1<<shift, borrowed ones at or above it.
	for j := range sig {
		if sig[j] != empty {
			continue
		}
		for d := uint64(1); d < k; d++ {
			if v := sig[(uint64(j)+d)&(k-1)]; v < 1<<shift {
				sig[j] = 1<<shift | mix64(v+d)>>(64-shift+1)
				break
			}
		}
	}
}

// bandKeys hashes each run of rows signature values into one bucket key.
func bandKeys(keys, sig []uint64, rows int) {
	for b := range keys {
		h := uint64(groupSeed) + uint64(b)
		for _, v := range sig[b*rows : (b+1)*rows] {
			h = mix64(h ^ v)
		}
		keys[b] = h
	}
}
