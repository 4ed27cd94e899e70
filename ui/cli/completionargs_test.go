package cli

import (
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestCompletionStopsAtTheLastArgument is a regression test: a command
// given every argument it takes still completed files for one more, which
// it then refused as a usage error: "newsdiff list DIR <tab>", "matrix
// DIR <tab>" (every story command), "serve DIR <tab>", "extract PAGE
// <tab>", "diff A B DIR <tab>" and the reader's "newsdiff A B <tab>". Past
// the last there is nothing to complete, as index and man already had it;
// diff's third argument, its folder, completes to folders alone, as
// --dir does.
func TestCompletionStopsAtTheLastArgument(t *testing.T) {
	dir := t.TempDir()
	writeFilesIn(t, dir, map[string]string{"a.txt": "Bridge vote\n\nThe council voted to close the bridge.\n"})
	t.Chdir(dir)
	directive := func(args ...string) cobra.ShellCompDirective {
		t.Helper()
		le := newLocalEnv(t, false, "")
		if code := le.run(append([]string{"__complete"}, args...)...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, le.errb)
		}
		out := strings.TrimRight(le.out.String(), "\n")
		n, err := strconv.Atoi(strings.TrimPrefix(out[strings.LastIndexByte(out, '\n')+1:], ":"))
		if err != nil {
			t.Fatalf("%q: no directive in %q", args, out)
		}
		return cobra.ShellCompDirective(n)
	}
	for _, tt := range []struct {
		args []string
		want cobra.ShellCompDirective
	}{
		{[]string{"list", ""}, cobra.ShellCompDirectiveDefault},
		{[]string{"list", ".", ""}, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"matrix", ".", ""}, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"quotes", ".", ""}, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"unique", ".", ""}, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"shared", ".", ""}, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"facts", ".", ""}, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"report", ".", ""}, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"serve", ""}, cobra.ShellCompDirectiveDefault},
		{[]string{"serve", ".", ""}, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"extract", ""}, cobra.ShellCompDirectiveDefault},
		{[]string{"extract", "a.html", ""}, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"diff", "a.txt", "a.txt", ""}, cobra.ShellCompDirectiveFilterDirs},
		{[]string{"diff", "--dir", ".", "a", "a", ""}, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"diff", "a.txt", "a.txt", ".", ""}, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"a.txt", ""}, cobra.ShellCompDirectiveDefault},
		{[]string{"a.txt", "a.txt", ""}, cobra.ShellCompDirectiveNoFileComp},
	} {
		if got := directive(tt.args...); got != tt.want {
			t.Errorf("%q<tab>: directive %d, want %d", tt.args, got, tt.want)
		}
	}
}
