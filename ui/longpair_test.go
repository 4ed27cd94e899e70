package ui

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

// shortSentences returns about size bytes of an article of two-word
// sentences, five to a paragraph: the text model's most sentences and the
// layout's most fragments for its size (see scripts/hostile.sh).
func shortSentences(seed uint64, size int) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	var sb strings.Builder
	sb.WriteString("Short sentences\n\n")
	for s := 0; sb.Len() < size; s++ {
		fmt.Fprintf(&sb, "%c%c %c%c. ", 'A'+r.IntN(26), 'a'+r.IntN(26), 'a'+r.IntN(26), 'a'+r.IntN(26))
		if s%5 == 4 {
			sb.WriteString("\n\n")
		}
	}
	return []byte(sb.String())
}

// liveHeap returns the bytes of live heap after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// TestLongPairLayoutStaysSmall checks that the layout of two long
// articles of two-word sentences holds little beside the comparison: it
// used to keep every wrapped line's fragments, 311 MB for two 5 MiB files
// (110 MB here, where it now holds 45 MB, mostly its cells' searchable
// text), for the 50 rows a screen shows.
func TestLongPairLayoutStaysSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a layout of two 1 MiB articles")
	}
	a := corpus.Parse("left", shortSentences(8, 1<<20))
	b := corpus.Parse("right", shortSentences(18, 1<<20))
	c, err := compare.Compare(context.Background(), a, b)
	if err != nil {
		t.Fatal(err)
	}
	styles := NewStyles(renderer(termenv.TrueColor))
	p := newPainter(&styles)
	const bound = 64 << 20
	for _, md := range []mode{sideBySide, inline} {
		before := liveHeap()
		lay := buildLayout(c, 160, md, false, pairMarks{})
		p.paint(lay)
		for r := range min(len(lay.rows), 200) {
			lay.paintedRow(r)
		}
		lay.setQuery("ab", p)
		grown := int64(liveHeap()) - int64(before)
		if len(lay.rows) < 20_000 {
			t.Fatalf("mode %v: %d rows, want a long layout", md, len(lay.rows))
		}
		if grown > bound {
			t.Errorf("mode %v: a layout of %d rows holds %d MB, want at most %d", md, len(lay.rows), grown>>20, bound>>20)
		}
		runtime.KeepAlive(lay)
	}
}
