package cli

import (
	"strings"
	"testing"
)

// TestHelpBeforeTheCommand is a regression test: --help (or -h) written
// before a command's name, "newsdiff --help diff", as git --help diff
// takes it, was refused with "unknown command "diff" (commands: add, …,
// diff, …); did you mean diff?": cobra took the name for the value of
// the help flag, and the root's help looked for a file named so. It shows
// that command's help, as "newsdiff help diff" does; a word that is no
// command is still refused (see TestStrayArgumentsRefused).
func TestHelpBeforeTheCommand(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--help", "diff"}, "Compare two articles passage by passage"},
		{[]string{"-h", "list"}, "List the articles of DIR"},
		{[]string{"--no-color", "--help", "matrix"}, "For each pair of outlets in a story"},
		{[]string{"--help", "completion", "bash"}, "Generate the autocompletion script for the bash shell"},
	} {
		le := newLocalEnv(t, false, "")
		if code := le.run(tt.args...); code != 0 || !strings.HasPrefix(le.out.String(), tt.want) || le.errb.Len() != 0 {
			t.Errorf("%q: exit %d, stdout %.60q, stderr %q; want 0 and %q", tt.args, code, le.out, le.errb, tt.want)
		}
	}
}
