package lexicon

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite table.bin from wordnet.tsv")

// table is the text table.bin is made from.
var table = func() string {
	b, err := os.ReadFile("wordnet.tsv")
	if err != nil {
		panic(err)
	}
	return string(b)
}()

// makeTable returns the bytes of table.bin for the table (see
// tablehash.go), or an error when a line does not fit a record: a key or
// lemmas field past 255 bytes, parts outside partLetters or out of their
// order, more than 15 groups or a group past 65,535, groups out of
// order, a key twice, or a bucket past what the index addresses.
func makeTable(table string) ([]byte, error) {
	buckets := make([][]byte, hashBuckets)
	seen := make(map[string]bool)
	for line := range strings.SplitSeq(strings.TrimSuffix(table, "\n"), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("line %q: %d fields, want 4", line, len(f))
		}
		key, parts, groups, lemmas := f[0], f[1], f[2], f[3]
		if seen[key] {
			return nil, fmt.Errorf("key %q twice", key)
		}
		seen[key] = true
		if len(key) > 255 || len(lemmas) > 255 {
			return nil, fmt.Errorf("line %q: a field past 255 bytes", line)
		}
		set := slices.Index(partSets[:], parts)
		if set < 0 {
			return nil, fmt.Errorf("line %q: parts %q not a set of %q in order", line, parts, partLetters)
		}
		var gs []uint16
		if groups != "" {
			for g := range strings.SplitSeq(groups, ",") {
				n, err := strconv.ParseUint(g, 10, 16)
				if err != nil || len(gs) > 0 && uint16(n) <= gs[len(gs)-1] {
					return nil, fmt.Errorf("line %q: group %q bad, past 65535 or out of order", line, g)
				}
				gs = append(gs, uint16(n))
			}
		}
		if len(gs) > 15 {
			return nil, fmt.Errorf("line %q: %d groups, more than 15", line, len(gs))
		}
		b := bucketOf(hashKey(key))
		r := append(buckets[b], byte(len(key)))
		r = append(r, key...)
		r = append(r, byte(set)|byte(len(gs))<<4)
		for _, g := range gs {
			r = binary.LittleEndian.AppendUint16(r, g)
		}
		r = append(r, byte(len(lemmas)))
		buckets[b] = append(r, lemmas...)
	}
	out := make([]byte, 0, indexBytes+len(table))
	at := 0
	for _, b := range buckets {
		out = binary.LittleEndian.AppendUint32(out, uint32(at))
		at += len(b)
	}
	if uint64(at) > math.MaxUint32 {
		return nil, fmt.Errorf("%d bytes of records: past what the index addresses", at)
	}
	out = binary.LittleEndian.AppendUint32(out, uint32(at))
	for _, b := range buckets {
		out = append(out, b...)
	}
	return out, nil
}

// TestTableIndex checks that table.bin is made from the text table, so
// that a table made anew by scripts/wordnet cannot be searched through a
// stale copy. Run with -update to rewrite it.
func TestTableIndex(t *testing.T) {
	want, err := makeTable(table)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("table.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile("table.bin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("table.bin is not made from wordnet.tsv; run go test ./corpus/lexicon -run TestTableIndex -update")
	}
}

// TestTableRefuses checks that makeTable says why a table does not fit
// rather than writing records that would lose or change words.
func TestTableRefuses(t *testing.T) {
	for name, table := range map[string]string{
		"a key twice":         "a\tn\t\t\na\tv\t\t\n",
		"a long key":          strings.Repeat("x", 256) + "\tn\t\t\n",
		"long lemmas":         "x\tn\t\t" + strings.Repeat("y", 256) + "\n",
		"parts out of order":  "x\tna\t\t\n",
		"an unknown part":     "x\ts\t\t\n",
		"a group past 65535":  "x\tn\t65536\t\n",
		"groups out of order": "x\tn\t2,1\t\n",
		"too many groups":     "x\tn\t1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16\t\n",
		"three fields":        "x\tn\t\n",
	} {
		if _, err := makeTable(table); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestPartSets checks partSets against partLetters.
func TestPartSets(t *testing.T) {
	for m, got := range partSets {
		want := ""
		for i := range len(partLetters) {
			if m&(1<<i) != 0 {
				want += partLetters[i : i+1]
			}
		}
		if got != want {
			t.Errorf("partSets[%d] = %q, want %q", m, got, want)
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
		if !ok || e.Parts+"\t"+joinGroups(e.groupList())+"\t"+e.lemmas != rest {
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

// joinGroups writes groups as the table does.
func joinGroups(gs []uint32) string {
	s := make([]string, len(gs))
	for i, g := range gs {
		s[i] = strconv.FormatUint(uint64(g), 10)
	}
	return strings.Join(s, ",")
}

// TestTableCompact bounds what the lexicon embeds: every comparison maps
// all of it (see tablehash.go), so each 64 KiB more is a page fault and
// 16 pages more in every run. The text and its hash index took 2.1 MiB.
func TestTableCompact(t *testing.T) {
	const maxBytes = 1400 << 10
	if n := len(tableBin); n > maxBytes {
		t.Errorf("table.bin holds %d bytes, want at most %d", n, maxBytes)
	}
}
