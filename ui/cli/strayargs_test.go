package cli

import (
	"strings"
	"testing"
)

// TestStrayArgumentsRefused is a regression test: three command lines
// took words they had no use for without a word. "newsdiff -v a.txt
// b.txt" (-v taken for verbose, as in curl or tar) printed the version,
// exit 0: cobra's --version ran before the arguments were checked. "help
// diff x" showed diff's help as if x were a command of diff's, and
// "newsdiff dif --help" the root's, where "help dif" says that dif is no
// command. Each is now a usage error of one line, exit 2, as cobra's Args
// validators give; --help beside a command's arguments, or a file the
// root would open, still shows the help, as git's and GNU tools' does.
func TestStrayArgumentsRefused(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-v", "x"}, "newsdiff: --version takes no arguments, got 1 argument\n"},
		{[]string{"--version", "a.txt", "b.txt"}, "newsdiff: --version takes no arguments, got 2 arguments\n"},
		{[]string{"x", "-v"}, "newsdiff: --version takes no arguments, got 1 argument\n"},
		{[]string{"help", "diff", "x"}, "newsdiff help: diff has no command \"x\"\n"},
		{[]string{"help", "completion", "bash", "x"}, "newsdiff help: completion bash has no command \"x\"\n"},
		{[]string{"dif", "--help"}, "newsdiff: unknown command \"dif\" (commands: "},
		{[]string{"-h", "lst"}, "newsdiff: unknown command \"lst\" (commands: "},
	} {
		le := newLocalEnv(t, false, "")
		code := le.run(tt.args...)
		if code != ExitUsage || le.out.Len() != 0 || !strings.HasPrefix(le.errb.String(), tt.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want %d, nothing, and %q", tt.args, code, le.out, le.errb, ExitUsage, tt.want)
		}
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-v"}, "newsdiff "},
		{[]string{"--no-color", "--version"}, "newsdiff "},
		{[]string{"diff", "--help", "x"}, "Compare two articles"},
		{[]string{"diff", "003", "004", "--help"}, "Compare two articles"},
		{[]string{"help", "completion", "bash"}, "Generate the autocompletion script for the bash shell"},
		{[]string{"missing.txt", "--help"}, "newsdiff compares"},
		{[]string{"testdata", "--help"}, "newsdiff compares"},
		{[]string{"-", "--help"}, "newsdiff compares"},
	} {
		le := newLocalEnv(t, false, "")
		if code := le.run(tt.args...); code != 0 || !strings.HasPrefix(le.out.String(), tt.want) || le.errb.Len() != 0 {
			t.Errorf("%q: exit %d, stdout %.60q, stderr %q; want 0 and %q", tt.args, code, le.out, le.errb, tt.want)
		}
	}
}
