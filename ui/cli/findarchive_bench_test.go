package cli

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/archive"
)

// BenchmarkFindInArchiveByOutlet is one look through the listing of an
// archive of 100,000 articles for a name only an outlet's prefix matches
// ("medicine"), as diff --dir looks for a name the index cannot settle:
// every rule before the outlet's goes through every entry first. diff
// once did it twice for each name (see diffInArchive).
func BenchmarkFindInArchiveByOutlet(b *testing.B) {
	es := make([]archive.Entry, 0, 100000)
	for i := range cap(es) {
		id := fmt.Sprintf("%016x", uint64(i)*0x9e3779b97f4a7c15)
		es = append(es, archive.Entry{Path: id + ".txt", Article: id, Outlet: fmt.Sprintf("Outlet %d", i%50)})
	}
	es[500].Outlet = "Medicine Hat Police Service"
	slices.SortFunc(es, func(x, y archive.Entry) int { return strings.Compare(x.Path, y.Path) })
	b.ReportAllocs()
	for b.Loop() {
		if e, err := findInArchive("medicine", slices.Values(es)); err != nil || e.Outlet != "Medicine Hat Police Service" {
			b.Fatal(e, err)
		}
	}
}
