package archive

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestUniqueName checks uniqueName against trying every number from 2,
// with names taken beforehand (a named story "X (3)"), names that are
// another's numbered form, and many stories of one title.
func TestUniqueName(t *testing.T) {
	slow := func(name string, used map[string]bool) string {
		n := name
		for i := 2; used[n]; i++ {
			n = fmt.Sprintf("%s (%d)", name, i)
		}
		used[n] = true
		return n
	}
	titles := []string{"X", "X (2)", "X (3)", "Y", "Y (2) (2)", ""}
	rng := rand.New(rand.NewPCG(3, 4))
	for round := range 50 {
		usedFast, usedSlow, next := map[string]bool{}, map[string]bool{}, map[string]int{}
		for _, named := range []string{"X (3)", "Y", "X (7)"}[:round%4] {
			usedFast[named], usedSlow[named] = true, true
		}
		for range 300 {
			name := titles[rng.IntN(len(titles))]
			if got, want := uniqueName(name, usedFast, next), slow(name, usedSlow); got != want {
				t.Fatalf("round %d: %q named %q, want %q", round, name, got, want)
			}
		}
	}
}
