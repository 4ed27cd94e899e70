package corpus

import "sync"

// Cache memoises comparisons by article pair. It is safe for concurrent
// use, so one Cache can serve every reader of a corpus (every SSH session
// of a server); a pair is computed once even when several goroutines ask
// for it at the same moment.
type Cache struct {
	mu      sync.Mutex
	pairs   map[pairKey]*cacheEntry
	stories map[*Story]*storyEntry
}

type storyEntry struct {
	once sync.Once
	an   *Analysis
}

type pairKey struct{ left, right *Article }

type cacheEntry struct {
	once sync.Once
	c    *Comparison
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{pairs: make(map[pairKey]*cacheEntry), stories: make(map[*Story]*storyEntry)}
}

// Analyze returns Analyze(s, c), computing it only the first time: every
// reader of a story shares one analysis.
func (c *Cache) Analyze(s *Story) *Analysis {
	c.mu.Lock()
	e, ok := c.stories[s]
	if !ok {
		e = &storyEntry{}
		c.stories[s] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.an = Analyze(s, c) })
	return e.an
}

// Compare returns Compare(a, b), computing it only the first time.
func (c *Cache) Compare(a, b *Article) *Comparison {
	c.mu.Lock()
	e, ok := c.pairs[pairKey{a, b}]
	if !ok {
		e = &cacheEntry{}
		c.pairs[pairKey{a, b}] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.c = Compare(a, b) })
	return e.c
}
