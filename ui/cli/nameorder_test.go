package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/articles"
)

// TestListsOrderByName: list names a folder's articles, and every
// command and the reader the files that did not load, in the order people
// count in, bad2.txt before bad10.txt, as ls -v does; bytewise order put
// bad10.txt first.
func TestListsOrderByName(t *testing.T) {
	names, err := fs.Glob(articles.FS, "*.txt")
	if err != nil || len(names) < 3 {
		t.Fatalf("sample articles %q: %v", names, err)
	}
	write := func(dir, name string, b []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	for i, name := range []string{"art1.txt", "art2.txt", "art10.txt"} {
		b, err := fs.ReadFile(articles.FS, names[i])
		if err != nil {
			t.Fatal(err)
		}
		write(dir, name, b)
	}
	bad := t.TempDir()
	for _, name := range []string{"bad10.txt", "bad2.txt", "bad1.txt"} {
		write(dir, name, nil)
		write(bad, name, nil)
	}
	badNames := regexp.MustCompile(`bad\d+\.txt`)
	wantBad := []string{"bad1.txt", "bad2.txt", "bad10.txt"}

	le := newLocalEnv(t, false, "")
	if status := le.run("list", dir); status != 0 {
		t.Fatalf("list: status %d: %s", status, le.errb)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(le.out.String()), "\n")[1:] {
		ids = append(ids, strings.Fields(line)[0])
	}
	if want := []string{"art1", "art2", "art10"}; !slices.Equal(ids, want) {
		t.Errorf("list: articles %q, want %q", ids, want)
	}
	if got := badNames.FindAllString(le.errb.String(), -1); !slices.Equal(got, wantBad) {
		t.Errorf("list: problems %q, want %q", got, wantBad)
	}

	// A folder none of whose files loads: the reader says why, file by
	// file, without opening.
	le = newLocalEnv(t, true, "")
	if status := le.run(bad); status != 1 {
		t.Fatalf("reader on a folder of files that do not load: status %d", status)
	}
	if got := badNames.FindAllString(le.errb.String(), -1); !slices.Equal(got, wantBad) {
		t.Errorf("reader: problems %q, want %q", got, wantBad)
	}
}
