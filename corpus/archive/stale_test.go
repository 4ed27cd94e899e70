package archive

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsdiff/newsdiff/corpus/archive/archivetest"
)

// TestStaleNotForUnreadable: a file that cannot be stat'ed, a symbolic
// link to nothing, is the same file on the next look. Its zero time did
// not survive the index (stored as nanoseconds it cannot be), so every
// command indexed it again, and the reader said on every start that the
// archive had changed on disk.
func TestStaleNotForUnreadable(t *testing.T) {
	dir := writeArchive(t)
	if err := os.Symlink("nowhere.txt", filepath.Join(dir, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	open(t, dir, Options{}).Close()
	a := open(t, dir, Options{NoRefresh: true})
	if stale, err := a.Stale(context.Background()); err != nil || stale {
		t.Errorf("Stale = %v, %v; want false", stale, err)
	}
	if b := open(t, dir, Options{}); b.Changed() {
		t.Error("refreshing again: Changed = true, want false")
	}
}

// TestStale: an archive opened from its index as it was is stale once a
// file is added, removed or changed, and not before; opening it again,
// refreshing, makes it current.
func TestStale(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(t *testing.T, dir string)
		stale bool
	}{
		{"unchanged", func(*testing.T, string) {}, false},
		{"added", func(t *testing.T, dir string) {
			writeFile(t, dir, "new.txt", "Storm closes ports\n\nA storm closed every port on the coast on Tuesday.\n")
		}, true},
		{"removed", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, "zoo.txt")); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"same size, new time", func(t *testing.T, dir string) {
			later := time.Now().Add(time.Hour)
			if err := os.Chtimes(filepath.Join(dir, "zoo.txt"), later, later); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"rewritten", func(t *testing.T, dir string) {
			writeFile(t, dir, "zoo.txt", "Panda cub named\n\nThe zoo named its panda cub on Friday.\n")
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeArchive(t)
			open(t, dir, Options{}).Close()
			a := open(t, dir, Options{NoRefresh: true})
			tt.edit(t, dir)
			stale, err := a.Stale(context.Background())
			if err != nil || stale != tt.stale {
				t.Fatalf("Stale = %v, %v; want %v", stale, err, tt.stale)
			}
			b := open(t, dir, Options{})
			if b.Changed() != tt.stale {
				t.Errorf("refreshing: Changed = %v, want %v", b.Changed(), tt.stale)
			}
			if stale, err := b.Stale(context.Background()); err != nil || stale {
				t.Errorf("after refreshing, Stale = %v, %v", stale, err)
			}
		})
	}
}

// TestStaleWhenMarkedDamaged is a regression test: an index a search
// found damaged is marked to be rebuilt on its next opening, but a
// server opens its folder again only when Stale says so, which looked at
// the files alone: the index of a served folder was searched, failing,
// until the server was restarted. An index marked damaged is stale, and
// opened again, rebuilt.
func TestStaleWhenMarkedDamaged(t *testing.T) {
	ctx := context.Background()
	dir := writeArchive(t)
	open(t, dir, Options{}).Close()
	p := filepath.Join(dir, IndexDir, indexFile)
	archivetest.DamagePages(t, p, `name = 'fts_data'`)
	a := open(t, dir, Options{NoRefresh: true})
	if stale, err := a.Stale(ctx); err != nil || stale {
		t.Fatalf("before the search, Stale = %v, %v; want false", stale, err)
	}
	if _, err := a.Listing(0).Search(ctx, "zookeepers", 10); !IsCorrupt(err) {
		t.Fatalf("search of a damaged full text: %v, want the damage", err)
	}
	if stale, err := a.Stale(ctx); err != nil || !stale {
		t.Errorf("after the search found the damage, Stale = %v, %v; want true", stale, err)
	}
	a.Close()
	a = open(t, dir, Options{})
	want := "index " + p + " was damaged or out of date (its full text unreadable); rebuilt"
	if w := a.Warnings(nil); len(w) != 1 || w[0] != want {
		t.Errorf("warnings %q, want [%q]", w, want)
	}
	if stale, err := a.Stale(ctx); err != nil || stale {
		t.Errorf("the rebuilt index: Stale = %v, %v; want false", stale, err)
	}
}
