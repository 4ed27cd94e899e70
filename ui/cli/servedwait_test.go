package cli

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/newsdiff/newsdiff/corpus/archive"
)

// TestServedAcquireLeavesWithItsSession checks that a session or command
// waiting while another looks at the served folder's files stops waiting
// when it is gone: the wait was on a mutex, and a refresh after many
// files were added, which takes minutes, held every client that came
// meanwhile, those that had left included.
func TestServedAcquireLeavesWithItsSession(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt": "Bridge vote\n\nThe council voted to open the bridge on Monday, said the mayor.\n",
	})
	ar, err := archive.Open(context.Background(), dir, archive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sa := newServedArchive(dir, ar, nil, io.Discard)
	defer sa.Close()
	sa.checking <- struct{}{} // another client is looking at the files
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		_, release := sa.acquire(ctx)
		release()
		close(done)
	}()
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second): // a guard against a hang, not a bound
		t.Fatal("acquire still waits after its session left")
	}
	<-sa.checking
}
