package compare

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus/internal/sorted"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestLemmaWeightsMatchMerges checks the lookups the candidate search
// makes against the sorted merges they replace, to the bit: the lemma
// weight and count every left unit of two seed articles shares with every
// right unit, and every pair's neighbours' Dice, with the held units
// changing in article order as the search changes them, and back.
func TestLemmaWeightsMatchMerges(t *testing.T) {
	as := testcorpus.Seeds(t)
	m := newMatcher(nil)
	left, right := m.unitsOf(as[3], true), m.unitsOf(as[4], true)
	m.weigh(left, right)
	self, around := m.newLemmaWeights(len(m.ldf)), m.newNeighbourWeights(len(m.ldf))
	order := make([]int, 0, 2*len(left))
	for li := range left {
		order = append(order, li)
	}
	for li := len(left) - 1; li >= 0; li -= 3 {
		order = append(order, li)
	}
	for _, li := range order {
		u := &left[li]
		self.hold(u)
		around.at(left, li)
		for ri := range right {
			v := &right[ri]
			wantSum, wantN := sorted.WeightShared(u.lemmas, u.lidfs, v.lemmas)
			if sum, n := self.shared(v); sum != wantSum || n != wantN {
				t.Fatalf("left %d, right %d: shared %v of %d lemmas, want %v of %d", li, ri, sum, n, wantSum, wantN)
			}
			if got, want := around.dice(right, ri), neighbourDice(left, right, li, ri); got != want {
				t.Fatalf("left %d, right %d: neighbours' Dice %v, want %v", li, ri, got, want)
			}
		}
	}
}
