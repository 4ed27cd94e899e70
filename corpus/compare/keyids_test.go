package compare

import (
	"math/rand/v2"
	"testing"
)

// TestKeyIDs numbers keys as a map numbering them in order of first sight
// would, through growth, resets to a smaller size and the key 0.
func TestKeyIDs(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var ids keyIDs
	for round, n := range []int{0, 3, 1000, 10, 5000, 1} {
		ids.reset(n / 2) // too small: it must grow
		want := map[uint64]int32{}
		for range 2 * n {
			k := rng.Uint64() % uint64(2*n+1) // repeats, and 0
			if round%2 == 1 {
				k <<= 40 // keys that differ only in their high bits
			}
			id, added := ids.add(k)
			w, seen := want[k]
			if !seen {
				w = int32(len(want))
				want[k] = w
			}
			if id != w || added == seen {
				t.Fatalf("round %d: add(%d) = %d, %v; want %d, %v", round, k, id, added, w, !seen)
			}
		}
		for k, w := range want {
			if id, ok := ids.lookup(k); !ok || id != w {
				t.Fatalf("round %d: lookup(%d) = %d, %v; want %d", round, k, id, ok, w)
			}
			if ids.keys[w] != k {
				t.Fatalf("round %d: keys[%d] = %d, want %d", round, w, ids.keys[w], k)
			}
		}
		if _, ok := ids.lookup(uint64(2*n+1) << 41); ok {
			t.Fatalf("round %d: found a key never added", round)
		}
	}
}
