package compare

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestCacheRecoversFromPanic: a comparison that panics gives its caller an
// error and is not kept, so the next caller computes the pair again rather
// than every later caller (every SSH session) getting nil.
func TestCacheRecoversFromPanic(t *testing.T) {
	seeds := testcorpus.Seeds(t)
	c := NewCache()
	calls := 0
	c.compare = func(ctx context.Context, a, b *corpus.Article) (*Comparison, error) {
		calls++
		if calls == 1 {
			panic("boom")
		}
		return Compare(ctx, a, b)
	}
	got, err := c.Compare(context.Background(), seeds[0], seeds[1])
	if err == nil || got != nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("first call = %v, %v; want nil and an error naming the panic", got, err)
	}
	got, err = c.Compare(context.Background(), seeds[0], seeds[1])
	if err != nil || got == nil || len(got.Blocks) == 0 {
		t.Fatalf("second call = %v, %v; want the comparison", got, err)
	}
	again, _ := c.Compare(context.Background(), seeds[0], seeds[1])
	if again != got || calls != 2 {
		t.Errorf("third call computed again (calls = %d) or returned another value", calls)
	}
}

// TestCacheDropsCancelled: a comparison cancelled by its context is not
// kept either, and a waiter whose own context ends stops waiting.
func TestCacheDropsCancelled(t *testing.T) {
	seeds := testcorpus.Seeds(t)
	c := NewCache()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Compare(ctx, seeds[0], seeds[1]); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled call: err = %v, want context.Canceled", err)
	}
	if got, err := c.Compare(context.Background(), seeds[0], seeds[1]); err != nil || got == nil {
		t.Fatalf("after a cancelled call: %v, %v", got, err)
	}

	release := make(chan struct{})
	started := make(chan struct{})
	c.compare = func(ctx context.Context, a, b *corpus.Article) (*Comparison, error) {
		close(started)
		<-release
		return Compare(ctx, a, b)
	}
	var wg sync.WaitGroup
	wg.Go(func() { c.Compare(context.Background(), seeds[2], seeds[3]) })
	<-started
	wctx, wcancel := context.WithCancel(context.Background())
	wcancel()
	if _, err := c.Compare(wctx, seeds[2], seeds[3]); !errors.Is(err, context.Canceled) {
		t.Errorf("waiter with a done context: err = %v, want context.Canceled", err)
	}
	close(release)
	wg.Wait()
}

func TestCacheGetNeverComputes(t *testing.T) {
	arts := testcorpus.Seeds(t)
	a, b := arts[0], arts[1]
	c := NewCache()
	if got, ok := c.Get(a, b); ok || got != nil {
		t.Fatalf("Get on an empty cache: %v, %v", got, ok)
	}
	if got, ok := c.Get(a, b); ok || got != nil {
		t.Fatalf("Get computed the pair: %v, %v", got, ok)
	}
	want, err := c.Compare(context.Background(), a, b)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := c.Get(a, b); !ok || got != want {
		t.Errorf("Get after Compare: %p, %v; want %p", got, ok, want)
	}
	// A failed comparison is not kept.
	x, y := arts[2], arts[3]
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Compare(ctx, x, y); err == nil {
		t.Fatal("Compare with a cancelled context succeeded")
	}
	if _, ok := c.Get(x, y); ok {
		t.Errorf("Get returned a failed comparison")
	}
	if _, ok := c.Get(y, x); ok {
		t.Errorf("Get mirrored a failed comparison")
	}
}
