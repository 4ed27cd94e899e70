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

// DefaultCacheBytes bounds the analyses a Cache keeps, by estimate (see
// Analysis.Bytes), beside its comparisons' compare.DefaultCacheBytes: a
// few dozen stories of the largest size analysed.
const DefaultCacheBytes = 32 << 20

// NewCache returns an empty cache of the default sizes.
func NewCache() *Cache { return NewCacheBytes(compare.DefaultCacheBytes, DefaultCacheBytes) }

// NewCacheBytes returns an empty cache that keeps at most pairBytes of
// comparisons and storyBytes of analyses.
func NewCacheBytes(pairBytes, storyBytes int64) *Cache {
	c := &Cache{Cache: compare.NewCacheBytes(pairBytes), analyze: Analyze}
	c.stories.Bound(storyBytes, (*Analysis).Bytes)
	return c
}

// UsedAnalyses returns the bytes the analyses kept hold, by estimate, and their
// number.
func (c *Cache) UsedAnalyses() (bytes int64, stories int) { return c.stories.Used() }

// AnalyzeRead is Analyze for a story listed without its articles' text,
// as a reader on an archive lists it: the analysis is kept under listed,
// and read gives the story to analyse, with its text, when it is not kept.
func (c *Cache) AnalyzeRead(ctx context.Context, listed *corpus.Story, read func(context.Context) (*corpus.Story, error)) (*Analysis, error) {
	return c.stories.Get(ctx, listed, fmt.Sprintf("analysing %q", listed.Name), func(ctx context.Context) (*Analysis, error) {
		s, err := read(ctx)
		if err != nil {
			return nil, err
		}
		return c.analyze(ctx, s, c.Cache)
	})
}

// Bytes estimates the memory an analysis holds: its comparisons and its
// articles, each counted once.
func (an *Analysis) Bytes() int64 {
	var n int64
	for _, a := range an.Articles {
		n += compare.ArticleBytes(a)
	}
	for _, row := range an.Pairs {
		for _, c := range row {
			if c != nil {
				n += c.Bytes()
			}
		}
	}
	return n
}

// Analyze returns Analyze(ctx, s, c), computing it only the first time it
// succeeds.
func (c *Cache) Analyze(ctx context.Context, s *corpus.Story) (*Analysis, error) {
	return c.stories.Get(ctx, s, fmt.Sprintf("analysing %q", s.Name), func(ctx context.Context) (*Analysis, error) {
		return c.analyze(ctx, s, c.Cache)
	})
}
