package articles

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// seedDir is where the original seed texts sit beside a checkout, when they
// do.
var seedDir = filepath.Join("..", "..", "shared", "seeds")

func texts(t *testing.T, fsys fs.FS) []string {
	t.Helper()
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		t.Fatal(err)
	}
	return names
}

func TestEmbeddedMatchSeeds(t *testing.T) {
	if _, err := os.Stat(seedDir); err != nil {
		t.Skipf("no seed directory to compare with (%v)", err)
	}
	seeds := os.DirFS(seedDir)
	want, got := texts(t, seeds), texts(t, FS)
	if !slices.Equal(got, want) {
		t.Fatalf("embedded files %q, want the seeds %q", got, want)
	}
	for _, name := range want {
		seed, err := fs.ReadFile(seeds, name)
		if err != nil {
			t.Fatal(err)
		}
		embedded, err := fs.ReadFile(FS, name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(embedded, seed) {
			t.Errorf("%s: embedded bytes differ from the seed (%d bytes, want %d)", name, len(embedded), len(seed))
		}
	}
}

func TestMetaNamesEveryText(t *testing.T) {
	raw, err := fs.ReadFile(FS, "meta.json")
	if err != nil {
		t.Fatal(err)
	}
	var meta map[string]struct {
		Outlet, Date string
	}
	if err := json.Unmarshal(raw, &meta); err != nil {
		t.Fatalf("meta.json: %v", err)
	}
	names := texts(t, FS)
	if len(names) != 5 {
		t.Errorf("%d embedded texts, want 5", len(names))
	}
	for _, name := range names {
		m, ok := meta[name]
		switch {
		case !ok:
			t.Errorf("meta.json has no entry for %s", name)
		case m.Outlet == "" || m.Date == "":
			t.Errorf("meta.json entry for %s: outlet %q, date %q; want both", name, m.Outlet, m.Date)
		}
	}
	for name := range meta {
		if !slices.Contains(names, name) {
			t.Errorf("meta.json names %s, which is not embedded", name)
		}
	}
}
