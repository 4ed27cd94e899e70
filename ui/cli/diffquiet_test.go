package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiffQuiet checks diff -q, --quiet: nothing printed whatever the
// format, and the status --exit-code gives (1 the texts differ, 0 they
// do not, 2 an error), as git diff --quiet and cmp -s give it. Without
// it a script asking only whether two articles differ had to throw the
// diff away (--exit-code >/dev/null), paying to write it.
func TestDiffQuiet(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a.txt":     "Council votes\n\nThe council voted to shut the bridge on Tuesday.\n",
		"copy.txt":  "Council votes\n\nThe council voted to shut the bridge on Tuesday.\n",
		"upper.txt": "COUNCIL VOTES\n\nThe Council voted to shut the bridge on Tuesday.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	a, cp, upper := filepath.Join(dir, "a.txt"), filepath.Join(dir, "copy.txt"), filepath.Join(dir, "upper.txt")
	for _, tt := range []struct {
		args   []string
		status int
		stderr string
	}{
		{[]string{"-q", "003", "004"}, ExitError, ""},
		{[]string{"--quiet", "003", "004", "--format", "json"}, ExitError, ""},
		{[]string{"-q", "003", "004", "--format", "html"}, ExitError, ""},
		{[]string{"-q", "--color", "003", "004"}, ExitError, ""},
		{[]string{"-q", a, cp}, ExitOK, ""},
		{[]string{"-q", a, upper}, ExitError, ""},
		{[]string{"-q", "-i", a, upper}, ExitOK, ""},
		{[]string{"-q", "--format", "json", a, cp}, ExitOK, ""},
		{[]string{"-q", a, filepath.Join(dir, "missing.txt")}, ExitUsage, "missing.txt: no such file"},
		{[]string{"-q", "003"}, ExitUsage, "want two articles"},
		{[]string{"-q=false", "003", "004", "--format", "plain"}, ExitOK, ""},
	} {
		le := newLocalEnv(t, true, "")
		code := le.run(append([]string{"diff", "--no-pager"}, tt.args...)...)
		quiet := !strings.HasPrefix(tt.args[0], "-q=false")
		if code != tt.status || (quiet && le.out.Len() != 0) || (!quiet && le.out.Len() == 0) || !strings.Contains(le.errb.String(), tt.stderr) || (tt.stderr == "" && le.errb.Len() != 0) {
			t.Errorf("diff %q: exit %d, stdout %.80q, stderr %q; want %d, nothing printed, and %q", tt.args, code, le.out, le.errb, tt.status, tt.stderr)
		}
	}
}
