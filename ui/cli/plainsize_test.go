package cli

import (
	"context"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

// TestWritePlainLinear: an article compared with itself is one equal op
// as long as the article; writing it once cost a copy of the text per
// token (the hostile 50,000-sentence file timed out after a minute).
func TestWritePlainLinear(t *testing.T) {
	raw := []byte("Repeated\n\n" + strings.Repeat("The quick brown fox jumps over the lazy dog near the river bank. ", 2000))
	a := corpus.Parse("repeated", raw)
	c, err := compare.Compare(context.Background(), a, a)
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if err := WritePlain(io.Discard, c); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	// 130 KB of text; 16 MiB is over a hundred bytes per byte.
	if got := after.TotalAlloc - before.TotalAlloc; got > 16<<20 {
		t.Errorf("writing the plain diff of 130 KB allocated %d MiB, want at most 16 MiB", got>>20)
	}
}
