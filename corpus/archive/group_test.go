package archive

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
)

// TestPostingsWalkSideBySide checks that walking the keys' lists side by
// side finds what walking them one after another finds: for each key, its
// newest groupPerKey postings, and how many they are.
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
		wantTaken := make([]int32, len(keys))
		for i, k := range keys {
			p, ok := g.head[k]
			for n := 0; ok && p >= 0 && n < groupPerKey; n++ {
				want[g.posts[p].id] += voteOf(k)
				wantTaken[i]++
				p = g.posts[p].next
			}
		}
		got := map[int64]int{}
		found, taken := g.postings(keys, nil, nil)
		for _, f := range found {
			got[f.id] += int(f.n)
		}
		if !slices.Equal(taken, wantTaken) {
			t.Fatalf("trial %d: postings taken by key %v, want %v", trial, taken, wantTaken)
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

// TestGatherTakesPerKeyInAll: a key yields at most groupPerKey articles,
// this run's and the store's together, the newest first, as a run that
// grouped every article itself would find them. Grouping the rest of a
// first build that was stopped took groupPerKey from the store besides
// this run's, and grouped it otherwise than the build would have.
func TestGatherTakesPerKeyInAll(t *testing.T) {
	ctx := context.Background()
	s := mustOpenSQLite(t, filepath.Join(t.TempDir(), "index.db"))
	const stored, local = 60, 20
	const shared, own = keyTerm | 1, keyTerm | 2 // every article's; only the stored ones'
	var recs []Record
	for i := range stored + local {
		recs = append(recs, rec(fmt.Sprintf("%03d.txt", i), "text"))
	}
	if err := s.Put(ctx, recs); err != nil {
		t.Fatal(err)
	}
	es, err := s.Entries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The first are grouped and in the store, the rest grouped in this
	// run, later.
	var gs []Grouping
	for _, e := range es[:stored] {
		gs = append(gs, Grouping{ID: e.ID, Group: e.ID, Keys: []uint64{shared, own}})
	}
	if err := s.SetGroups(ctx, gs, nil); err != nil {
		t.Fatal(err)
	}
	g := newGrouper(s, &weights{df: map[uint32]int32{}}, map[int64]int{})
	for _, e := range es[stored:] {
		g.local[e.ID] = &Signature{ID: e.ID, Group: e.ID}
		next, ok := g.head[shared]
		if !ok {
			next = -1
		}
		g.head[shared] = int32(len(g.posts))
		g.posts = append(g.posts, posting{id: e.ID, next: next})
	}
	for _, tt := range []struct {
		key  uint64
		want []Entry // the articles found, newest first
	}{
		{shared, append(slices.Clone(es[stored:]), es[stored-(groupPerKey-local):stored]...)},
		{own, es[stored-groupPerKey : stored]},
	} {
		if err := g.gather(ctx, []uint64{tt.key}, true); err != nil {
			t.Fatal(err)
		}
		got := slices.Sorted(slices.Values(g.votes.ids))
		var want []int64
		for _, e := range tt.want {
			want = append(want, e.ID)
		}
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("key %x: %d articles found %v, want the %d newest %v", tt.key, len(got), got, len(want), want)
		}
	}
}
