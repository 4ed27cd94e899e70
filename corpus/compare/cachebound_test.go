package compare

import (
	"context"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestCacheBounded: the cache a reader and a server share keeps within its
// budget however many pairs are read, the least recently read going
// first; a pair it dropped is compared again when asked for.
func TestCacheBounded(t *testing.T) {
	seeds := testcorpus.Seeds(t)
	first, err := Compare(context.Background(), seeds[0], seeds[1])
	if err != nil {
		t.Fatal(err)
	}
	budget := 3 * keptBytes(first)
	c := NewCacheBytes(budget)
	for range 3 {
		for _, a := range seeds {
			for _, b := range seeds {
				if a == b {
					continue
				}
				if _, err := c.Compare(context.Background(), a, b); err != nil {
					t.Fatal(err)
				}
				if used, n := c.Used(); used > budget || n == 0 {
					t.Fatalf("cache holds %d bytes in %d pairs, budget %d", used, n, budget)
				}
			}
		}
	}
	last := seeds[len(seeds)-1]
	if _, ok := c.Get(last, seeds[len(seeds)-2]); !ok {
		t.Errorf("the pair read last is not kept")
	}
	if _, ok := c.Get(seeds[0], seeds[1]); ok {
		t.Errorf("the pair read first is still kept")
	}
}
