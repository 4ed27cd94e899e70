package lexicon

import (
	_ "embed"
	"strings"
)

// The table is found by a hash index rather than searched in order: a
// comparison asks only for exact words, and the binary search it replaced
// (an index of every 32nd key, then a search of the 32 lines for line
// starts and tabs) took 0.4 µs a word, 0.35 ms of a diff of two short
// articles run as a whole process (issue 11).
//
// tablehash.bin holds hashSlots little-endian uint32 slots, an open-
// addressing table with linear probing, made by makeTableHash (go test
// -run TestTableIndex -update). A slot is zero when empty; otherwise its low
// 24 bits are the offset of a line in the table plus one, and its high 8
// bits the low byte of the line's key's hash, so that a probe compares
// strings only when the hashes agree on that byte.

//go:embed tablehash.bin
var tableHash string

const (
	hashBits   = 17
	hashSlots  = 1 << hashBits // 88,072 keys fill about two thirds of it
	offsetBits = 24
	offsetMask = 1<<offsetBits - 1
)

// hashKey is 64-bit FNV-1a of key. It is written out, not taken from
// hash/fnv, because the index stores it: generator and reader must agree
// byte for byte, and hash/fnv would cost an allocation per word.
func hashKey(key string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(key); i++ {
		h ^= uint64(key[i])
		h *= 1099511628211
	}
	return h
}

// slotOf is where the probe for a key of hash h starts.
func slotOf(h uint64) int { return int(h >> (64 - hashBits)) }

// slot reads slot i of the index.
func slot(i int) uint32 {
	s := tableHash[4*i : 4*i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// lookup returns the table's entry for word, which must already be in the
// matching form (lower case).
func lookup(word string) (Entry, bool) {
	if strings.IndexByte(word, '\t') >= 0 {
		// No key holds a tab, and a word with one would match a key
		// followed by its line's fields.
		return Entry{}, false
	}
	h := hashKey(word)
	tag := uint32(byte(h))
	for i := slotOf(h); ; i = (i + 1) & (hashSlots - 1) {
		v := slot(i)
		if v == 0 {
			return Entry{}, false
		}
		if v>>offsetBits != tag {
			continue
		}
		line := table[int(v&offsetMask)-1:]
		if len(line) <= len(word) || line[len(word)] != '\t' || line[:len(word)] != word {
			continue
		}
		rest := line[len(word)+1 : len(word)+1+strings.IndexByte(line[len(word)+1:], '\n')]
		var e Entry
		e.Parts, rest, _ = strings.Cut(rest, "\t")
		e.groups, e.lemmas, _ = strings.Cut(rest, "\t")
		return e, true
	}
}
