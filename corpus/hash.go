package corpus

// FNV-1a.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// HashForm returns the 64-bit FNV-1a hash of a word's matching form: the
// comparison, grouping and analysis layers index words by it, so that words
// of different articles compare directly.
func HashForm(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// HashWords hashes a run of word hashes into one.
func HashWords(ws []uint64) uint64 {
	h := uint64(fnvOffset)
	for _, w := range ws {
		h ^= w
		h *= fnvPrime
	}
	return h
}
