// Package memo is a concurrent memo table with single flight: the first
// caller for a key computes its value while later callers wait, a
// computation that fails or panics is forgotten so the next caller tries
// again, and a waiter stops waiting when its own context ends. A Map may
// be bounded in bytes (see Bound), the least recently used values going
// first. The pair and story caches are built on it; it knows nothing of
// what they hold.
package memo

import (
	"container/list"
	"context"
	"errors"
	"fmt"
	"sync"
)

// Map memoises values of type V by key K. The zero Map is ready to use,
// keeps every value, and is safe for concurrent use.
type Map[K comparable, V any] struct {
	mu      sync.Mutex
	entries map[K]*entry[K, V]
	// budget, when positive, bounds used, the sum of the kept values'
	// sizes as size measures them; recent holds the kept entries, most
	// recently used at the front.
	budget int64
	size   func(V) int64
	used   int64
	recent list.List
}

// entry is one key's value, computed by the first caller while later
// callers wait on done.
type entry[K comparable, V any] struct {
	done chan struct{}
	v    V
	err  error
	key  K
	// at is the entry's place in recent once it is kept in a bounded
	// Map; bytes is its size then.
	at    *list.Element
	bytes int64
}

// Bound makes m keep values whose sizes, as size measures them, add up to
// at most budget bytes: past it, the least recently used values are
// dropped (their callers keep what they were given). A value larger than
// the whole budget is handed to its callers and not kept. Call Bound
// before m is used.
func (m *Map[K, V]) Bound(budget int64, size func(V) int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.budget, m.size = budget, size
}

// Used returns the bytes the kept values hold, by their sizes, and how
// many values are kept. An unbounded Map reports 0 bytes.
func (m *Map[K, V]) Used() (bytes int64, n int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n = 0
	for _, e := range m.entries {
		select {
		case <-e.done:
			n++
		default:
		}
	}
	return m.used, n
}

// Forget drops key's value, so that the next caller computes it again: it
// went stale. A computation under way is left to finish, and is then
// kept.
func (m *Map[K, V]) Forget(key K) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.entries[key]
	if !ok {
		return
	}
	select {
	case <-e.done:
		m.drop(e)
	default:
	}
}

// drop removes a computed entry; m.mu is held.
func (m *Map[K, V]) drop(e *entry[K, V]) {
	if m.entries[e.key] == e {
		delete(m.entries, e.key)
	}
	if e.at != nil {
		m.recent.Remove(e.at)
		e.at = nil
		m.used -= e.bytes
	}
}

// keep files a computed entry under the budget, if m is bounded, dropping
// the least recently used entries until the budget holds; m.mu is held.
func (m *Map[K, V]) keep(e *entry[K, V]) {
	if m.budget <= 0 || m.entries[e.key] != e {
		return
	}
	e.bytes = max(m.size(e.v), 1)
	if e.bytes > m.budget {
		delete(m.entries, e.key)
		return
	}
	e.at = m.recent.PushFront(e)
	m.used += e.bytes
	for m.used > m.budget {
		m.drop(m.recent.Back().Value.(*entry[K, V]))
	}
}

// touch marks a kept entry as just used; m.mu is held.
func (m *Map[K, V]) touch(e *entry[K, V]) {
	if e.at != nil {
		m.recent.MoveToFront(e.at)
	}
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
			m.entries = make(map[K]*entry[K, V])
		}
		e, ok := m.entries[key]
		if !ok {
			e = &entry[K, V]{done: make(chan struct{}), key: key}
			m.entries[key] = e
		} else {
			m.touch(e)
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
func (m *Map[K, V]) compute(ctx context.Context, key K, e *entry[K, V], what string, compute func(context.Context) (V, error)) (V, error) {
	defer close(e.done)
	e.v, e.err = safely(ctx, what, compute)
	m.mu.Lock()
	if e.err != nil {
		if m.entries[key] == e {
			delete(m.entries, key)
		}
	} else {
		m.keep(e)
	}
	m.mu.Unlock()
	return e.v, e.err
}

// Peek returns the value of key if it has been computed and kept, without
// computing it or waiting for a computation under way.
func (m *Map[K, V]) Peek(key K) (V, bool) {
	m.mu.Lock()
	e, ok := m.entries[key]
	if ok {
		m.touch(e)
	}
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

// Add keeps v as key's value unless key has one, and returns the value
// key holds: v, or the one computed or added before. It never waits:
// while a computation of key is under way it keeps nothing and returns
// false. It is for a value made at once from another that is kept (the
// other order of a pair, say), by a caller that must not block.
func (m *Map[K, V]) Add(key K, v V) (V, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.entries == nil {
		m.entries = make(map[K]*entry[K, V])
	}
	if e, ok := m.entries[key]; ok {
		select {
		case <-e.done:
			// A failed computation is dropped before it is done, so
			// that e holds a value.
			m.touch(e)
			return e.v, true
		default:
			var zero V
			return zero, false
		}
	}
	e := &entry[K, V]{done: make(chan struct{}), v: v, key: key}
	close(e.done)
	m.entries[key] = e
	m.keep(e)
	return v, true
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
