// Package sorted walks two ascending slices for the values they share: the
// inner loop of every overlap the layers compute (shared content words,
// lemmas, key terms, shingles). It knows nothing of what the values are.
package sorted

import "cmp"

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
	Each(a, b, func(int, int) { n++ })
	return n
}
