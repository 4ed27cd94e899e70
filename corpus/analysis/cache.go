package analysis

import (
	"context"
	"fmt"
	"sync"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

// Cache memoises stories' analyses and, through the compare.Cache it
// embeds, their pairs' comparisons. It is safe for concurrent use: every
// reader of a story (every SSH session) shares one analysis. An analysis
// that fails is not kept, so the next caller tries again.
type Cache struct {
	*compare.Cache
	mu      sync.Mutex
	stories map[*corpus.Story]*storyEntry
	// analyze computes a story: Analyze, except in tests that make it fail.
	analyze func(ctx context.Context, s *corpus.Story, pairs *compare.Cache) (*Analysis, error)
}

type storyEntry struct {
	done chan struct{}
	an   *Analysis
	err  error
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{Cache: compare.NewCache(), stories: make(map[*corpus.Story]*storyEntry), analyze: Analyze}
}

// Analyze returns Analyze(ctx, s, c), computing it only the first time it
// succeeds.
func (c *Cache) Analyze(ctx context.Context, s *corpus.Story) (*Analysis, error) {
	c.mu.Lock()
	e, ok := c.stories[s]
	if !ok {
		e = &storyEntry{done: make(chan struct{})}
		c.stories[s] = e
	}
	c.mu.Unlock()
	if ok {
		select {
		case <-e.done:
			return e.an, e.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	defer close(e.done)
	e.an, e.err = c.analyzePanicSafe(ctx, s)
	if e.err != nil {
		c.mu.Lock()
		delete(c.stories, s)
		c.mu.Unlock()
	}
	return e.an, e.err
}

// analyzePanicSafe runs the analysis, turning a panic into an error naming
// the story.
func (c *Cache) analyzePanicSafe(ctx context.Context, s *corpus.Story) (an *Analysis, err error) {
	defer func() {
		if r := recover(); r != nil {
			an, err = nil, fmt.Errorf("analysing %q failed: %v", s.Name, r)
		}
	}()
	return c.analyze(ctx, s, c.Cache)
}
