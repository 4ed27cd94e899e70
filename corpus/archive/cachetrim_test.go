package archive

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestCacheTrimmed is a regression test: every folder that could not be
// written left an index in the user's cache directory, and nothing ever
// removed them. An opening that keeps its index in the cache now removes
// those no run has used for a month, with SQLite's files beside them, at
// most once a day; its own index, however old, is marked used first and
// kept, and what is not an index of newsdiff's is left alone.
func TestCacheTrimmed(t *testing.T) {
	dir := readOnlyArchive(t)
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	a := open(t, dir, Options{})
	own := a.IndexPath()
	a.Close()
	folder := filepath.Join(cache, "newsdiff")
	if filepath.Dir(own) != folder {
		t.Fatalf("index %s, want it in %s", own, folder)
	}

	now := time.Now()
	long, recent := now.Add(-cacheUnusedFor-time.Hour), now.Add(-cacheUnusedFor+24*time.Hour)
	write := func(name string, at time.Time) string {
		t.Helper()
		p := filepath.Join(folder, name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
		return p
	}
	stale := write("index-00000000000000aa.db", long)
	staleWAL := write("index-00000000000000aa.db-wal", long)
	kept := write("index-00000000000000bb.db", recent)
	other := write("notes.db", long)
	if err := os.Chtimes(own, long, long); err != nil {
		t.Fatal(err)
	}
	// Looked over a moment ago: nothing is trimmed yet.
	write(trimStamp, now)
	open(t, dir, Options{}).Close()
	if _, err := os.Stat(stale); err != nil {
		t.Errorf("the cache was trimmed twice in a day: %v", err)
	}

	// A day on, the opening trims.
	write(trimStamp, now.Add(-cacheTrimEvery-time.Minute))
	if err := os.Chtimes(own, long, long); err != nil {
		t.Fatal(err)
	}
	b := open(t, dir, Options{})
	if b.IndexNote(nil) != "" {
		t.Errorf("its own index was trimmed and made again: %q", b.IndexNote(nil))
	}
	b.Close()
	for _, p := range []string{stale, staleWAL} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s, unused for a month, is still there (%v)", filepath.Base(p), err)
		}
	}
	for _, p := range []string{kept, other, own} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(p), err)
		}
	}
	if info, err := os.Stat(own); err != nil || time.Since(info.ModTime()) > time.Hour {
		t.Errorf("the index used is not marked used: %v, %v", info.ModTime(), err)
	}
}

// TestCacheTrimLeavesIndexInUse is a regression test: the trim went by
// an index's time alone, which says when a run last opened it, and a
// server or a reader kept open a month on a read-only folder whose files
// did not change had its index removed by another run's trim, under the
// connection it still had. An index a connection has open is left; once
// closed, it is trimmed as any other.
func TestCacheTrimLeavesIndexInUse(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	served, other := readOnlyArchive(t), readOnlyArchive(t)
	long := time.Now().Add(-cacheUnusedFor - time.Hour)
	a := open(t, served, Options{})
	held := a.IndexPath()
	trimAgain := func() {
		t.Helper()
		stamp := filepath.Join(filepath.Dir(held), trimStamp)
		day := time.Now().Add(-cacheTrimEvery - time.Minute)
		if err := os.Chtimes(stamp, day, day); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(held, long, long); err != nil {
			t.Fatal(err)
		}
		open(t, other, Options{}).Close()
	}
	trimAgain()
	if _, err := os.Stat(held); err != nil {
		t.Fatalf("the index a connection has open was trimmed: %v", err)
	}
	a.Close()
	trimAgain()
	if _, err := os.Stat(held); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("closed and unused for a month, the index is still there (%v)", err)
	}
}
