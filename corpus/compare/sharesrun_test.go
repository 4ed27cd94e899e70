package compare

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSharesRun checks sharesRun against a plain search on random word
// sequences over a few words, the shorter side's runs on either side of
// maxListedRuns, so that its list and its map answer alike.
func TestSharesRun(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	seq := func(n int) []uint64 {
		s := make([]uint64, n)
		for i := range s {
			s[i] = uint64(rng.IntN(5)) * 0x9E3779B97F4A7C15
		}
		return s
	}
	plain := func(a, b []uint64, n int) bool {
		for i := 0; i+n <= len(a); i++ {
			for j := 0; j+n <= len(b); j++ {
				if slices.Equal(a[i:i+n], b[j:j+n]) {
					return true
				}
			}
		}
		return false
	}
	counts := map[bool]int{}
	for i := range 5000 {
		a, b := seq(rng.IntN(maxListedRuns+mergeRun+8)), seq(rng.IntN(60))
		if i%2 == 0 {
			a, b = b, a
		}
		want := plain(a, b, mergeRun)
		if got := sharesRun(a, b, mergeRun); got != want {
			t.Fatalf("sharesRun(%v, %v) = %v, want %v", a, b, got, want)
		}
		counts[want]++
	}
	if counts[true] == 0 || counts[false] == 0 {
		t.Fatalf("the sequences test one answer only: %v", counts)
	}
}
