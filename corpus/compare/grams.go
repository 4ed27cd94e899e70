package compare

import (
	"iter"
	"math"
	"math/bits"

	"github.com/newsdiff/newsdiff/corpus"
)

// Verbatim runs: the hashes of each runLen-word run of a sentence, and the
// index from a run to the right sentence classes that hold it. Both are
// kept small because a 5 MiB article has a run at almost every word
// (issue 13: a comparison of two such articles within 256 MiB).

// appendGramHashes appends to hs the hash of each runLen-word run of f's
// words, in order. They are computed when asked rather than stored:
// candidates reads them once for the right side's index and twice for the
// left, and stored they took eight bytes a word of each article for the
// whole comparison.
func (f *features) appendGramHashes(hs []uint64) []uint64 {
	for i := 0; i+runLen <= len(f.words); i++ {
		hs = append(hs, corpus.HashWords(f.words[i:i+runLen]))
	}
	return hs
}

// gramCount is how many runs appendGramHashes appends for f.
func (f *features) gramCount() int { return max(0, len(f.words)-runLen+1) }

// classIndex maps a key (a verbatim run's hash, a near key) to the right
// classes holding it, in class order. It is an open-addressing table, as
// keyIDs is, of the key, how many classes hold it and the first of them:
// most keys are held by one class, and their lookup reads one slot. The
// classes of a key held by more are linked, from the last back, in one
// slice. A Go map of first classes, and another of the lists of more, cost
// a tenth of a 100,000-word comparison in lookups that missed the cache,
// each about twice (the map's control word, then its slot), and grew 24×
// from 1,000 to 10,000 words; built afresh for each long comparison, the
// maps also grew by rehashing as the classes went in.
type classIndex struct {
	slots []classSlot // at most half full, or three quarters past bigTable
	keys  int         // keys held
	links []classLink
	// spare is the memory of the table before the last growth, which
	// the next growth makes its table.
	spare []classSlot
	// warmed sums what warm read, so that the reads are not dropped.
	warmed int32
}

type classSlot struct {
	key uint64
	n   int32 // classes holding key; 0 for an empty slot
	// at is the class when n is 1, else the index in links of the last.
	at int32
}

// classLink is a class of a key held by more than one, and the index in
// links of the class before it, -1 for the first.
type classLink struct {
	class, prev int32
}

// bigTable is the most slots a table keeps at most half full. Past it, a
// table is kept three quarters full, which makes a lookup of a key it
// lacks probe about four times as many slots: at half full, the runs of
// two 5 MiB articles of prose (850,000 a side) took a table of 32 MB
// where a Go map had taken 18, and the comparison's heap peaked past
// 256 MiB (issue 13).
const bigTable = 1 << 19

// full reports whether a table of size slots holding keys keys is as
// full as it may be.
func full(keys, size int) bool {
	if size <= bigTable {
		return 2*keys > size
	}
	return 4*keys > 3*size
}

// reset empties x, with room for n keys before it grows; it reuses x's
// memory when that is large enough, clearing only what n keys need.
func (x *classIndex) reset(n int) {
	size := max(16, 2*n)
	if size > bigTable {
		size = max(bigTable+1, n+n/3+1)
	}
	x.setSize(size)
	x.links = x.links[:0]
}

func (x *classIndex) setSize(size int) {
	x.slots = resized(x.slots, size)
	x.keys = 0
}

// take gives x the memory of y's table when it is the larger, and y
// x's, emptying y. The candidate search's first pass is the last to read
// the runs' table (m.grams), and the near twins' index is made after it:
// at 100,000 words a side, both tables outgrow what a matcher keeps
// between comparisons, and each was a fresh allocation of megabytes,
// cleared, a comparison.
func (x *classIndex) take(y *classIndex) {
	if cap(y.slots) > cap(x.slots) {
		x.slots, y.slots = y.slots, x.slots
	}
	y.slots, y.keys, y.links = y.slots[:0], 0, y.links[:0]
}

// trim empties x for the next comparison, dropping its memory when it
// grew past maxKeptBufBytes, as keptBuf does.
func (x *classIndex) trim() {
	x.slots, x.links, x.spare = keptBuf(x.slots), keptBuf(x.links), keptBuf(x.spare)
	x.keys = 0
}

