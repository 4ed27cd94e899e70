package memo

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestWaiterOutlivesACancelledComputation is a regression test: when the
// caller computing a key had its context cancelled (a reader abandoning a
// slow comparison), every caller waiting on that computation got the
// cancellation too, though its own context was live (the same reader's
// analysis of the story then failed). A waiter whose context is live now
// computes the value itself.
func TestWaiterOutlivesACancelledComputation(t *testing.T) {
	var m Map[string, int]
	ctx, cancel := context.WithCancel(context.Background())
	started := make(chan struct{})
	firstErr := make(chan error)
	go func() {
		_, err := m.Get(ctx, "k", "computing k", func(ctx context.Context) (int, error) {
			close(started)
			<-ctx.Done()
			return 0, ctx.Err()
		})
		firstErr <- err
	}()
	<-started
	type result struct {
		v   int
		err error
	}
	waiter := make(chan result)
	go func() {
		v, err := m.Get(context.Background(), "k", "computing k", func(context.Context) (int, error) { return 42, nil })
		waiter <- result{v, err}
	}()
	// Give the waiter time to find the computation under way. Either way
	// it must get 42: if it comes after the cancellation, it computes k
	// itself from the start.
	time.Sleep(50 * time.Millisecond)
	cancel()
	if err := <-firstErr; !errors.Is(err, context.Canceled) {
		t.Errorf("the cancelled caller: err = %v, want context.Canceled", err)
	}
	if r := <-waiter; r.err != nil || r.v != 42 {
		t.Errorf("the waiter with a live context: %d, %v; want 42", r.v, r.err)
	}
	// A waiter whose own context ends still stops waiting.
	block := make(chan struct{})
	go m.Get(context.Background(), "slow", "computing slow", func(context.Context) (int, error) { <-block; return 1, nil })
	time.Sleep(10 * time.Millisecond)
	done, stop := context.WithCancel(context.Background())
	stop()
	if _, err := m.Get(done, "slow", "computing slow", func(context.Context) (int, error) { return 2, nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("a waiter with a done context: err = %v, want context.Canceled", err)
	}
	close(block)
}
