package compare

// weightOf is an IDF as a unit keeps it for each of its words: a float32,
// whose seven digits are far finer than any threshold the matcher uses,
// so that a 5 MiB article's three weights a word take 12 bytes, not 24.
// A unit's sums are taken over these same values, so a containment is
// still at most 1.
func weightOf(idf float64) float32 { return float32(idf) }
