package archive

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
)

// TestOpenNewIndexAtOnce is a regression test: two commands run at once
// on a folder with no index yet (newsdiff list DIR beside newsdiff quotes
// DIR, or a shell's completion while a command runs) both found no
// tables, and the one that waited for the other's lock then made them
// again: "SQL logic error: table meta already exists", status 1. The
// second now finds, under the lock, the index the first made, and opens
// it; at worst it finds the index in use (IsLocked), which Open answers
// with a temporary index and a warning.
func TestOpenNewIndexAtOnce(t *testing.T) {
	dir := t.TempDir()
	for round := range 20 {
		path := filepath.Join(dir, "index-"+string(rune('a'+round))+".db")
		var wg sync.WaitGroup
		start := make(chan struct{})
		errs := make([]error, 4)
		for i := range errs {
			wg.Go(func() {
				<-start
				s, err := OpenSQLite(context.Background(), path)
				if err == nil {
					s.Close()
				}
				errs[i] = err
			})
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil && !IsLocked(err) {
				t.Fatalf("round %d: opener %d of a new index: %v", round, i, err)
			}
		}
	}
}
