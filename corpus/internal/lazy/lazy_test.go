package lazy

import (
	"sync"
	"testing"
)

// TestBuiltOnceOnFirstGet: Build runs on the first Get, not before, and
// once however many goroutines ask at once.
func TestBuiltOnceOnFirstGet(t *testing.T) {
	built := 0
	v := Value[[]string]{Build: func() []string {
		built++
		return []string{"killed", "injured"}
	}}
	if built != 0 {
		t.Fatal("built before the first Get")
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := v.Get(); len(got) != 2 {
				t.Errorf("Get() = %v", got)
			}
		}()
	}
	wg.Wait()
	if built != 1 {
		t.Errorf("built %d times, want once", built)
	}
}
