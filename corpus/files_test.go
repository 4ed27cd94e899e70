package corpus_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestFilesReadASidecarOnce is a regression test: files loaded one at a
// time (the two a diff compares, the files an index's refresh reads)
// each read and parsed their folder's meta.json again. One Files reads a
// folder's sidecar once: a sidecar rewritten between two loads is seen by
// the second as it was first read, and by a new Files as it is now,
// however the folder is named (relative, absolute, with "."). A sidecar
// that cannot be used is said of every article beside it.
func TestFilesReadASidecarOnce(t *testing.T) {
	dir := t.TempDir()
	other := t.TempDir()
	write := func(dir, name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const text = "Storm floods coastal villages\n\nA storm brought high tides and heavy rain to the coast overnight.\n"
	write(dir, "a.txt", text)
	write(dir, "b.txt", text)
	write(other, "c.txt", text)
	write(dir, "meta.json", `{"a.txt": {"outlet": "First"}, "b.txt": {"outlet": "First"}}`)
	write(other, "meta.json", `{"c.txt": {"outlet": "Other"}}`)

	files := new(corpus.Files)
	outlet := func(f *corpus.Files, p string) string {
		t.Helper()
		a, probs, err := f.Load(p)
		if err != nil || len(probs) > 0 {
			t.Fatalf("%s: %v %v", p, err, probs)
		}
		return a.Outlet
	}
	if got := outlet(files, filepath.Join(dir, "a.txt")); got != "First" {
		t.Fatalf("a.txt: outlet %q, want First", got)
	}
	write(dir, "meta.json", `{"a.txt": {"outlet": "Second"}, "b.txt": {"outlet": "Second"}}`)
	t.Chdir(dir)
	tests := []struct {
		files      *corpus.Files
		path, want string
	}{
		{files, filepath.Join(dir, "b.txt"), "First"}, // read once, with a.txt
		{files, filepath.Join(other, "c.txt"), "Other"},
		{files, filepath.Join(dir, ".", "a.txt"), "First"},
		{files, "b.txt", "First"},
		{files, filepath.Join(".", "a.txt"), "First"},
		{files, filepath.Join("..", filepath.Base(dir), "b.txt"), "First"},
		{new(corpus.Files), filepath.Join(dir, "b.txt"), "Second"},
	}
	for _, tt := range tests {
		if got := outlet(tt.files, tt.path); got != tt.want {
			t.Errorf("%s: outlet %q, want %q", tt.path, got, tt.want)
		}
	}
	if a, _, err := corpus.LoadFile(filepath.Join(dir, "a.txt")); err != nil || a.Outlet != "Second" {
		t.Errorf("LoadFile: %v, outlet %q, want Second", err, a.Outlet)
	}

	write(dir, "meta.json", `{not json`)
	files = new(corpus.Files)
	for _, name := range []string{"a.txt", "b.txt"} {
		_, probs, err := files.Load(filepath.Join(dir, name))
		if err != nil || len(probs) != 1 || probs[0].Path != filepath.Join(dir, "meta.json") {
			t.Errorf("%s beside a broken meta.json: %v, problems %v; want one, of meta.json", name, err, probs)
		}
	}
}

// TestFilesLoadAs loads a copy of a file made elsewhere, as git writes an
// older version to a temporary folder, as the file itself: with the
// entry the first of the names that has one in its folder's meta.json,
// and that folder's story; an entry of the copy's own comes first, and a
// copy with none anywhere is named as a file without metadata is.
func TestFilesLoadAs(t *testing.T) {
	work, tmp, own := t.TempDir(), t.TempDir(), t.TempDir()
	write := func(dir, name, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const text = "Storm floods coastal villages\n\nA storm brought high tides and heavy rain to the coast overnight.\n"
	write(work, "news/new.txt", text)
	write(work, "news/meta.json", `{"new.txt": {"outlet": "Morning Post"}}`)
	write(tmp, "old.txt", text)
	write(own, "old.txt", text)
	write(own, "meta.json", `{"old.txt": {"outlet": "Own"}}`)
	t.Chdir(work)
	tests := []struct {
		path              string
		names             []string
		outlet, wantStory string
	}{
		{filepath.Join(tmp, "old.txt"), []string{"news/new.txt"}, "Morning Post", "news"},
		{filepath.Join(tmp, "old.txt"), []string{"news/old.txt", "missing/old.txt", "news/new.txt"}, "Morning Post", "news"},
		{filepath.Join(tmp, "old.txt"), []string{"news/old.txt"}, "old", "news"},
		{filepath.Join(tmp, "old.txt"), nil, "old", filepath.Base(tmp)},
		{filepath.Join(own, "old.txt"), []string{"news/new.txt"}, "Own", filepath.Base(own)},
	}
	for _, tt := range tests {
		a, probs, err := new(corpus.Files).LoadAs(tt.path, tt.names...)
		if err != nil || len(probs) > 0 {
			t.Fatalf("%s as %q: %v %v", tt.path, tt.names, err, probs)
		}
		if a.Outlet != tt.outlet || a.Story != tt.wantStory {
			t.Errorf("%s as %q: outlet %q, story %q; want %q, %q", tt.path, tt.names, a.Outlet, a.Story, tt.outlet, tt.wantStory)
		}
	}
}
