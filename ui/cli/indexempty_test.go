package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIndexNothingFails is a regression test: index on a folder with no
// article, or none it could read, printed "0 articles; …" and exited 0,
// as if it had indexed something. It now fails as list does on the same
// folder, with list's message naming the folder (or the one file's
// reason), -q or not.
func TestIndexNothingFails(t *testing.T) {
	empty := t.TempDir()
	unreadable := t.TempDir()
	if err := os.WriteFile(filepath.Join(unreadable, "a.txt"), []byte("\xff\xfeb\x00a\x00d\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	pdfs := t.TempDir()
	if err := os.WriteFile(filepath.Join(pdfs, "a.pdf"), []byte("%PDF-1.4"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, dir, want string
	}{
		{"empty", empty, empty + ": no articles"},
		{"unreadable", unreadable, "no article could be read: " + filepath.Join(unreadable, "a.txt")},
		{"no article files", pdfs, pdfs + ": no articles"},
	} {
		for _, flags := range [][]string{nil, {"-q"}} {
			t.Run(tt.name+strings.Join(flags, ""), func(t *testing.T) {
				le := newLocalEnv(t, false, "")
				code := le.run(append([]string{"index", tt.dir}, flags...)...)
				if code != ExitError || le.out.Len() != 0 || !strings.Contains(le.errb.String(), "newsdiff index: "+tt.want) {
					t.Errorf("index: exit %d, stdout %q, stderr %q; want 1, nothing, and %q", code, le.out, le.errb, tt.want)
				}
				list := newLocalEnv(t, false, "")
				// Its progress aside (a line a tenth off a terminal),
				// index says what list says.
				last := le.errb.String()[strings.LastIndex(strings.TrimSuffix(le.errb.String(), "\n"), "\n")+1:]
				if code := list.run("list", tt.dir); code != ExitError || strings.TrimPrefix(list.errb.String(), "newsdiff list") != strings.TrimPrefix(last, "newsdiff index") {
					t.Errorf("list says (exit %d) %q, index %q: want the same", code, list.errb, le.errb)
				}
			})
		}
	}
}
