//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSoleProblemSaidOnce is a regression test: a folder whose only file
// could not be read (a symbolic link to nothing here, a file without read
// permission alike) gave the reason twice, in a warning and again in the
// error ("newsdiff: warning: DIR/a.txt: skipped: …" then "newsdiff list:
// no article could be read: DIR/a.txt: skipped: …"), from list, the other
// commands opening the folder through its index, the reader and serve.
// The error says it once; with two such files, each is a warning and the
// error counts them.
func TestSoleProblemSaidOnce(t *testing.T) {
	const why = "a symbolic link to nothing"
	for _, files := range [][]string{{"a.txt"}, {"a.txt", "b.txt"}} {
		dir := t.TempDir()
		for _, f := range files {
			if err := os.Symlink("gone.txt", filepath.Join(dir, f)); err != nil {
				t.Fatal(err)
			}
		}
		for _, args := range [][]string{
			{"list", dir},
			{"matrix", dir},
			{"quotes", dir},
			{"diff", "--dir", dir, "a", "b"},
			{dir},
			{"serve", "--listen", "127.0.0.1:0", dir},
		} {
			le := newLocalEnv(t, true, "")
			code := le.run(args...)
			stderr := le.errb.String()
			if code != ExitError || le.served != nil {
				t.Errorf("%d files, %q: exit %d, served %v, want %d: %s", len(files), args, code, le.served != nil, ExitError, stderr)
			}
			for _, f := range files {
				said := filepath.Join(dir, f) + ": skipped: " + why
				if n := strings.Count(stderr, said); n != 1 {
					t.Errorf("%d files, %q: %q said %d times, want once:\n%s", len(files), args, said, n, stderr)
				}
			}
			if !strings.Contains(stderr, "no article could be read") {
				t.Errorf("%d files, %q: stderr does not say no article could be read:\n%s", len(files), args, stderr)
			}
		}
	}
}
