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

// gramIndex maps the hash of a verbatim run to the right classes holding
// it, in class order. Most runs of prose occur in one class, so the first
// class of each run is kept in a map of int32 and only a run of several
// classes has a list: a map of slices took about 45 bytes a run, 25 MB
// for a 5 MiB article.
type gramIndex struct {
	first map[uint64]int32
	more  map[uint64][]int32 // the classes after the first
}

func newGramIndex(sizeHint int) gramIndex {
	return gramIndex{first: make(map[uint64]int32, sizeHint), more: make(map[uint64][]int32)}
}

// add notes that class rc holds run g. Classes must come in increasing
// order; a class added twice for one run is kept once.
func (x gramIndex) add(g uint64, rc int32) {
	first, ok := x.first[g]
	switch {
	case !ok:
		x.first[g] = rc
	case first == rc:
	default:
		more := x.more[g]
		if len(more) == 0 || more[len(more)-1] != rc {
			x.more[g] = append(more, rc)
		}
	}
}

// appendClasses appends the classes holding run g to dst, unless more than
// limit hold it: then it returns dst unchanged and false.
func (x gramIndex) appendClasses(dst []int32, g uint64, limit int) ([]int32, bool) {
	first, ok := x.first[g]
	if !ok {
		return dst, true
	}
	more := x.more[g]
	if 1+len(more) > limit {
		return dst, false
	}
	return append(append(dst, first), more...), true
}
