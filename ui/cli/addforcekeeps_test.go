package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestAddFailedForceKeepsTheArticleOfItsAddress is a regression test: add
// --force of a page whose address an article of the folder already has
// removed that article before writing the new one, so a write that then
// failed (a full disk) lost it, where a failed --force is to keep the
// article it was to replace. That is every --force of a page added
// before: the article there holds its address. The same, into a story
// folder, whose file could not be written (a folder in its place), lost
// the article of the folder above.
func TestAddFailedForceKeepsTheArticleOfItsAddress(t *testing.T) {
	bin := newsdiffBinary(t)
	page, err := filepath.Abs(addPage)
	if err != nil {
		t.Fatal(err)
	}
	name := "the-example-courier-harbour-bridge-reopens-after-storm-repairs.txt"
	added := func(t *testing.T) (dir string, text []byte) {
		t.Helper()
		dir = t.TempDir()
		if out, err := exec.Command(bin, "add", dir, page).CombinedOutput(); err != nil {
			t.Fatalf("add: %v, %q", err, out)
		}
		text, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return dir, text
	}

	t.Run("a full disk", func(t *testing.T) {
		dir, text := added(t)
		cmd := exec.Command("sh", "-c", `ulimit -f 1 && exec "$@"`, "sh", bin, "add", "--force", dir, page)
		if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "file too large") {
			t.Fatalf("add --force under a 1-block limit: %v, %q; want a failure saying the file is too large", err, out)
		}
		if b, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(b) != string(text) {
			t.Errorf("a failed --force left %q (%v); want the article kept", b, err)
		}
	})

	t.Run("a story folder's name taken", func(t *testing.T) {
		dir, text := added(t)
		if err := os.MkdirAll(filepath.Join(dir, "bridge", name, "x"), 0o755); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(bin, "add", "--force", "--story", "bridge", dir, page).CombinedOutput(); err == nil {
			t.Fatalf("add --force onto a folder succeeded: %q", out)
		}
		if b, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(b) != string(text) {
			t.Errorf("a failed --force left %q (%v); want the article kept", b, err)
		}
	})

	t.Run("the folder written otherwise", func(t *testing.T) {
		// The article of the address is the one written: it stays,
		// however the folder is named.
		dir, text := added(t)
		if out, err := exec.Command(bin, "add", "--force", dir+"//.", page).CombinedOutput(); err != nil {
			t.Fatalf("add --force: %v, %q", err, out)
		}
		if b, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(b) != string(text) {
			t.Errorf("after --force the article is %q (%v); want the page's", b, err)
		}
	})

	t.Run("into a story folder", func(t *testing.T) {
		// A --force that succeeds still moves the article of the page's
		// address to where it was asked for: one article per address.
		dir, text := added(t)
		if out, err := exec.Command(bin, "add", "--force", "--story", "bridge", dir, page).CombinedOutput(); err != nil {
			t.Fatalf("add --force --story: %v, %q", err, out)
		}
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			t.Errorf("the article of the page's address stayed beside the one in the story folder")
		}
		if b, err := os.ReadFile(filepath.Join(dir, "bridge", name)); err != nil || string(b) != string(text) {
			t.Errorf("the story folder's article is %q (%v); want the page's", b, err)
		}
	})
}
