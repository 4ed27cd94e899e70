package memo

import (
	"context"
	"fmt"
	"testing"
)

// TestBoundEvictsLeastRecentlyUsed: a bounded Map keeps the values that
// fit its budget, dropping the least recently used first, so that memory
// does not grow with the keys asked for.
func TestBoundEvictsLeastRecentlyUsed(t *testing.T) {
	var m Map[int, []byte]
	m.Bound(100, func(v []byte) int64 { return int64(len(v)) })
	computed := map[int]int{}
	get := func(k int) {
		t.Helper()
		v, err := m.Get(context.Background(), k, "k", func(context.Context) ([]byte, error) {
			computed[k]++
			return make([]byte, 30), nil
		})
		if err != nil || len(v) != 30 {
			t.Fatalf("Get(%d) = %d bytes, %v", k, len(v), err)
		}
	}
	for k := range 1000 {
		get(k)
		if used, n := m.Used(); used > 100 || n > 3 {
			t.Fatalf("after %d keys: %d bytes in %d values, want at most 100 in 3", k+1, used, n)
		}
	}
	// 997, 998 and 999 are kept; using 997 makes 998 the oldest.
	get(997)
	get(5000)
	if _, ok := m.Peek(998); ok {
		t.Errorf("998, the least recently used, is still kept")
	}
	for _, k := range []int{997, 999, 5000} {
		if _, ok := m.Peek(k); !ok {
			t.Errorf("%d is not kept", k)
		}
	}
	if computed[997] != 1 {
		t.Errorf("997 computed %d times, want once", computed[997])
	}
}

// TestBoundTooLarge: a value larger than the whole budget reaches its
// caller and is not kept, and evicts nothing.
func TestBoundTooLarge(t *testing.T) {
	var m Map[string, []byte]
	m.Bound(100, func(v []byte) int64 { return int64(len(v)) })
	m.Get(context.Background(), "small", "", func(context.Context) ([]byte, error) { return make([]byte, 10), nil })
	v, err := m.Get(context.Background(), "huge", "", func(context.Context) ([]byte, error) { return make([]byte, 1000), nil })
	if err != nil || len(v) != 1000 {
		t.Fatalf("Get(huge) = %d bytes, %v", len(v), err)
	}
	if _, ok := m.Peek("huge"); ok {
		t.Errorf("a value over the budget is kept")
	}
	if _, ok := m.Peek("small"); !ok {
		t.Errorf("a value over the budget evicted the others")
	}
}

// TestForget: a forgotten key is computed again by its next caller.
func TestForget(t *testing.T) {
	for _, budget := range []int64{0, 100} {
		t.Run(fmt.Sprint(budget), func(t *testing.T) {
			var m Map[string, int]
			m.Bound(budget, func(int) int64 { return 10 })
			n := 0
			f := func(context.Context) (int, error) { n++; return n, nil }
			m.Get(context.Background(), "k", "", f)
			m.Forget("k")
			if v, _ := m.Get(context.Background(), "k", "", f); v != 2 {
				t.Errorf("after Forget, Get = %d, want 2 (computed again)", v)
			}
			if used, kept := m.Used(); kept != 1 || (budget > 0 && used != 10) {
				t.Errorf("Used = %d bytes, %d values; want 10 and 1", used, kept)
			}
		})
	}
}

// TestAdd: an added value is kept, counted and returned to later callers;
// a key that has a value keeps it; and Add does not wait for a
// computation under way.
func TestAdd(t *testing.T) {
	var m Map[string, int]
	m.Bound(100, func(int) int64 { return 10 })
	if v, ok := m.Add("k", 1); !ok || v != 1 {
		t.Errorf("Add to an empty map = %d, %v; want 1, true", v, ok)
	}
	if v, ok := m.Add("k", 2); !ok || v != 1 {
		t.Errorf("Add over a value = %d, %v; want the value kept, 1", v, ok)
	}
	if v, err := m.Get(context.Background(), "k", "", func(context.Context) (int, error) { return 3, nil }); err != nil || v != 1 {
		t.Errorf("Get after Add = %d, %v; want 1 without computing", v, err)
	}
	if used, kept := m.Used(); used != 10 || kept != 1 {
		t.Errorf("Used = %d bytes, %d values; want 10 and 1", used, kept)
	}
	release, started := make(chan struct{}), make(chan struct{})
	done := make(chan int)
	go func() {
		v, _ := m.Get(context.Background(), "slow", "", func(context.Context) (int, error) {
			close(started)
			<-release
			return 4, nil
		})
		done <- v
	}()
	<-started
	if v, ok := m.Add("slow", 5); ok {
		t.Errorf("Add during a computation = %d, true; want false", v)
	}
	close(release)
	if v := <-done; v != 4 {
		t.Errorf("the computation under way gave %d, want 4", v)
	}
}
