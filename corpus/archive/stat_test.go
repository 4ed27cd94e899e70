package archive

import (
	"context"
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
