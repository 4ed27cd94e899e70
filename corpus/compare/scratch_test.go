package compare

import (
	"context"
	"math"
	"reflect"
	"sync"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestPooledMatcherMatchesFresh compares pairs with matchers reused from
// the pool after comparisons of other pairs, long and short, and checks
// each result against the same pair compared with a matcher never used:
// nothing of one comparison may leak into the next.
func TestPooledMatcherMatchesFresh(t *testing.T) {
	seeds := testcorpus.Seeds(t)
	long, longEdited := syntheticPair(3000, 5)
	pairs := append(seedPairs(seeds, true), articlePair{long, longEdited}, articlePair{longEdited, seeds[0]})
	ctx := context.Background()
	for round := range 2 {
		for k, p := range pairs {
			if round == 1 {
				// The other order: each pair now follows another.
				p = pairs[len(pairs)-1-k]
			}
			fresh, err := compareFull(ctx, p.a, p.b, newMatcher(&Fitted))
			if err != nil {
				t.Fatal(err)
			}
			pooled := mustCompare(p.a, p.b)
			if !reflect.DeepEqual(fresh, pooled) {
				t.Fatalf("round %d, %s against %s: the pooled matcher's comparison differs from a fresh one's", round, p.a.ID, p.b.ID)
			}
		}
	}
}

// TestPooledResultsOutliveTheMatcher checks that a comparison holds
// nothing of the pooled matcher's reused memory: every result is kept
// while the other pairs are compared with the same pool, and only then
// checked against a fresh matcher's. A block or op carved from a slab
// would by then hold a later pair's data.
func TestPooledResultsOutliveTheMatcher(t *testing.T) {
	seeds := testcorpus.Seeds(t)
	long, longEdited := syntheticPair(3000, 7)
	pairs := append([]articlePair{{long, longEdited}}, seedPairs(seeds, true)...)
	pairs = append(pairs, articlePair{longEdited, long})
	kept := make([]*Comparison, len(pairs))
	for k, p := range pairs {
		kept[k] = mustCompare(p.a, p.b)
	}
	ctx := context.Background()
	for k, p := range pairs {
		fresh, err := compareFull(ctx, p.a, p.b, newMatcher(&Fitted))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(fresh, kept[k]) {
			t.Errorf("%s against %s: the comparison changed after other pairs were compared", p.a.ID, p.b.ID)
		}
	}
}

// TestCompareAllocations pins how much a comparison allocates: reading
// and weighing sentences carve their slices from the pooled matcher's
// slabs, and the word diffs reuse its Differ's map and buffers. Before,
// the 3,000-word pair made 8,600 allocations a comparison, and 4,750
// after; the bound leaves room for go-diff, whose allocations are its
// own. The seed pair made 1,256, and 1,032 since the near twins of lines
// are looked up in the matcher's index.
func TestCompareAllocations(t *testing.T) {
	if testing.Short() {
		t.Skip("compares a 3,000-word pair several times")
	}
	seeds := testcorpus.Seeds(t)
	long, longEdited := syntheticPair(3000, 1)
	for _, tc := range []struct {
		name  string
		a, b  *corpus.Article
		limit float64
	}{
		{"the 3,000-word pair", long, longEdited, 6000},
		{"the seed pair", seeds[3], seeds[4], 1150},
	} {
		mustCompare(tc.a, tc.b) // fill the pool
		// The least of ten runs: under the race detector sync.Pool drops
		// a quarter of what is put in it, so a run may make its matcher
		// afresh, and an average of five went past the seed pair's bound
		// (1,153) with no change to the code.
		allocs := math.Inf(1)
		for range 10 {
			allocs = min(allocs, testing.AllocsPerRun(1, func() { mustCompare(tc.a, tc.b) }))
		}
		t.Logf("%s: %.0f allocations a comparison", tc.name, allocs)
		if allocs > tc.limit {
			t.Errorf("%s made %.0f allocations a comparison, want at most %.0f", tc.name, allocs, tc.limit)
		}
	}
}

// TestCompareConcurrentPooled compares pairs in several goroutines at
// once, each in its own order, as the analysis and the server do: every
// comparison takes its own matcher from the pool, so each result must be
// the one a lone comparison gives (run with -race).
func TestCompareConcurrentPooled(t *testing.T) {
	seeds := testcorpus.Seeds(t)
	long, longEdited := syntheticPair(2000, 3)
	pairs := append([]articlePair{{long, longEdited}}, seedPairs(seeds, false)...)
	want := make([]*Comparison, len(pairs))
	for k, p := range pairs {
		want[k] = mustCompare(p.a, p.b)
	}
	const workers = 4
	errs := make(chan string, workers*len(pairs))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range pairs {
				k := (i*(w+1) + w) % len(pairs) // a different order each
				if got := mustCompare(pairs[k].a, pairs[k].b); !reflect.DeepEqual(got, want[k]) {
					errs <- pairs[k].a.ID + " against " + pairs[k].b.ID
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("%s: a comparison run beside others differs from a lone one", e)
	}
}

// articlePair is two articles to compare, a against b.
type articlePair struct{ a, b *corpus.Article }

// seedPairs pairs every seed article with every other: in both orders
// when bothOrders is set, else each pair once.
func seedPairs(seeds []*corpus.Article, bothOrders bool) []articlePair {
	var pairs []articlePair
	for i := range seeds {
		for j := range seeds {
			if j > i || (bothOrders && j < i) {
				pairs = append(pairs, articlePair{seeds[i], seeds[j]})
			}
		}
	}
	return pairs
}

// TestSlabResetZeroesWhatItKeeps fills a slab past the chunks it keeps,
// with values, and checks that a reset keeps at most maxSlabChunks chunks,
// each zeroed, so that what it hands out next is zero: the chunks it drops
// are left to the collector as they are.
func TestSlabResetZeroesWhatItKeeps(t *testing.T) {
	for _, tc := range []struct {
		name   string
		chunks int // filled, the last in part
	}{{"within the kept chunks", maxSlabChunks / 2}, {"all the kept chunks", maxSlabChunks}, {"past them", 3 * maxSlabChunks}} {
		var s slab[uint64]
		for i := 0; len(s.chunks) < tc.chunks || s.off < s.size/2; i++ {
			b := s.make(100)
			for j := range b {
				b[j] = uint64(i + 1)
			}
		}
		s.reset()
		if len(s.chunks) > maxSlabChunks {
			t.Errorf("%s: %d chunks kept, want at most %d", tc.name, len(s.chunks), maxSlabChunks)
		}
		for ci, c := range s.chunks {
			for _, x := range c {
				if x != 0 {
					t.Fatalf("%s: chunk %d keeps a value after the reset", tc.name, ci)
				}
			}
		}
		for range 2 * len(s.chunks) * s.size / 100 {
			for _, x := range s.make(100) {
				if x != 0 {
					t.Fatalf("%s: a slice made after the reset is not zero", tc.name)
				}
			}
		}
	}
}
