package analysis

import (
	"context"
	"fmt"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/corpus/internal/memo"
)

// Cache memoises stories' analyses and, through the compare.Cache it
// embeds, their pairs' comparisons. It is safe for concurrent use: every
// reader of a story (every SSH session) shares one analysis. An analysis
// that fails is not kept, so the next caller tries again.
type Cache struct {
	*compare.Cache
	stories memo.Map[*corpus.Story, *Analysis]
	// analyze computes a story: Analyze, except in tests that make it fail.
	analyze func(ctx context.Context, s *corpus.Story, pairs *compare.Cache) (*Analysis, error)
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{Cache: compare.NewCache(), analyze: Analyze}
}

// Analyze returns Analyze(ctx, s, c), computing it only the first time it
// succeeds.
func (c *Cache) Analyze(ctx context.Context, s *corpus.Story) (*Analysis, error) {
	return c.stories.Get(ctx, s, fmt.Sprintf("analysing %q", s.Name), func(ctx context.Context) (*Analysis, error) {
		return c.analyze(ctx, s, c.Cache)
	})
}
