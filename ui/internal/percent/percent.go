// Package percent writes a share in [0, 1] as a whole percentage, for the
// reader, the commands and the report alike. Rounded to the nearest, a
// comparison that differs by one word in 300 read "similarity 100% · 1
// word deleted, 1 inserted", and a matrix cell of a few shared words "0%":
// as git's similarity index does, a share short of whole is never 100%,
// and one above none never 0%.
package percent

import "strconv"

// Of is v in whole percent, rounded to the nearest, but 99 for anything
// under 1 and 1 for anything over 0.
func Of(v float64) int {
	switch {
	case v >= 1:
		return 100
	case v <= 0:
		return 0
	}
	return min(max(int(v*100+0.5), 1), 99)
}

// String is Of(v) with its sign: "41%".
func String(v float64) string { return strconv.Itoa(Of(v)) + "%" }
