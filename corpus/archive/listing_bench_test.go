package archive

import (
	"encoding/hex"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// BenchmarkLoadListing gathers a listing of 100,000 articles with hex file
// names, as scripts/archivegen writes them, into 5,000 stories and 2,000
// articles alone, as opening an indexed archive does.
func BenchmarkLoadListing(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	entries := make([]Entry, 100_000)
	for i := range entries {
		var sum [8]byte
		for k := range sum {
			sum[k] = byte(rng.UintN(256))
		}
		e := &entries[i]
		e.ID = int64(i + 1)
		e.Path = hex.EncodeToString(sum[:]) + ".txt"
		e.Title = strings.Repeat("x", 40)
		e.Group = int64(rng.IntN(5_000))
		if i < 2_000 {
			e.Group = int64(5_000 + i)
		}
	}
	slices.SortFunc(entries, func(x, y Entry) int { return strings.Compare(x.Path, y.Path) })
	b.ReportAllocs()
	for b.Loop() {
		new(Archive).load(slices.Clone(entries))
	}
}
