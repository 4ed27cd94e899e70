// Package memo is a concurrent memo table with single flight: the first
// caller for a key computes its value while later callers wait, a
// computation that fails or panics is forgotten so the next caller tries
// again, and a waiter stops waiting when its own context ends. The pair
// and story caches are built on it; it knows nothing of what they hold.
package memo

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// Map memoises values of type V by key K. The zero Map is ready to use and
// safe for concurrent use.
type Map[K comparable, V any] struct {
	mu      sync.Mutex
	entries map[K]*entry[V]
}

// entry is one key's value, computed by the first caller while later
// callers wait on done.
type entry[V any] struct {
	done chan struct{}
	v    V
	err  error
}

// Get returns the value for key, calling compute for it unless an earlier
// call succeeded or one is under way. A panic in compute becomes an error
// whose text begins with what; like any error, it is returned to the
// callers of that computation and not kept.
//
// A computation ended by its own caller's context (a reader abandoning a
// comparison) does not end its waiters': a waiter whose context is live
// computes the value itself.
func (m *Map[K, V]) Get(ctx context.Context, key K, what string, compute func(context.Context) (V, error)) (V, error) {
	for {
		m.mu.Lock()
		if m.entries == nil {
			m.entries = make(map[K]*entry[V])
		}
		e, ok := m.entries[key]
		if !ok {
			e = &entry[V]{done: make(chan struct{})}
			m.entries[key] = e
		}
		m.mu.Unlock()
		if !ok {
			return m.compute(ctx, key, e, what, compute)
		}
		select {
		case <-e.done:
			if isContextErr(e.err) && ctx.Err() == nil {
				continue // the computing caller gave up; this one has not
			}
			return e.v, e.err
		case <-ctx.Done():
			var zero V
			return zero, ctx.Err()
		}
	}
}

func isContextErr(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// compute fills e, the entry of key, and drops it if it failed.
func (m *Map[K, V]) compute(ctx context.Context, key K, e *entry[V], what string, compute func(context.Context) (V, error)) (V, error) {
	defer close(e.done)
	e.v, e.err = safely(ctx, what, compute)
	if e.err != nil {
		m.mu.Lock()
		delete(m.entries, key)
		m.mu.Unlock()
	}
	return e.v, e.err
}

// Peek returns the value of key if it has been computed and kept, without
// computing it or waiting for a computation under way.
func (m *Map[K, V]) Peek(key K) (V, bool) {
	m.mu.Lock()
	e, ok := m.entries[key]
	m.mu.Unlock()
	var zero V
	if !ok {
		return zero, false
	}
	select {
	case <-e.done:
		if e.err != nil {
			return zero, false
		}
		return e.v, true
	default:
		return zero, false
	}
}

// safely calls compute, turning a panic into an error: a server must
// survive an input that trips a bug.
func safely[V any](ctx context.Context, what string, compute func(context.Context) (V, error)) (v V, err error) {
	defer func() {
		if r := recover(); r != nil {
			var zero V
			v, err = zero, fmt.Errorf("%s failed: %v", what, r)
		}
	}()
	return compute(ctx)
}
