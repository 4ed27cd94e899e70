package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLinkLoopSaidAlike is a regression test: a symbolic link that loops
// was "a symbolic link that loops (too many levels of symbolic links)" to
// diff and list, but "too many levels of symbolic links" alone to extract
// and add, and "skipped: cannot read: too many levels of symbolic links"
// in a folder. Every command now says it in diff's words.
func TestLinkLoopSaidAlike(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"b.txt": "Bridge vote\n\nThe council voted to open the bridge on Monday, said the mayor.\n",
	})
	loop := filepath.Join(dir, "loop.txt")
	if err := os.Symlink(loop, loop); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	const said = "loop.txt: a symbolic link that loops (too many levels of symbolic links)"
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"diff", loop, filepath.Join(dir, "b.txt")}, ExitError, said},
		{[]string{"list", loop}, ExitError, said},
		{[]string{"extract", loop}, ExitError, said},
		{[]string{"add", filepath.Join(t.TempDir(), "out"), loop}, ExitError, said},
		// In a folder the others are read without it.
		{[]string{"list", dir}, ExitOK, "loop.txt: skipped: a symbolic link that loops (too many levels of symbolic links)"},
	} {
		le := newLocalEnv(t, false, "")
		code := le.run(tt.args...)
		if code != tt.code || !strings.Contains(le.errb.String(), tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tt.args, code, le.errb, tt.code, tt.want)
		}
	}
}
