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
	"github.com/newsdiff/newsdiff/corpus/analysis"
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

// longPair compares two 1 MiB articles of two-word sentences, the shape
// of the reader's worst case at a fifth of its size. It skips in short
// mode.
func longPair(t *testing.T) *compare.Comparison {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a layout of two 1 MiB articles")
	}
	a := corpus.Parse("left", shortSentences(8, 1<<20))
	b := corpus.Parse("right", shortSentences(18, 1<<20))
	c, err := compare.Compare(context.Background(), a, b)
	if err != nil {
		t.Fatal(err)
	}
	return c
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
	c := longPair(t)
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

// TestLongStoryIsNotAnalysed checks that the reader does not analyse a
// story past analysis.MaxReaderStoryBytes in the background (which held
// another comparison of the pair and an index of its words), and that the
// views needing the analysis say why; a story of news articles is
// analysed.
func TestLongStoryIsNotAnalysed(t *testing.T) {
	big := corpus.Parse("left", shortSentences(8, analysis.MaxReaderStoryBytes/2+1))
	other := corpus.Parse("right", shortSentences(18, analysis.MaxReaderStoryBytes/2+1))
	st := &corpus.Story{Name: "long", Articles: []*corpus.Article{big, other}}
	sa := analyseStory(context.Background(), st, analysis.NewCache(), nil)
	want := analysis.StorySizeNote(analysis.StoryBytes(st))
	if sa.err == nil || sa.err.Error() != want {
		t.Fatalf("analysis of a %d-byte story: err %v, want %q", analysis.StoryBytes(st), sa.err, want)
	}
	c := &corpus.Corpus{Stories: []*corpus.Story{st}}
	m := newModelOpts(t, c, 160, 45, Options{})
	m = send(m, analysisMsg{st, sa})
	m = press(m, "4")
	if v := m.View(); !strings.Contains(v, "the story is not analysed") {
		t.Errorf("the passages view does not say why there is no analysis:\n%s", v)
	}
	small := seed(t).Stories[0]
	if sa := analyseStory(context.Background(), small, analysis.NewCache(), nil); sa.err != nil {
		t.Errorf("a story of news articles is not analysed: %v", sa.err)
	}
}
