package archive

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestFileGoneBeforeRead is a regression test: a file removed while a
// refresh ran, after the folder was listed and before the file was read
// (a day's articles tidied while newsdiff index ran), was stored as a
// skipped file, "cannot read: no such file or directory", and said as a
// problem of the folder until the next refresh dropped it. Such a file
// is dropped at once, a new one as an old one, and said nowhere.
func TestFileGoneBeforeRead(t *testing.T) {
	ctx := context.Background()
	dir := writeArchive(t)
	writeFile(t, dir, "harbour.txt", "Harbour bridge reopens\n\nThe harbour bridge reopened to traffic on Monday after two months of repairs.\n")
	open(t, dir, Options{}).Close()
	store, err := OpenSQLite(ctx, filepath.Join(dir, IndexDir, indexFile))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	stored, err := store.Entries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	disk, _, err := scan(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	// As the folder was listed: harbour.txt had changed since it was
	// indexed, and ferry.txt was new; both are gone when they are read.
	for i := range disk {
		if disk[i].Path == "harbour.txt" {
			disk[i].Size++
		}
	}
	disk = append(disk, diskFile{FileState: FileState{Path: "ferry.txt", Size: 120, ModTime: time.Now()}})
	if err := os.Remove(filepath.Join(dir, "harbour.txt")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := refresh(ctx, dir, store, stored, disk, Options{}); err != nil {
		t.Fatal(err)
	}
	after, err := store.Entries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range after {
		if e.Path == "harbour.txt" || e.Path == "ferry.txt" {
			t.Errorf("%s, gone before it was read, is stored: skipped %v, %q", e.Path, e.Skipped, e.Problem)
		}
	}
	if len(after) != len(stored)-1 {
		t.Errorf("%d files stored, want %d: those there before but harbour.txt", len(after), len(stored)-1)
	}
}
