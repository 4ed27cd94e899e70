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
	h := NewRunHash()
	for _, w := range ws {
		h = h.Add(w)
	}
	return uint64(h)
}

// RunHash is HashWords taken a word at a time, for a caller that does not
// keep the run: uint64(h) after adding ws is HashWords(ws).
type RunHash uint64

// NewRunHash returns the hash of an empty run.
func NewRunHash() RunHash { return fnvOffset }

// Add returns the hash of the run with w after it.
func (h RunHash) Add(w uint64) RunHash { return (h ^ RunHash(w)) * fnvPrime }
