package cli

import (
	"strings"
	"testing"
)

// TestEmptyPathArgument is a regression test: an empty argument where a
// folder goes was taken for no folder, so newsdiff list "$DIR", with DIR
// unset, listed the built-in story and exited 0, and so did every story
// command, diff's third argument and an empty --dir; an empty A was
// "ambiguous" among the built-in articles. As ls and diff(1) take an
// empty name, it now names nothing: an error naming it, as a folder that
// is not there is.
func TestEmptyPathArgument(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt": "Bridge vote\n\nThe council voted to open the bridge on Monday.\n",
		"b.txt": "Bridge vote\n\nThe council voted to open the bridge on Friday.\n",
	})
	a, b := dir+"/a.txt", dir+"/b.txt"
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{""}, ExitError},
		{[]string{"", a}, ExitError},
		{[]string{"list", ""}, ExitError},
		{[]string{"quotes", ""}, ExitError},
		{[]string{"matrix", ""}, ExitError},
		{[]string{"unique", ""}, ExitError},
		{[]string{"shared", ""}, ExitError},
		{[]string{"facts", ""}, ExitError},
		{[]string{"report", ""}, ExitError},
		{[]string{"diff", "swell", "al", ""}, ExitError},
		{[]string{"diff", "--dir", "", "swell", "al"}, ExitError},
		{[]string{"diff", "--dir=", "swell", "al"}, ExitError},
		{[]string{"diff", "", a}, ExitError},
		{[]string{"diff", a, "", "--exit-code"}, ExitUsage},
		{[]string{"diff", a, b, "", "-q"}, ExitUsage},
	} {
		le := newLocalEnv(t, false, "")
		if code := le.run(tt.args...); code != tt.code {
			t.Errorf("%q: exit %d, want %d\nstdout %.200s\nstderr %s", tt.args, code, tt.code, le.out, le.errb)
			continue
		}
		if le.out.Len() > 0 {
			t.Errorf("%q: stdout %.200q, want nothing", tt.args, le.out)
		}
		if got := le.errb.String(); !strings.HasSuffix(got, `: "": no such file or directory`+"\n") || strings.Count(got, "\n") != 1 {
			t.Errorf("%q: stderr %q, want one line saying \"\" is no file", tt.args, got)
		}
	}
}
