package lexicon

import (
	_ "embed"
)

// The table is searched in a compact copy of wordnet.tsv, table.bin, not
// in the text itself: a comparison asks for a few hundred words scattered
// over the whole table, and the first touch of a page of the binary maps
// the 64 KiB around it, so a run that compares two articles maps all of
// it. The text (1.6 MiB) and the hash index of its lines (512 KiB) that
// table.bin replaced took 33 page faults and 530 pages a run; table.bin,
// 1.25 MiB with its index, takes 20 and 320.
//
// table.bin, made by makeTable (go test -run TestTableIndex -update), is
// an index of hashBuckets+1 little-endian uint32 offsets, then the
// records, grouped by the bucket of their key's hash (hashKey) and in the
// table's order within a bucket; bucket b's records run from offset b to
// offset b+1, counted from the end of the index. A record is
//
//	key length (1 byte), key,
//	parts and group count (1 byte: the parts as a bit set of partLetters in
//	the low four bits, the number of groups in the high four),
//	groups (2 bytes each, little-endian, in the table's increasing order),
//	lemmas length (1 byte), lemmas (as the table writes them).
//
// A bucket holds 5.4 records on average, 76 bytes: a search reads one or
// two cache lines, where the open-addressing index it replaced read a
// slot and then a line of the text, each its own miss.

//go:embed table.bin
var tableBin string

const (
	hashBits    = 14
	hashBuckets = 1 << hashBits
	indexBytes  = 4 * (hashBuckets + 1)
)

// partLetters are the parts of speech in the order the table writes them,
// each a bit of a record's parts, lowest first.
const partLetters = "anrv"

// partSets are the parts strings by bit set, as the table writes them
// (TestPartSets checks them against partLetters).
var partSets = [16]string{"", "a", "n", "an", "r", "ar", "nr", "anr", "v", "av", "nv", "anv", "rv", "arv", "nrv", "anrv"}

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

// bucketOf is the bucket of a key of hash h.
func bucketOf(h uint64) int { return int(h >> (64 - hashBits)) }

// offset reads entry i of the index.
func offset(i int) int {
	s := tableBin[4*i : 4*i+4]
	return int(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24)
}

// lookup returns the table's entry for word, which must already be in the
// matching form (lower case).
func lookup(word string) (Entry, bool) {
	b := bucketOf(hashKey(word))
	recs := tableBin[indexBytes:]
	for at, end := offset(b), offset(b+1); at < end; {
		n := int(recs[at])
		key := recs[at+1 : at+1+n]
		at += 1 + n
		pg := recs[at]
		groups := recs[at+1 : at+1+2*int(pg>>4)]
		at += 1 + len(groups)
		lemmas := recs[at+1 : at+1+int(recs[at])]
		at += 1 + len(lemmas)
		if key == word {
			return Entry{Parts: partSets[pg&0xf], groups: groups, lemmas: lemmas}, true
		}
	}
	return Entry{}, false
}
