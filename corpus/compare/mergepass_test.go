package compare

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestMergeLooksAgainOnlyAtGrownGroups checks that merge, which looks
// again only at the groups its last pass grew, grows the groups exactly as
// passing over every group until none grows does, on long pairs where
// groups grow in two passes (real prose of 10,000 and 100,000 words).
func TestMergeLooksAgainOnlyAtGrownGroups(t *testing.T) {
	sents, words := realSentences(t)
	for _, n := range []int{10000, 100000} {
		t.Run(fmt.Sprintf("%dk", n/1000), func(t *testing.T) {
			if n > 10000 && testing.Short() {
				t.Skip("100k words: skipped with -short")
			}
			a, b, _ := realPair(sents, words, n, 1)
			m := newMatcher(&Fitted)
			left, right := m.unitsOf(a, true), m.unitsOf(b, true)
			m.weigh(left, right)
			cands, err := m.candidates(context.Background(), left, right)
			if err != nil {
				t.Fatal(err)
			}
			gs, err := assign(context.Background(), cands, left, right, a, b, m.takeDiffer())
			if err != nil {
				t.Fatal(err)
			}
			want := slices.Clone(gs)
			passes := mergeEveryGroup(m, want, left, right, a, b)
			m.merge(gs, left, right, a, b)
			if passes < 2 {
				t.Fatalf("groups grew in %d passes: the pair no longer tests looking again", passes)
			}
			for gi := range gs {
				if gs[gi].l != want[gi].l || gs[gi].r != want[gi].r {
					t.Fatalf("group %d is %v~%v, passing over every group makes it %v~%v", gi, gs[gi].l, gs[gi].r, want[gi].l, want[gi].r)
				}
			}
		})
	}
}

// mergeEveryGroup is merge as it was: each pass looks at every group,
// until a pass grows none. It returns the passes that grew a group.
func mergeEveryGroup(m *matcher, gs []group, left, right []unit, la, ra *corpus.Article) (grew int) {
	mg := newMerging(m, gs, left, right, la, ra)
	for changed := true; changed; {
		changed = false
		for gi := range gs {
			if mg.grow(gi) {
				changed = true
			}
		}
		if changed {
			grew++
		}
	}
	return grew
}
