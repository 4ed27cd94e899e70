package compare

import (
	"fmt"
	"testing"
)

// TestSearchFindsThroughRareLemmas checks the bound search.find keeps on
// what a sentence of a long article is scored against: every right class
// it keeps shares with the sentence a lemma at most commonFloor sentences
// carry, a verbatim run, or all its words. The lemmas carried by more,
// up to the postings' bound that grows with the articles, only weigh.
// Before the bound, a 10,000-word pair's sentences were scored against
// classes found by a word dozens of sentences carry.
func TestSearchFindsThroughRareLemmas(t *testing.T) {
	for _, words := range []int{1000, 10000, 30000} {
		t.Run(fmt.Sprintf("%dk", words/1000), func(t *testing.T) {
			a, b := syntheticPair(words, 3)
			m := newMatcher(&Fitted)
			left, right := m.unitsOf(a, true), m.unitsOf(b, true)
			m.weigh(left, right)
			lmembers, rmembers := m.classes(left), m.classes(right)
			s := m.newSearch(left, right, rmembers)
			scored := 0
			for _, lms := range lmembers {
				u := &left[lms[0]]
				twin, hasTwin := s.find(u)
				for _, rc := range s.touched {
					v := &right[rmembers[rc][0]]
					if hasTwin && rc == twin || s.verbatim[rc] {
						continue
					}
					if !sharesRareLemma(u, v, m.ldf, s.floor) {
						t.Fatalf("left sentence %d found right sentence %d, sharing no lemma of at most %d sentences and no run of %d words",
							lms[0], rmembers[rc][0], s.floor, runLen)
					}
					if s.mass[rc]+s.wide[rc] <= 0 {
						t.Fatalf("right sentence %d found with no shared weight", rmembers[rc][0])
					}
				}
				if len(s.touched) > maxScored {
					t.Fatalf("left sentence %d keeps %d classes, more than maxScored", lms[0], len(s.touched))
				}
				scored += len(s.touched)
				s.reset()
			}
			if scored == 0 {
				t.Fatal("no sentence found any class: the check above checked nothing")
			}
		})
	}
}

// sharesRareLemma reports whether u and v share a lemma that at most
// floor sentences carry, by ldf.
func sharesRareLemma(u, v *unit, ldf []int32, floor int32) bool {
	for _, x := range u.lids {
		if ldf[x] > floor {
			continue
		}
		for _, y := range v.lids {
			if x == y {
				return true
			}
		}
	}
	return false
}
