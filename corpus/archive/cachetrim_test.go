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
	dir := writeArchive(t)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
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
