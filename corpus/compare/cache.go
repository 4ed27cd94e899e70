package compare

import (
	"context"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/memo"
)

// Cache memoises comparisons by article pair. It is safe for concurrent
// use, so one Cache can serve every reader of a corpus (every SSH session
// of a server); a pair is computed once even when several goroutines ask
// for it at the same moment.
//
// It keeps at most DefaultCacheBytes of comparisons and the articles
// they hold, by estimate (see Comparison.Bytes), the least recently used
// going first: a reader browsing an archive, or a server reading to many
// clients, holds memory that does not grow with the pairs read.
//
// A comparison that fails (it panicked, or its context was cancelled) is
// not kept: its callers get the error and the next caller computes the
// pair afresh, so one bad moment never poisons a pair for every session.
//
// A pair is kept by its order, b with a apart from a with b, since its
// blocks are laid out in b's order; but the one is made from the other
// without comparing again, as Compare makes it (see mirrored), so that a
// reader who swaps the sides waits for nothing. The order Compare aligns
// in (see canonical) is computed first and kept, and the other mirrored
// from it: mirrored the other way, a pair's moved marks could differ from
// Compare's, which marks the canonical order's before joining its groups.
// Asked for the other order first, the cache so keeps both, at about the
// cost of comparing that order alone (Compare aligns it in the canonical
// order too).
type Cache struct {
	pairs memo.Map[pairKey, *Comparison]
	// compare computes a pair: Compare, except in tests that make it fail.
	compare func(ctx context.Context, a, b *corpus.Article) (*Comparison, error)
}

type pairKey struct{ left, right *corpus.Article }

// DefaultCacheBytes bounds a Cache: about a thousand pairs of typical
// news articles (1.2 KB of text, some 9 KB read), counting their
// articles.
const DefaultCacheBytes = 24 << 20

// NewCache returns an empty cache of at most DefaultCacheBytes.
func NewCache() *Cache { return NewCacheBytes(DefaultCacheBytes) }

// NewCacheBytes returns an empty cache of at most budget bytes.
func NewCacheBytes(budget int64) *Cache {
	c := &Cache{compare: Compare}
	c.pairs.Bound(budget, keptBytes)
	return c
}

// Used returns the bytes the cache holds, by estimate, and the number of
// pairs.
func (c *Cache) Used() (bytes int64, pairs int) { return c.pairs.Used() }

// Compare returns Compare(ctx, a, b), computing it only the first time it
// succeeds. A caller waiting for another's computation stops waiting when
// its own ctx is done.
func (c *Cache) Compare(ctx context.Context, a, b *corpus.Article) (*Comparison, error) {
	return c.pairs.Get(ctx, pairKey{a, b}, "comparing "+a.ID+" with "+b.ID, func(ctx context.Context) (*Comparison, error) {
		if canonical(a, b) || exceedsFullLimits(a, b) {
			// A bounded comparison pairs paragraphs in the order asked
			// for, and is not mirrored.
			return c.compare(ctx, a, b)
		}
		ba, err := c.Compare(ctx, b, a)
		if err != nil {
			return nil, err
		}
		return mirrored(ba), nil
	})
}

// Get returns the comparison of a with b if the cache holds it, or holds
// the other order's to mirror, without computing it or waiting for a
// computation under way: for a caller that must not block, and computes
// the pair elsewhere when it is not there.
func (c *Cache) Get(a, b *corpus.Article) (*Comparison, bool) {
	if ab, ok := c.pairs.Peek(pairKey{a, b}); ok || canonical(a, b) || exceedsFullLimits(a, b) {
		return ab, ok
	}
	ba, ok := c.pairs.Peek(pairKey{b, a})
	if !ok {
		return nil, false
	}
	// Kept: the reader finds its layouts by the comparison, and they
	// serve again after the next swap. Mirroring costs what copying the
	// blocks does.
	return c.pairs.Add(pairKey{a, b}, mirrored(ba))
}
