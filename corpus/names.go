package corpus

import (
	"cmp"
	"slices"
	"strings"
)

// CompareNames orders file names as people count them, as ls -v and file
// managers do: a run of digits compares by the number it writes, so that
// bad2.txt comes before bad10.txt, where bytewise order put bad10.txt
// first. Names that tie so (a01, a1) fall back to bytewise order, which
// keeps the order total. Every list of a folder's files, its articles and
// the files that did not load, is in this order.
func CompareNames(a, b string) int {
	// Up to where the names first differ they are the same either way.
	// Where neither differing byte is in a run of digits, or only one
	// is and no run of digits leads up to it, the bytes decide, as they
	// do bytewise; else the numbers do, from the start of their runs.
	k, n := 0, min(len(a), len(b))
	for k < n && a[k] == b[k] {
		k++
	}
	if k == n {
		// One name starts the other, which is the larger number, or
		// the same one with more after it.
		return cmp.Compare(len(a), len(b))
	}
	inRun := k > 0 && isDigit(a[k-1])
	if !(isDigit(a[k]) && isDigit(b[k])) && !(inRun && (isDigit(a[k]) || isDigit(b[k]))) {
		return cmp.Compare(a[k], b[k])
	}
	for k > 0 && isDigit(a[k-1]) {
		k--
	}
	i, j := k, k
	for i < len(a) && j < len(b) {
		if !isDigit(a[i]) || !isDigit(b[j]) {
			if a[i] != b[j] {
				return cmp.Compare(a[i], b[j])
			}
			i++
			j++
			continue
		}
		// Two runs of digits: the one with more digits, leading zeros
		// aside, is the larger number; of two as long, the bytes tell.
		for i < len(a) && a[i] == '0' {
			i++
		}
		for j < len(b) && b[j] == '0' {
			j++
		}
		ni, nj := digitsEnd(a, i), digitsEnd(b, j)
		if c := cmp.Compare(ni-i, nj-j); c != 0 {
			return c
		}
		if c := strings.Compare(a[i:ni], b[j:nj]); c != 0 {
			return c
		}
		i, j = ni, nj
	}
	if c := cmp.Compare(len(a)-i, len(b)-j); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// SortProblems sorts problems by the file each is about, in the order of
// CompareNames; the problems of one file keep their order.
func SortProblems(problems []Problem) {
	slices.SortStableFunc(problems, func(a, b Problem) int { return CompareNames(a.Path, b.Path) })
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// digitsEnd returns the end of the run of digits that starts at s[i].
func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}