// empty reports whether x holds no key.
func (x *classIndex) empty() bool { return x.keys == 0 }

// slot returns where the probe for key starts: the key, mixed, scaled to
// the table's length (which need not be a power of two).
func (x *classIndex) slot(key uint64) int {
	hi, _ := bits.Mul64(key*0x9E3779B97F4A7C15, uint64(len(x.slots)))
	return int(hi)
}

// add notes that class rc holds key. Classes must come in increasing
// order; a class added twice for one key is kept once.
func (x *classIndex) add(key uint64, rc int32) { x.addUpTo(key, rc, math.MaxInt32) }

// addUpTo is add, unless limit classes hold key already: then key keeps
// them. It probes the table once, where counting the classes first and
// adding after probed it twice.
func (x *classIndex) addUpTo(key uint64, rc, limit int32) {
	if full(x.keys+1, len(x.slots)) {
		x.grow()
	}
	for i := x.slot(key); ; i = x.next(i) {
		s := &x.slots[i]
		switch {
		case s.n == 0:
			*s = classSlot{key: key, n: 1, at: rc}
			x.keys++
			return
		case s.key != key:
			continue
		case s.n >= limit:
			return
		case s.n == 1:
			if s.at == rc {
				return
			}
			first := int32(len(x.links))
			x.links = append(x.links, classLink{class: s.at, prev: -1}, classLink{class: rc, prev: first})
			s.at = first + 1
		default:
			if x.links[s.at].class == rc {
				return
			}
			x.links = append(x.links, classLink{class: rc, prev: s.at})
			s.at = int32(len(x.links) - 1)
		}
		s.n++
		return
	}
}

// next returns the slot after i, the first after the last.
func (x *classIndex) next(i int) int {
	if i++; i == len(x.slots) {
		return 0
	}
	return i
}

// grow doubles the table (or makes its first) and puts the keys back.
func (x *classIndex) grow() {
	old := x.slots
	size := max(16, 2*len(old))
	x.slots, x.spare = x.spare, old[:0]
	x.setSize(size)
	for _, s := range old {
		if s.n == 0 {
			continue
		}
		i := x.slot(s.key)
		for x.slots[i].n != 0 {
			i = x.next(i)
		}
		x.slots[i] = s
		x.keys++
	}
}

// lookup returns key's slot: how many classes hold it (0 for none) and
// the class, or the last's link, as classSlot has them.
func (x *classIndex) lookup(key uint64) (n, at int32) {
	if len(x.slots) == 0 {
		return 0, 0
	}
	for i := x.slot(key); ; i = x.next(i) {
		s := &x.slots[i]
		if s.n == 0 {
			return 0, 0
		}
		if s.key == key {
			return s.n, s.at
		}
	}
}

// warm reads the slot where the probe for each of keys starts, before
// the keys are added or looked up one by one. The table of a long
// article is megabytes, and each probe a cache miss: one after the other,
// each waits on the last, as a probe's result decides what follows it;
// read together, in a loop that does nothing else, the misses overlap.
// At 100,000 words a side the runs' table is 3.2 MB, and adding and
// looking up the runs one at a time grew 20× and more from 10,000 words.
func (x *classIndex) warm(keys []uint64) {
	if len(x.slots) == 0 {
		return
	}
	var n int32
	for _, key := range keys {
		n += x.slots[x.slot(key)].n
	}
	x.warmed += n
}

// count returns how many classes hold key.
func (x *classIndex) count(key uint64) int {
	n, _ := x.lookup(key)
	return int(n)
}

// classes yields the classes holding key, in order, unless more than
// limit hold it: then none.
func (x *classIndex) classes(key uint64, limit int) iter.Seq[int32] {
	return func(yield func(int32) bool) {
		n, at := x.lookup(key)
		switch {
		case n == 0 || int(n) > limit:
			return
		case n == 1:
			yield(at)
			return
		}
		// The links run from the last class back.
		var buf [maxPosting]int32
		cs := buf[:0]
		for k := at; k >= 0; k = x.links[k].prev {
			cs = append(cs, x.links[k].class)
		}
		for i := len(cs) - 1; i >= 0; i-- {
			if !yield(cs[i]) {
				return
			}
		}
	}
}
