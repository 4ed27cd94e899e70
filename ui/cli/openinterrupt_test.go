package cli

import (
	"context"
	"errors"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/newsdiff/newsdiff/corpus/archive"
)

// TestOpenInterruptibleReturnsOnCancel checks that an archive being
// opened is given up as soon as the command's context is done, while the
// refresh is still at work: serve checked only between the refresh's
// steps, and an interrupt 1.5 s into its first index of 10,000 articles
// took 1.3 s more to end it.
func TestOpenInterruptibleReturnsOnCancel(t *testing.T) {
	// Not t.TempDir: the abandoned refresh may still be writing the index
	// when the test ends, and t.TempDir's removal would fail on the files
	// it adds meanwhile. This one is removed until it is gone.
	dir, err := os.MkdirTemp("", "newsdiff-interrupt-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for deadline := time.Now().Add(5 * time.Second); os.RemoveAll(dir) != nil && time.Now().Before(deadline); {
			time.Sleep(10 * time.Millisecond)
		}
	})
	writeFilesIn(t, dir, map[string]string{
		"a.txt": "Bridge vote\n\nThe council voted to open the bridge on Monday, said the mayor.\n",
		"b.txt": "Bridge closed\n\nThe council voted to close the bridge on Monday, the mayor said.\n",
	})
	ctx, cancel := context.WithCancel(context.Background())
	working, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	opts := archive.Options{Progress: func(archive.Progress) {
		once.Do(func() {
			close(working)
			<-release // the refresh is busy until the test lets it go
		})
	}}
	defer close(release)
	result := make(chan error, 1)
	go func() {
		_, err := openInterruptible(ctx, dir, opts)
		result <- err
	}()
	<-working
	cancel()
	if err := <-result; !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
}
