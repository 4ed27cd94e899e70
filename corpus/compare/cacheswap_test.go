package compare

import (
	"context"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestCacheSwapIsAHit is a regression test: the cache kept a pair by its
// order, so that a reader who swapped the sides waited for the pair to be
// compared again, though Compare pairs the same passages either way. The
// swapped pair is now mirrored from the one kept, without comparing,
// whichever order was asked for first, and is what Compare gives for it:
// the same blocks, sides swapped, in the new left side's order.
func TestCacheSwapIsAHit(t *testing.T) {
	arts := testcorpus.Seeds(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name         string
		first, other *corpus.Article
		get          bool // the swap looked up with Get, as the reader does first
	}{
		{"canonical first, Compare", arts[0], arts[1], false},
		{"canonical first, Get", arts[0], arts[2], true},
		{"other first, Compare", arts[4], arts[3], false},
		{"other first, Get", arts[3], arts[1], true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := NewCache()
			calls := 0
			c.compare = func(ctx context.Context, a, b *corpus.Article) (*Comparison, error) {
				calls++
				return Compare(ctx, a, b)
			}
			if _, err := c.Compare(ctx, tc.first, tc.other); err != nil {
				t.Fatal(err)
			}
			if calls != 1 {
				t.Fatalf("%d comparisons for one pair", calls)
			}
			var swapped *Comparison
			if tc.get {
				var ok bool
				if swapped, ok = c.Get(tc.other, tc.first); !ok {
					t.Fatal("Get: the swapped pair is not at hand")
				}
			} else {
				var err error
				if swapped, err = c.Compare(ctx, tc.other, tc.first); err != nil {
					t.Fatal(err)
				}
			}
			if calls != 1 {
				t.Errorf("the swap compared the pair again: %d comparisons", calls)
			}
			if again, _ := c.Compare(ctx, tc.other, tc.first); again != swapped {
				t.Errorf("the swapped pair is not kept: asked again, another comparison")
			}
			want, err := Compare(ctx, tc.other, tc.first)
			if err != nil {
				t.Fatal(err)
			}
			if swapped.Left != tc.other || swapped.Right != tc.first {
				t.Fatalf("swapped comparison is of %s with %s", swapped.Left.ID, swapped.Right.ID)
			}
			if d := comparisonDiff(swapped, want); d != "" {
				t.Errorf("swapped pair differs from Compare's: %s", d)
			}
		})
	}
}
