package lexicon

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite tablehash.bin from wordnet.tsv")

// makeTableHash returns the bytes of tablehash.bin for the table (see
// tablehash.go), or an error when the table does not fit the index: more
// keys than leave a third of it empty, a line past what a slot can
// address, or a key twice.
func makeTableHash(table string) ([]byte, error) {
	slots := make([]uint32, hashSlots)
	keys := 0
	for off := 0; off < len(table); {
		end := strings.IndexByte(table[off:], '\n') + off
		key, _, _ := strings.Cut(table[off:end], "\t")
		if off+1 > offsetMask {
			return nil, fmt.Errorf("line %q at %d: past the %d bytes a slot addresses", key, off, offsetMask)
		}
		if keys++; 4*keys > 3*hashSlots {
			return nil, fmt.Errorf("%d keys: more than three quarters of %d slots", keys, hashSlots)
		}
		if _, ok := lookupIn(slots, table, key); ok {
			return nil, fmt.Errorf("key %q twice", key)
		}
		h := hashKey(key)
		i := slotOf(h)
		for slots[i] != 0 {
			i = (i + 1) & (hashSlots - 1)
		}
		slots[i] = uint32(byte(h))<<offsetBits | uint32(off+1)
		off = end + 1
	}
	out := make([]byte, 0, 4*hashSlots)
	for _, v := range slots {
		out = binary.LittleEndian.AppendUint32(out, v)
	}
	return out, nil
}

// lookupIn finds key in slots being filled, as lookup finds it in the
// finished index.
func lookupIn(slots []uint32, table, key string) (int, bool) {
	h := hashKey(key)
	for i := slotOf(h); slots[i] != 0; i = (i + 1) & (hashSlots - 1) {
		off := int(slots[i]&offsetMask) - 1
		if k, _, _ := strings.Cut(table[off:], "\t"); k == key {
			return off, true
		}
	}
	return 0, false
}

// TestTableIndex checks that tablehash.bin indexes the embedded table, so
// that a table made anew by scripts/wordnet cannot be searched through a
// stale index. Run with -update to rewrite it.
func TestTableIndex(t *testing.T) {
	want, err := makeTableHash(table)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("tablehash.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile("tablehash.bin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("tablehash.bin does not index wordnet.tsv; run go test ./corpus/lexicon -run TestTableIndex -update")
	}
}

// TestTableHashRefuses checks that makeTableHash says why a table does not
// fit rather than writing an index that would lose words.
func TestTableHashRefuses(t *testing.T) {
	var many strings.Builder
	for i := range 3*hashSlots/4 + 1 {
		fmt.Fprintf(&many, "w%06d\tn\t\t\n", i)
	}
	for name, table := range map[string]string{
		"a key twice":    "a\tn\t\t\na\tv\t\t\n",
		"too many keys":  many.String(),
		"a line too far": strings.Repeat("x", offsetMask) + "\tn\t\t\n" + "y\tn\t\t\n",
	} {
		if _, err := makeTableHash(table); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestLookupFindsEveryLine checks that the indexed search finds every
// line of the table, and finds no word between or around them.
func TestLookupFindsEveryLine(t *testing.T) {
	prev := ""
	for line := range strings.SplitSeq(strings.TrimSuffix(table, "\n"), "\n") {
		key, rest, _ := strings.Cut(line, "\t")
		e, ok := lookup(key)
		if !ok || e.Parts+"\t"+e.groups+"\t"+e.lemmas != rest {
			t.Fatalf("lookup(%q) = %+v, %v; the table says %q", key, e, ok, rest)
		}
		// A word just after the previous key and before this one.
		if between := prev + "\x00"; between < key {
			if _, ok := lookup(between); ok {
				t.Fatalf("lookup(%q) found a word the table does not hold", between)
			}
		}
		prev = key
	}
	// A word holding a tab or newline must not match a line's prefix.
	for _, w := range []string{"", "\x00", "\xff", "zzzzzz", "zyrian\x00", "'", "hack\tn", "hack\tn\t", "hack\n", "\t", "\n"} {
		if _, ok := lookup(w); ok {
			t.Errorf("lookup(%q) found a word the table does not hold", w)
		}
	}
}
