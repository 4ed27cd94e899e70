package compare

import "math/bits"

// keyIDs numbers 64-bit keys (word and lemma hashes, sentence keys)
// densely, 0, 1, 2, … in the order they are first added. weigh numbers
// every content word and lemma of a comparison through it, a lookup for
// each word of each sentence: with a Go map those lookups were a
// twentieth of a short pair's comparison. The candidate search numbers
// each side's sentence classes through it too. It is an open-addressing
// table, probed linearly from a slot picked by multiplying the key, kept
// at most half full.
type keyIDs struct {
	slots []keySlot // a power of two long
	shift uint      // 64 less log2(len(slots))
	keys  []uint64  // by id
}

type keySlot struct {
	key uint64
	id  int32 // the key's id + 1; 0 for an empty slot
}

// reset empties t, with room for n keys before it grows; it reuses t's
// memory when that is large enough, clearing only what n keys need.
func (t *keyIDs) reset(n int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	if cap(t.slots) >= size {
		t.slots = t.slots[:size]
		clear(t.slots)
	} else {
		t.slots = make([]keySlot, size)
	}
	t.shift = uint(64 - bits.TrailingZeros(uint(size)))
	t.keys = t.keys[:0]
}

// trim drops t's memory when it grew past maxKeptBufBytes, as keptBuf does
// for the matcher's other buffers.
func (t *keyIDs) trim() {
	t.slots, t.keys = keptBuf(t.slots), keptBuf(t.keys)
	if len(t.slots) == 0 {
		t.shift = 0
	}
}

func (t *keyIDs) slot(key uint64) uint64 {
	return (key * 0x9E3779B97F4A7C15) >> t.shift
}

// lookup returns key's id, false when it was not added.
func (t *keyIDs) lookup(key uint64) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	for i := t.slot(key); ; i = (i + 1) & mask {
		s := t.slots[i]
		if s.id == 0 {
			return 0, false
		}
		if s.key == key {
			return s.id - 1, true
		}
	}
}

// add returns key's id, numbering it next when it is new (added).
func (t *keyIDs) add(key uint64) (id int32, added bool) {
	if 2*(len(t.keys)+1) > len(t.slots) {
		t.grow()
	}
	mask := uint64(len(t.slots) - 1)
	for i := t.slot(key); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.id == 0 {
			id = int32(len(t.keys))
			s.key, s.id = key, id+1
			t.keys = append(t.keys, key)
			return id, true
		}
		if s.key == key {
			return s.id - 1, false
		}
	}
}

// grow doubles the table (or makes its first) and puts the keys back.
func (t *keyIDs) grow() {
	keys := t.keys
	t.reset(max(8, len(t.slots)))
	mask := uint64(len(t.slots) - 1)
	for id, key := range keys {
		i := t.slot(key)
		for t.slots[i].id != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = keySlot{key: key, id: int32(id) + 1}
	}
	t.keys = keys
}
