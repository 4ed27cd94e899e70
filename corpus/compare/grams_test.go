package compare

import (
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestClassIndex checks the index against a map of lists built the same
// way: classes in increasing order, a class added twice for a key kept
// once, through growth from a table sized too small (and past bigTable),
// resets to a smaller size on the same memory, trims, and keys that
// differ only in their high bits or are 0; the last round is sized for
// its keys past bigTable.
func TestClassIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	var x classIndex
	sizes := []int{0, 3, 1000, 10, 5000, 1, 300, 300_000, 300_000}
	for round, n := range sizes {
		if round < len(sizes)-1 {
			x.reset(n / 4) // too small: it must grow
		} else {
			x.reset(n)
		}
		if round == 4 {
			x.trim()
		}
		want := map[uint64][]int32{}
		for rc := range int32(n) {
			for range 1 + rng.IntN(4) {
				k := rng.Uint64() % uint64(n+1) // repeats, and 0
				if round%2 == 1 {
					k <<= 40
				}
				x.add(k, rc)
				if cs := want[k]; len(cs) == 0 || cs[len(cs)-1] != rc {
					want[k] = append(cs, rc)
				}
			}
		}
		if x.empty() != (len(want) == 0) {
			t.Fatalf("round %d: empty() = %v with %d keys", round, x.empty(), len(want))
		}
		for k, cs := range want {
			if got := x.count(k); got != len(cs) {
				t.Fatalf("round %d: count(%d) = %d, want %d", round, k, got, len(cs))
			}
			if got := slices.Collect(x.classes(k, len(cs))); !slices.Equal(got, cs) {
				t.Fatalf("round %d: classes(%d) = %v, want %v", round, k, got, cs)
			}
			if got := slices.Collect(x.classes(k, len(cs)-1)); len(got) != 0 {
				t.Fatalf("round %d: classes(%d) under a limit of %d = %v, want none", round, k, len(cs)-1, got)
			}
			if len(cs) > 1 {
				// Stopping early yields the first classes only.
				var first []int32
				for c := range x.classes(k, len(cs)) {
					first = append(first, c)
					if len(first) == 2 {
						break
					}
				}
				if !slices.Equal(first, cs[:2]) {
					t.Fatalf("round %d: the first two classes of %d are %v, want %v", round, k, first, cs[:2])
				}
			}
		}
		if k := uint64(n+1) << 41; x.count(k) != 0 {
			t.Fatalf("round %d: found a key never added", round)
		}
	}
}

// TestClassIndexAddUpTo checks that addUpTo keeps the first limit
// classes of a key, as counting them and adding under the limit did, and
// that a key it stops at is still found.
func TestClassIndexAddUpTo(t *testing.T) {
	for _, limit := range []int32{1, 2, 3} {
		var x classIndex
		x.reset(4)
		for rc := range int32(6) {
			x.addUpTo(7, rc, limit)
			x.addUpTo(7, rc, limit) // a class twice is kept once
			x.addUpTo(uint64(100+rc), rc, limit)
		}
		want := make([]int32, limit)
		for i := range want {
			want[i] = int32(i)
		}
		if got := slices.Collect(x.classes(7, int(limit))); !slices.Equal(got, want) {
			t.Errorf("limit %d: classes(7) = %v, want %v", limit, got, want)
		}
		for rc := range int32(6) {
			if got := slices.Collect(x.classes(uint64(100+rc), 1)); !slices.Equal(got, []int32{rc}) {
				t.Errorf("limit %d: classes(%d) = %v, want [%d]", limit, 100+rc, got, rc)
			}
		}
	}
}

// TestNearKeyCount checks that nearKeyCount counts the keys nearKeys
// gives, for every length of line.
func TestNearKeyCount(t *testing.T) {
	for n := range maxNearWords + 3 {
		ws := make([]uint64, n)
		for i := range ws {
			ws[i] = uint64(i + 1)
		}
		calls := 0
		nearKeys(ws, func(uint64) { calls++ })
		if got := nearKeyCount(n); got != calls {
			t.Errorf("nearKeyCount(%d) = %d, nearKeys gives %d", n, got, calls)
		}
	}
}

// TestClassIndexSize bounds the memory of a large index, the verbatim
// runs of a 5 MiB article of prose (about 850,000 a side): a table at
// most half full, a power of two long, took 32 MB where a Go map had
// taken 18, and comparing such an article with itself peaked at 260.6
// MiB of heap, past the 256 MiB of issue 13; kept three quarters full, it
// peaks at 243.1 MiB (246.7 with the maps).
func TestClassIndexSize(t *testing.T) {
	const runs = 850_000
	var x classIndex
	x.reset(runs)
	for k := range uint64(runs) {
		x.add(k*0x9E3779B97F4A7C15, int32(k/16))
	}
	perKey := float64(len(x.slots)) * float64(unsafe.Sizeof(classSlot{})) / runs
	if perKey > 22 {
		t.Errorf("an index of %d keys takes %.1f bytes a key, want at most 22", runs, perKey)
	}
}

// TestKeyBuffersMatchTheirIterators checks that the keys the candidate
// search gathers a sentence at a time, to read their table slots together,
// are the keys, in the order, that hashing each runLen-word run and
// nearKeys give: every length of sentence around runLen and up to past
// maxNearWords, with a word repeated.
func TestKeyBuffersMatchTheirIterators(t *testing.T) {
	var m matcher
	for n := range maxNearWords + 3 {
		ws := make([]uint64, n)
		for i := range ws {
			ws[i] = uint64(i%5+1) * 0x9E3779B97F4A7C15
		}
		f := &features{words: ws}
		var grams, near []uint64
		for i := 0; i+runLen <= n; i++ {
			grams = append(grams, corpus.HashWords(ws[i:i+runLen]))
		}
		nearKeys(ws, func(h uint64) { near = append(near, h) })
		if got := f.appendGramHashes([]uint64{42}); !slices.Equal(got[1:], grams) || got[0] != 42 {
			t.Errorf("%d words: appendGramHashes appends %v, the runs hash to %v", n, got, grams)
		}
		if got := m.nearKeysOf(ws); !slices.Equal(got, near) {
			t.Errorf("%d words: nearKeysOf gives %v, nearKeys %v", n, got, near)
		}
	}
}

// TestClassIndexTakeLeavesNothing: the index that gives its table away
// finds nothing after, and the one that takes it holds the larger memory
// and indexes as a new one would.
func TestClassIndexTakeLeavesNothing(t *testing.T) {
	for _, tc := range []struct {
		name  string
		sizes [2]int
	}{
		{"the giver larger", [2]int{10, 1000}},
		{"the taker larger", [2]int{1000, 10}},
	} {
		var x, y classIndex
		x.reset(tc.sizes[0])
		y.reset(tc.sizes[1])
		for k := range uint64(tc.sizes[1]) {
			y.add(k*7919+1, int32(k))
		}
		want := max(cap(x.slots), cap(y.slots))
		x.take(&y)
		if cap(x.slots) != want {
			t.Errorf("%s: the taker holds %d slots, want %d", tc.name, cap(x.slots), want)
		}
		if !y.empty() || y.count(1) != 0 {
			t.Errorf("%s: the giver still finds a key", tc.name)
		}
		x.reset(3)
		x.add(42, 1)
		x.add(42, 2)
		if x.count(42) != 2 || x.count(1) != 0 {
			t.Errorf("%s: after taking, the index counts %d and %d classes, want 2 and 0", tc.name, x.count(42), x.count(1))
		}
	}
}
