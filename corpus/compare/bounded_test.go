package compare

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsdiff/newsdiff/corpus"
)

// worstText returns about size bytes of one of the text model's worst
// cases at the loader's limit (scripts/hostile.sh builds them at 5 MiB):
// "short", sentences of two two-letter words, each different; "distinct",
// sentences of words never used twice.
func worstText(kind string, size int, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, 7))
	letter := func(base byte) byte { return base + byte(rng.IntN(26)) }
	var sb strings.Builder
	sb.WriteString("Worst case\n\n")
	for s := 0; sb.Len() < size; s++ {
		switch kind {
		case "short":
			sb.Write([]byte{letter('A'), letter('a'), ' ', letter('a'), letter('a'), '.', ' '})
		case "distinct":
			for j := range 8 + rng.IntN(20) {
				if j > 0 {
					sb.WriteByte(' ')
				}
				for range 4 + rng.IntN(7) {
					sb.WriteByte(letter('a'))
				}
			}
			sb.WriteString(". ")
		}
		if s%5 == 4 {
			sb.WriteString("\n\n")
		}
	}
	return []byte(sb.String())
}

// peakHeap runs fn and returns the most heap its objects held meanwhile,
// above what they held before, sampled every millisecond with the
// collector set to run often so that the figure follows what is live.
func peakHeap(fn func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			peak = max(peak, read())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	fn()
	close(done)
	wg.Wait()
	return max(peak, read()) - base
}

// TestBoundedMemory compares the text model's worst cases with another
// of their kind, and with themselves, and bounds the heap the comparison
// holds per byte of input (issue 13: any pair within the limits in 256
// MiB). At 3 MiB a side, full comparisons held 70 and 77 bytes per byte
// (short sentences, against itself and another) and 23 and 24 (distinct
// words); the bounded mode held 14, 16, 2 and 2 with 32-byte units, a
// block slice grown and then copied whole, and a map of the right's
// paragraphs, and holds 7, 7, 2 and 1 without them.
func TestBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("compares 12 MiB of text")
	}
	const size = 3 << 20
	const maxPerByte = 10
	for _, kind := range []string{"short", "distinct"} {
		left := corpus.Parse("left", worstText(kind, size, 1))
		for _, other := range []string{"itself", "another"} {
			right := left
			if other == "another" {
				right = corpus.Parse("right", worstText(kind, size, 2))
			}
			t.Run(fmt.Sprintf("%s against %s", kind, other), func(t *testing.T) {
				var c *Comparison
				var err error
				peak := peakHeap(func() { c, err = Compare(context.Background(), left, right) })
				if err != nil {
					t.Fatal(err)
				}
				if !c.Bounded {
					t.Error("the comparison is not bounded")
				}
				in := len(left.Raw) + len(right.Raw)
				if got := float64(peak) / float64(in); got > maxPerByte {
					t.Errorf("comparing %d bytes held up to %.1f bytes of heap per byte, want at most %d", in, got, maxPerByte)
				} else {
					t.Logf("%.1f bytes of heap per byte", got)
				}
				if other == "itself" && c.Similarity != 1 {
					t.Errorf("a text against itself is %.3f similar, want 1", c.Similarity)
				}
			})
		}
	}
}

// TestBoundedOnlyPastTheLimits checks that a long article of prose is
// compared in full and that one sentence over the bound makes a bounded
// comparison.
func TestBoundedOnlyPastTheLimits(t *testing.T) {
	a, b := syntheticPair(150000, 3)
	if exceedsFullLimits(a, b) {
		t.Errorf("%d and %d sentences of prose are bounded", len(a.Sentences), len(b.Sentences))
	}
	var sb strings.Builder
	sb.WriteString("Many sentences\n\n")
	for i := range boundedSentences {
		fmt.Fprintf(&sb, "S%d. ", i)
	}
	many := corpus.Parse("many", []byte(sb.String()))
	if n := len(many.Sentences); n <= boundedSentences {
		t.Fatalf("the text has %d sentences, want more than %d", n, boundedSentences)
	}
	if !exceedsFullLimits(a, many) || !exceedsFullLimits(many, a) {
		t.Error("a text of more than the bound's sentences is compared in full")
	}
}
