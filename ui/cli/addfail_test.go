package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// addPage is a saved page of one article, larger than 2 KiB.
const addPage = "../../corpus/extract/testdata/article.html"

// TestAddFailedWriteLeavesNothing runs add with the shell's file size
// limit below the article's size, so that the write fails part way as on
// a full disk. No partial article may stay behind: the old add kept the
// first kilobyte, and the next add then skipped the page as "already in"
// that file. A failed --force must keep the article it was to replace.
func TestAddFailedWriteLeavesNothing(t *testing.T) {
	bin := newsdiffBinary(t)
	page, err := filepath.Abs(addPage)
	if err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(page); err != nil || info.Size() < 2048 {
		t.Fatalf("the test page must be larger than the limit: %v", err)
	}
	// ulimit -f counts blocks of 512 or 1024 bytes, as the shell has it;
	// one block is below the article either way. The Go runtime ignores
	// SIGXFSZ, so the write returns EFBIG.
	limited := func(args ...string) (string, error) {
		cmd := exec.Command("sh", append([]string{"-c", `ulimit -f 1 && exec "$@"`, "sh", bin}, args...)...)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	name := "the-example-courier-harbour-bridge-reopens-after-storm-repairs.txt"

	dir := t.TempDir()
	out, err := limited("add", dir, page)
	if err == nil || !strings.Contains(out, "file too large") {
		t.Fatalf("add under a 1-block limit: %v, %q; want a failure saying the file is too large", err, out)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		t.Errorf("a failed add left %s behind", e.Name())
	}
	if out, err := exec.Command(bin, "add", dir, page).CombinedOutput(); err != nil || !strings.Contains(string(out), "176 words") {
		t.Errorf("add after the failed one: %v, %q; want the article added", err, out)
	}

	mine := []byte("Mine\n\nMy own words.\n")
	dir = t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), mine, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := limited("add", "--force", dir, page); err == nil {
		t.Fatalf("add --force under a 1-block limit succeeded: %q", out)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, name)); string(b) != string(mine) {
		t.Errorf("a failed --force left %q; want the old article kept", b)
	}
	entries, _ = os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("a failed --force left %d files; want the one article", len(entries))
	}
}

// TestAddKeepsTheFileMode checks that the article add writes has the mode
// of any file the user makes (0644 under umask 022), not the private mode
// of a temporary file.
func TestAddKeepsTheFileMode(t *testing.T) {
	bin := newsdiffBinary(t)
	dir := t.TempDir()
	page, _ := filepath.Abs(addPage)
	cmd := exec.Command("sh", "-c", `umask 022 && exec "$@"`, "sh", bin, "add", dir, page)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("add: %v, %q", err, out)
	}
	info, err := os.Stat(filepath.Join(dir, "the-example-courier-harbour-bridge-reopens-after-storm-repairs.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != 0o644 {
		t.Errorf("mode %v, want -rw-r--r--", got)
	}
}
