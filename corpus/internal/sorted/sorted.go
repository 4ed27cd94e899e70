// Package sorted walks two ascending slices for the values they share: the
// inner loop of every overlap the layers compute (shared content words,
// lemmas, key terms, shingles). It knows nothing of what the values are.
package sorted

import (
	"cmp"
	"slices"
)

// Each calls f(i, j) for every a[i] == b[j], in ascending order. a and b
// must be sorted ascending with no value twice.
func Each[T cmp.Ordered](a, b []T, f func(i, j int)) {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			f(i, j)
			i++
			j++
		}
	}
}

// Count returns how many values a and b share (see Each).
func Count[T cmp.Ordered](a, b []T) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		x, y := a[i], b[j]
		n += oneIf(x == y)
		i += oneIf(x <= y)
		j += oneIf(y <= x)
	}
	return n
}

// CountFew is Count for a few values against many: each of few is looked
// up in many by binary search, which costs len(few)·log(len(many)) rather
// than a walk over both.
func CountFew[T cmp.Ordered](few, many []T) int {
	n := 0
	for _, x := range few {
		if _, ok := slices.BinarySearch(many, x); ok {
			n++
		}
	}
	return n
}

// WeightShared returns the summed weights (weights[i] for a[i]) of the
// values a and b share, and how many they share.
func WeightShared[T cmp.Ordered](a []T, weights []float32, b []T) (sum float64, n int) {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		x, y := a[i], b[j]
		if x == y {
			sum += float64(weights[i])
			n++
		}
		i += oneIf(x <= y)
		j += oneIf(y <= x)
	}
	return sum, n
}

// oneIf is 1 for true and 0 for false. Count and WeightShared step by it
// rather than branch: which side of a merge of word keys steps next is a
// coin toss the processor mispredicts, and those merges were a quarter of
// a long comparison's time.
func oneIf(v bool) int {
	if v {
		return 1
	}
	return 0
}
