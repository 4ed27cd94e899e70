package archive

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"
)

// TestWaitsForAnotherWritersBatch is a regression test: two newsdiffs
// building one archive's index at once (newsdiff index DIR, and a list or
// a reader started meanwhile) each hold its write lock for a batch of
// putBatch records at a time, over 5 s while they share the processors;
// the one outwaited past 2 s gave the index up for a temporary one,
// rebuilding it all, and `newsdiff index` failed ("index not kept"). A
// batch of that length is now waited for.
func TestWaitsForAnotherWritersBatch(t *testing.T) {
	dir := writeArchive(t)
	open(t, dir, Options{}).Close()
	holder, err := sql.Open("sqlite", filepath.Join(dir, IndexDir, indexFile))
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	conn, err := holder.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	// The other writer's batch ends after 3 s.
	done := make(chan error, 1)
	go func() {
		time.Sleep(3 * time.Second)
		_, err := conn.ExecContext(context.Background(), `COMMIT`)
		done <- err
	}()
	// Make the index stale, so that opening must write.
	writeFile(t, dir, "volcano.txt", "Volcano erupts near Reykjavik\n\nLava fountains lit the sky over the Reykjanes peninsula.\n")

	a := open(t, dir, Options{})
	defer a.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if w := a.Warnings(nil); len(w) != 0 {
		t.Errorf("warnings %q, want none: the other writer's batch is waited for", w)
	}
	if got, want := a.IndexPath(), filepath.Join(dir, IndexDir, indexFile); got != want {
		t.Errorf("index %s, want %s", got, want)
	}
}
