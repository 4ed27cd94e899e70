package compare

import (
	"iter"

	"github.com/newsdiff/newsdiff/corpus"
)

// Verbatim runs: the hashes of each runLen-word run of a sentence, and the
// index from a run to the right sentence classes that hold it. Both are
// kept small because a 5 MiB article has a run at almost every word
// (issue 13: a comparison of two such articles within 256 MiB).

// gramHashes yields the hash of each runLen-word run of f's words. They are
// computed when asked rather than stored: candidates reads them once for
// the right side's index and twice for the left, and stored they took
// eight bytes a word of each article for the whole comparison.
func (f *features) gramHashes() iter.Seq[uint64] {
	return func(yield func(uint64) bool) {
		for i := 0; i+runLen <= len(f.words); i++ {
			if !yield(corpus.HashWords(f.words[i : i+runLen])) {
				return
			}
		}
	}
}

// classIndex maps a key (a verbatim run's hash, a lemma) to the right
// classes holding it, in class order. Most keys are held by one class, so
// the first class of each is kept in a map of int32, complemented when
// more follow in a second map of lists: a map of slices took about 45
// bytes a key, 25 MB of runs for a 5 MiB article of prose and 54 MB of
// lemmas for one of words never used twice.
type classIndex struct {
	first map[uint64]int32 // ^class when more has the key
	more  map[uint64][]int32
}

func newClassIndex(sizeHint int) classIndex {
	return classIndex{first: make(map[uint64]int32, sizeHint), more: make(map[uint64][]int32)}
}

// clear empties x, keeping its maps' tables.
func (x classIndex) clear() {
	clear(x.first)
	clear(x.more)
}

// trim empties x for the next comparison, dropping its maps when either
// grew past maxKeptMapLen, as keptMap does.
func (x *classIndex) trim() {
	if len(x.first) > maxKeptMapLen || len(x.more) > maxKeptMapLen {
		*x = classIndex{}
	}
	x.clear()
}

// add notes that class rc holds key. Classes must come in increasing
// order; a class added twice for one key is kept once.
func (x classIndex) add(key uint64, rc int32) {
	first, ok := x.first[key]
	switch {
	case !ok:
		x.first[key] = rc
	case first == rc:
	case first >= 0:
		x.first[key] = ^first
		x.more[key] = []int32{rc}
	default:
		if more := x.more[key]; more[len(more)-1] != rc {
			x.more[key] = append(more, rc)
		}
	}
}

// lookup returns the classes holding key: the first, those after it, and
// how many in all (0 for none).
func (x classIndex) lookup(key uint64) (first int32, more []int32, n int) {
	first, ok := x.first[key]
	switch {
	case !ok:
		return 0, nil, 0
	case first < 0:
		more = x.more[key]
		return ^first, more, 1 + len(more)
	}
	return first, nil, 1
}

// classes yields the classes holding key, in order, unless more than
// limit hold it: then none.
func (x classIndex) classes(key uint64, limit int) iter.Seq[int32] {
	return func(yield func(int32) bool) {
		first, more, n := x.lookup(key)
		if n == 0 || n > limit || !yield(first) {
			return
		}
		for _, rc := range more {
			if !yield(rc) {
				return
			}
		}
	}
}
