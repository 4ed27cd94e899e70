package analysis

import (
	"context"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestCacheRecoversFromPanic: an analysis that panics gives its caller an
// error and is not kept; the next caller analyses the story again.
func TestCacheRecoversFromPanic(t *testing.T) {
	st := &corpus.Story{Name: "seeds", Articles: testcorpus.Seeds(t)}
	c := NewCache()
	calls := 0
	c.analyze = func(ctx context.Context, s *corpus.Story, pairs *compare.Cache) (*Analysis, error) {
		calls++
		if calls == 1 {
			panic("boom")
		}
		return Analyze(ctx, s, pairs)
	}
	an, err := c.Analyze(context.Background(), st)
	if err == nil || an != nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("first call = %v, %v; want nil and an error naming the panic", an, err)
	}
	an, err = c.Analyze(context.Background(), st)
	if err != nil || an == nil || len(an.Articles) != 5 {
		t.Fatalf("second call = %v, %v; want the analysis", an, err)
	}
	if again, _ := c.Analyze(context.Background(), st); again != an || calls != 2 {
		t.Errorf("third call computed again (calls = %d) or returned another value", calls)
	}
}
