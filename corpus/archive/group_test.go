package archive

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPostingsWalkSideBySide checks that walking the keys' lists side by
// side finds what walking them one after another finds: for each key, its
// newest groupPerKey postings.
func TestPostingsWalkSideBySide(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 9))
	g := newGrouper(nil, &weights{df: map[uint32]int32{}}, map[int64]int{})
	// Keys shared by few articles and by many, past groupPerKey.
	var all []uint64
	for i := range 60 {
		all = append(all, keyTerm|uint64(i), keyShingle|uint64(i))
	}
	for id := int64(1); id <= 400; id++ {
		for _, k := range all {
			if rng.IntN(1+int(k&0xff)) == 0 {
				next, ok := g.head[k]
				if !ok {
					next = -1
				}
				g.head[k] = int32(len(g.posts))
				g.posts = append(g.posts, posting{id: id, next: next})
			}
		}
	}
	for trial := range 50 {
		keys := slices.Clone(all[:rng.IntN(len(all))])
		rng.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
		keys = append(keys, keyTerm|999) // filed under by nothing
		want := map[int64]int{}
		for _, k := range keys {
			p, ok := g.head[k]
			for n := 0; ok && p >= 0 && n < groupPerKey; n++ {
				want[g.posts[p].id] += voteOf(k)
				p = g.posts[p].next
			}
		}
		got := map[int64]int{}
		for _, f := range g.postings(keys, nil) {
			got[f.id] += int(f.n)
		}
		if len(got) != len(want) {
			t.Fatalf("trial %d: %d articles found, want %d", trial, len(got), len(want))
		}
		for id, n := range want {
			if got[id] != n {
				t.Fatalf("trial %d: article %d has %d votes, want %d", trial, id, got[id], n)
			}
		}
	}
}

// TestTallyPastDense checks that a tally counts ids past its slice, and
// that a reset forgets every count.
func TestTallyPastDense(t *testing.T) {
	var v tally
	ids := []int64{5, tallyDense + 3, 1, 5, tallyDense + 3, 1 << 40, 0}
	for _, id := range ids {
		v.add(id, 2)
	}
	want := map[int64]int{5: 4, tallyDense + 3: 4, 1: 2, 1 << 40: 2, 0: 2}
	if len(v.ids) != len(want) {
		t.Fatalf("ids %v, want %d of them", v.ids, len(want))
	}
	for id, n := range want {
		if v.get(id) != n {
			t.Errorf("get(%d) = %d, want %d", id, v.get(id), n)
		}
	}
	v.reset()
	for id := range want {
		if v.get(id) != 0 {
			t.Errorf("after reset, get(%d) = %d", id, v.get(id))
		}
	}
	if len(v.ids) != 0 {
		t.Errorf("after reset, ids %v", v.ids)
	}
}
