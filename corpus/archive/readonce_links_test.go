package archive

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestScanSkipsLinksToFilesReadOnce checks the problems a scan gives
// symbolic links to files another name reaches against those a folder's
// load gives (corpus.LoadDir): links to a file, to a link, from another
// folder, a copy and a hard link with the linked file's size and time
// (read, as two files are), and files of another size and time.
func TestScanSkipsLinksToFilesReadOnce(t *testing.T) {
	root := t.TempDir()
	when := time.Unix(1700000000, 5)
	write := func(p, text string) {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(full, when, when); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, p string) {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(p))); err != nil {
			t.Fatal(err)
		}
	}
	const text = "Storm hits coast\n\nA storm hit the coast on Tuesday, officials said.\n"
	write("a.txt", text)
	write("copy.txt", text) // another file of the same size and time
	write("other.txt", text+"More.\n")
	write("sub/b.txt", "Fire in the hills\n\nA fire burned in the hills on Monday.\n")
	if err := os.Link(filepath.Join(root, "a.txt"), filepath.Join(root, "hard.txt")); err != nil {
		t.Fatal(err)
	}
	link("a.txt", "link.txt")
	link("link.txt", "chain.txt")
	link("../a.txt", "sub/up.txt")
	link("b.txt", "sub/0first.txt") // a link before the file it reaches
	link("copy.txt", "z-copy.txt")

	files, _, err := scan(context.Background(), root)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range files {
		if f.problem != "" {
			got[f.Path] = f.problem
		}
	}
	_, probs, err := corpus.LoadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, p := range probs {
		if corpus.IsListingProblem(p.Msg) {
			rel, err := filepath.Rel(root, p.Path)
			if err != nil {
				t.Fatal(err)
			}
			want[filepath.ToSlash(rel)] = p.Msg
		}
	}
	if len(want) != 5 {
		t.Errorf("the load skips %d links, want 5: %v", len(want), want)
	}
	for p, msg := range want {
		if got[p] != msg {
			t.Errorf("%s: scan says %q, the load %q", p, got[p], msg)
		}
	}
	for p, msg := range got {
		if want[p] == "" {
			t.Errorf("%s: scan says %q, the load nothing", p, msg)
		}
	}
}
