package compare

import (
	"context"
	"fmt"
	"sync"

	"github.com/newsdiff/newsdiff/corpus"
)

// Cache memoises comparisons by article pair. It is safe for concurrent
// use, so one Cache can serve every reader of a corpus (every SSH session
// of a server); a pair is computed once even when several goroutines ask
// for it at the same moment.
//
// A comparison that fails (it panicked, or its context was cancelled) is
// not kept: its callers get the error and the next caller computes the
// pair afresh, so one bad moment never poisons a pair for every session.
type Cache struct {
	mu    sync.Mutex
	pairs map[pairKey]*cacheEntry
	// compare computes a pair: Compare, except in tests that make it fail.
	compare func(ctx context.Context, a, b *corpus.Article) (*Comparison, error)
}

type pairKey struct{ left, right *corpus.Article }

// cacheEntry is one pair's comparison, computed by the first caller while
// later callers wait on done.
type cacheEntry struct {
	done chan struct{}
	c    *Comparison
	err  error
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{pairs: make(map[pairKey]*cacheEntry), compare: Compare}
}

// Compare returns Compare(ctx, a, b), computing it only the first time it
// succeeds. A caller waiting for another's computation stops waiting when
// its own ctx is done.
func (c *Cache) Compare(ctx context.Context, a, b *corpus.Article) (*Comparison, error) {
	key := pairKey{a, b}
	c.mu.Lock()
	e, ok := c.pairs[key]
	if !ok {
		e = &cacheEntry{done: make(chan struct{})}
		c.pairs[key] = e
	}
	c.mu.Unlock()
	if ok {
		select {
		case <-e.done:
			return e.c, e.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	defer close(e.done)
	e.c, e.err = c.comparePanicSafe(ctx, a, b)
	if e.err != nil {
		c.mu.Lock()
		delete(c.pairs, key)
		c.mu.Unlock()
	}
	return e.c, e.err
}

// comparePanicSafe runs Compare, turning a panic into an error naming the
// pair: a server must survive an input that trips a bug.
func (c *Cache) comparePanicSafe(ctx context.Context, a, b *corpus.Article) (cmp *Comparison, err error) {
	defer func() {
		if r := recover(); r != nil {
			cmp, err = nil, fmt.Errorf("comparing %s with %s failed: %v", a.ID, b.ID, r)
		}
	}()
	return c.compare(ctx, a, b)
}
