//go:build unix

package cli

import (
	"os"
	"testing"
)

// TestUnreadableFolder is a regression test: a folder that cannot be
// listed failed, for a command opening it through its index, with an
// error naming the index placed for it, a temporary one where the folder
// could not be written either ("DIR: index /tmp/newsdiff-index-….db: open
// DIR: permission denied"), and left that index behind; the reader said
// "DIR: open DIR: permission denied". Each now says it as a file that
// cannot be read is said, and leaves nothing in the temporary directory.
// (Root lists any folder: run as another user.)
func TestUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root lists any folder")
	}
	dir := writeFiles(t, map[string]string{
		"a.txt": "Bridge vote\n\nThe council voted on Monday to shut the old bridge over the river.\n",
		"b.txt": "Bridge shut\n\nThe council voted on Monday to close the old bridge over the river.\n",
	})
	if err := os.Chmod(dir, 0o100); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	t.Setenv("HOME", "")
	t.Setenv("XDG_CACHE_HOME", "")
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"list", dir}, "newsdiff list: " + dir + ": permission denied\n"},
		{[]string{"matrix", dir}, "newsdiff matrix: " + dir + ": permission denied\n"},
		{[]string{"index", dir}, "newsdiff index: " + dir + ": permission denied\n"},
		{[]string{"diff", "--dir", dir, "a", "b"}, "newsdiff diff: " + dir + ": permission denied\n"},
		{[]string{dir}, "newsdiff: " + dir + ": permission denied\n"},
	} {
		le := newLocalEnv(t, true, "")
		if code := le.run(tt.args...); code != ExitError || le.errb.String() != tt.want {
			t.Errorf("%q: exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", tt.args, code, le.errb, ExitError, tt.want)
		}
	}
	left, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range left {
		t.Errorf("left behind in the temporary directory: %s", e.Name())
	}
}

// TestFileInUnsearchableFolder is a regression test: a file named in a
// folder that cannot be searched was said not to be there, "no such file
// or directory", by diff and the reader, where it is there and cannot be
// read: the permission is what is denied. (Root searches any folder: run
// as another user.)
func TestFileInUnsearchableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root searches any folder")
	}
	dir := writeFiles(t, map[string]string{
		"a.txt": "Bridge vote\n\nThe council voted on Monday to shut the old bridge over the river.\n",
	})
	other := writeFiles(t, map[string]string{
		"b.txt": "Bridge shut\n\nThe council voted on Monday to close the old bridge over the river.\n",
	})
	if err := os.Chmod(dir, 0o000); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	a, b := dir+"/a.txt", other+"/b.txt"
	for _, tt := range []struct {
		terminal bool
		args     []string
		code     int
		want     string
	}{
		{false, []string{"diff", a, b}, ExitError, "newsdiff diff: " + a + ": permission denied\n"},
		{false, []string{"diff", "-q", b, a}, ExitUsage, "newsdiff diff: " + a + ": permission denied\n"},
		{true, []string{b, a}, ExitError, "newsdiff: " + a + ": permission denied\n"},
	} {
		le := newLocalEnv(t, tt.terminal, "")
		if code := le.run(tt.args...); code != tt.code || le.errb.String() != tt.want {
			t.Errorf("%q: exit %d, stderr %q; want %d, %q", tt.args, code, le.errb, tt.code, tt.want)
		}
	}
}

// TestAddToFolderNotWritable is a regression test: add into a folder
// that cannot be written said "page.html: permission denied" of each page,
// which could be read, and went on to the next to fail the same. It names
// the folder, once, and stops. (Root writes in any folder: run as another
// user.)
func TestAddToFolderNotWritable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes in any folder")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	le := newLocalEnv(t, false, "")
	want := "newsdiff add: cannot write in the folder " + dir + ": permission denied\n"
	if code := le.run("add", dir, testPage, testPage); code != ExitError || le.errb.String() != want {
		t.Errorf("add into a folder not writable: exit %d, stderr %q; want %d, %q", code, le.errb, ExitError, want)
	}
}
