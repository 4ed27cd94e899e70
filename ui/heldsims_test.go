package ui

import (
	"context"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

// countingComparer compares through the reader's cache and notes each
// pair it is asked for.
type countingComparer struct {
	cache *analysis.Cache
	asked [][2]*corpus.Article
}

func (c *countingComparer) Compare(ctx context.Context, a, b *corpus.Article) (*compare.Comparison, error) {
	c.asked = append(c.asked, [2]*corpus.Article{a, b})
	return c.cache.Compare(ctx, a, b)
}

// TestSimilaritiesUseTheComparisonsHeld: when the left article changes,
// the list's similarities to it take a pair's figure from the comparison
// the comparison pane holds, which the cache may have let go, rather than
// compare the pair again in the background.
func TestSimilaritiesUseTheComparisonsHeld(t *testing.T) {
	for _, kind := range []string{"corpus", "archive"} {
		t.Run(kind, func(t *testing.T) {
			// A cache that keeps no pair.
			cache := analysis.NewCacheBytes(1, analysis.DefaultCacheBytes)
			m, arts := storyReader(t, kind == "archive", cache)
			m = send(m, setPairMsg{left: arts[0], right: arts[1]})
			first := m.compare.pane.cmp
			if first == nil {
				t.Fatal("no pair shown")
			}
			// Another left article, then the first again: the pane
			// shows the first pair from the layout it kept.
			m = send(m, setPairMsg{left: arts[2], right: arts[1]})
			m = send(m, setPairMsg{left: arts[0], right: arts[1]})
			if m.compare.pane.cmp != first {
				t.Fatal("the first pair is not shown from its kept layout; the test needs it")
			}
			if _, cached := m.cache.Get(first.Left, first.Right); cached {
				t.Fatal("the first pair's comparison is cached; the test needs it gone")
			}
			counting := &countingComparer{cache: m.cache}
			msg, ok := m.similaritiesBy(counting)().(similaritiesMsg)
			if !ok {
				t.Fatal("the similarities command gave no similarities")
			}
			for _, p := range counting.asked {
				if p[0] == first.Left && p[1] == first.Right {
					t.Errorf("the pair shown was compared again for the list (%d pairs compared)", len(counting.asked))
				}
			}
			if len(counting.asked) == 0 {
				t.Error("no pair was compared: the story's other articles are not held")
			}
			if got, ok := msg.sims[m.listed(arts[1])]; !ok || got != first.Similarity {
				t.Errorf("similarity of the right article = %v, %v; want %v from the comparison held", got, ok, first.Similarity)
			}
		})
	}
}
