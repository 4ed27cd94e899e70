package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReaderOnFolderWithNothingToRead: the reader on a folder holding no
// article file fails as list does, one line naming the folder and status
// 1, without opening (it took the whole screen to say "There are no
// articles to read"); files that are there but none an article the reader
// reads in its background, and its opening says why as list would.
func TestReaderOnFolderWithNothingToRead(t *testing.T) {
	empty := t.TempDir()
	// A hidden folder's files and files of other kinds are not articles.
	if err := os.MkdirAll(filepath.Join(empty, ".newsdiff"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{".newsdiff/a.txt", "README.md", "photo.jpg"} {
		if err := os.WriteFile(filepath.Join(empty, name), []byte("Title\n\nText.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"list", empty}, {empty}} {
		le := newLocalEnv(t, true, "")
		status := le.run(args...)
		stderr := le.errb.String()
		if status != 1 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, empty+": no articles") {
			t.Errorf("newsdiff %q: status %d, stderr %q; want 1 and one line naming the folder", args, status, stderr)
		}
		if le.read != nil {
			t.Errorf("newsdiff %q opened the reader", args)
		}
	}

	binary := t.TempDir()
	if err := os.WriteFile(filepath.Join(binary, "a.txt"), []byte("a\x00b"), 0o644); err != nil {
		t.Fatal(err)
	}
	le := newLocalEnv(t, true, "")
	if status := le.run(binary); status != 0 || le.read == nil {
		t.Fatalf("newsdiff on a folder of a binary file: status %d, reader opened %v", status, le.read != nil)
	}
	if le.openErr == nil || !strings.Contains(le.openErr.Error(), "no article could be read") {
		t.Errorf("opening a folder of a binary file: opened %v, error %v; want no article could be read", le.opened != nil, le.openErr)
	}
}
