package compare

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestKeepBestMatchesSort checks keepBest's selection against sorting
// every touched class by the same ranking and keeping the first limit
// (maxScored, or maxFitted when the model's rows are collected): the same classes in the same order, with their marks, and
// nothing left marked for the others. Masses repeat so that ties must
// break by class.
func TestKeepBestMatchesSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 13))
	for trial := range 500 {
		classes := 1 + rng.IntN(300)
		limit := []int{maxScored, maxFitted}[trial%2]
		s := &search{limit: limit, mass: make([]float64, classes), wide: make([]float64, classes), seen: make([]bool, classes), verbatim: make([]bool, classes)}
		for _, rc := range rng.Perm(classes)[:rng.IntN(classes+1)] {
			s.touched = append(s.touched, int32(rc))
			s.seen[rc] = true
			s.mass[rc] = float64(rng.IntN(6)) / 4
			s.wide[rc] = float64(rng.IntN(3)) / 4
			s.verbatim[rc] = rng.IntN(8) == 0
		}
		twin, hasTwin := int32(-1), len(s.touched) > 0 && rng.IntN(2) == 0
		if hasTwin {
			twin = s.touched[rng.IntN(len(s.touched))]
		}
		rank := func(rc int32) float64 {
			switch {
			case hasTwin && rc == twin:
				return math.Inf(1)
			case s.verbatim[rc]:
				return 1e9 + s.mass[rc]
			}
			return s.mass[rc]
		}
		want := slices.Clone(s.touched) // find's order, when no more than limit
		if len(want) > limit {
			slices.SortFunc(want, func(x, y int32) int {
				if c := cmp.Compare(rank(y), rank(x)); c != 0 {
					return c
				}
				return cmp.Compare(x, y)
			})
			want = want[:limit]
		}
		type marks struct {
			mass, wide float64
			verbatim   bool
		}
		wantMarks := map[int32]marks{}
		for _, rc := range want {
			wantMarks[rc] = marks{s.mass[rc], s.wide[rc], s.verbatim[rc]}
		}

		if len(s.touched) > limit {
			s.keepBest(twin, hasTwin)
		}
		if !slices.Equal(s.touched, want) {
			t.Fatalf("trial %d: kept %v, want %v", trial, s.touched, want)
		}
		for rc := range int32(classes) {
			m, kept := wantMarks[rc]
			if s.seen[rc] != kept || s.mass[rc] != m.mass || s.wide[rc] != m.wide || s.verbatim[rc] != m.verbatim {
				t.Fatalf("trial %d: class %d marked seen=%v mass=%v wide=%v verbatim=%v, want kept=%v %+v",
					trial, rc, s.seen[rc], s.mass[rc], s.wide[rc], s.verbatim[rc], kept, m)
			}
		}
	}
}
