package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestManReplacesNoFileThroughALink is a regression test: newsdiff man
// DIR wrote each page through whatever had its name, so that a symbolic
// link DIR/newsdiff.1 had the file it points to overwritten with the
// page, wherever that was: in a folder another user can write (the help's
// own example is /tmp/man), a link to the user's ~/.bashrc. A page is now
// written beside its name and renamed onto it, which replaces the link,
// not what it points to; nothing else is left in DIR.
func TestManReplacesNoFileThroughALink(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(t.TempDir(), "victim")
	if err := os.WriteFile(victim, []byte("keep me\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, filepath.Join(dir, "newsdiff.1")); err != nil {
		t.Fatal(err)
	}
	le := newLocalEnv(t, false, "")
	if code := le.run("man", dir); code != 0 {
		t.Fatalf("man: exit %d: %s", code, le.errb)
	}
	if b, _ := os.ReadFile(victim); string(b) != "keep me\n" {
		t.Errorf("the file the link points to was written: %.60q", b)
	}
	info, err := os.Lstat(filepath.Join(dir, "newsdiff.1"))
	if err != nil || !info.Mode().IsRegular() {
		t.Fatalf("newsdiff.1: mode %v, %v; want the page, a regular file", info.Mode(), err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "newsdiff.1")); !strings.Contains(string(b), `.TH "NEWSDIFF" "1"`) {
		t.Errorf("newsdiff.1 is not the page:\n%.200s", b)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if !strings.HasPrefix(e.Name(), "newsdiff") || !strings.HasSuffix(e.Name(), ".1") {
			t.Errorf("left in the folder: %s", e.Name())
		}
	}
}
