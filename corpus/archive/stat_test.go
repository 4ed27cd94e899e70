package archive

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// TestStatFiles checks that statFiles gives each file os.Stat's size and
// time, following symbolic links, across folders and chunks, and nothing
// to a file that is gone or a link to nothing.
func TestStatFiles(t *testing.T) {
	root := t.TempDir()
	var files []diskFile
	add := func(p, text string, age time.Duration) {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		when := time.Unix(1700000000, 123456789).Add(-age)
		if err := os.Chtimes(full, when, when); err != nil {
			t.Fatal(err)
		}
		files = append(files, diskFile{FileState: FileState{Path: p}})
	}
	// More files than a chunk, so that a worker's chunk starts and ends
	// inside a folder, in folders apart and back.
	for i := range statChunk + 10 {
		add(filepath.ToSlash(filepath.Join("a", "f"+strconv.Itoa(i)+".txt")), "x"+strconv.Itoa(i), time.Duration(i)*time.Second)
	}
	add("top.txt", "top", time.Hour)
	add("b/c/deep.txt", "deep text", 2*time.Hour)
	add("a/last.txt", "last", 3*time.Hour)
	if err := os.Symlink("top.txt", filepath.Join(root, "link.txt")); err != nil {
		t.Fatal(err)
	}
	files = append(files, diskFile{FileState: FileState{Path: "link.txt"}})
	if err := os.Symlink("nowhere.txt", filepath.Join(root, "b", "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	files = append(files, diskFile{FileState: FileState{Path: "b/dangling.txt"}})
	files = append(files, diskFile{FileState: FileState{Path: "gone/gone.txt"}})
	files = append(files, diskFile{FileState: FileState{Path: "a/gone.txt"}})

	statFiles(context.Background(), root, files)
	for _, f := range files {
		var want FileState
		if info, err := os.Stat(filepath.Join(root, filepath.FromSlash(f.Path))); err == nil {
			want.Size, want.ModTime = info.Size(), info.ModTime()
		}
		if f.Size != want.Size || !f.ModTime.Equal(want.ModTime) {
			t.Errorf("%s: %d bytes at %v, want %d at %v", f.Path, f.Size, f.ModTime, want.Size, want.ModTime)
		}
	}
	if f := files[len(files)-4]; f.Size != 3 {
		t.Errorf("%s: %d bytes, want the 3 of the file it links to", f.Path, f.Size)
	}
}

// TestReadDir checks readDir against os.File.ReadDir, in the same order:
// files, folders, links to each and to nothing, hidden and
// odd names, and more entries than one read of the directory takes.
func TestReadDir(t *testing.T) {
	dir := t.TempDir()
	write := func(name string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 5000 {
		write("article-with-a-long-name-" + strconv.Itoa(i) + ".txt")
	}
	write(".hidden.txt")
	write("spaced name.md")
	write("line\nbreak.txt")
	write("latin1-\xe9.txt")
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for target, link := range map[string]string{"sub": "to-dir", "spaced name.md": "to-file.md", "nowhere": "dangling.txt"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}

	got, mtime, err := readDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	ents, err := f.ReadDir(-1)
	if err != nil {
		t.Fatal(err)
	}
	if !mtime.Equal(info.ModTime()) {
		t.Errorf("time %v, want %v", mtime, info.ModTime())
	}
	if len(got) != len(ents) {
		t.Fatalf("%d entries, want %d", len(got), len(ents))
	}
	for i, e := range ents {
		want := dirEntry{name: e.Name(), dir: e.IsDir(), link: e.Type()&fs.ModeSymlink != 0}
		if got[i] != want {
			t.Errorf("entry %d: %+v, want %+v", i, got[i], want)
		}
	}
}
