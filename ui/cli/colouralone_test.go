package cli

import (
	"strings"
	"testing"
)

// TestColorAloneIsAlways is a regression test: --color given alone was
// refused ("flag needs an argument"), or took the next word for its
// value ("diff --color 003 004": invalid argument "003"), where git, ls
// and grep take it for --color=always. The forms newsdiff documented,
// "--color WHEN" and "--color=WHEN", keep their meaning, and a word that
// is another flag's value, or comes after "--", is no colour.
func TestColorAloneIsAlways(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		colour bool
	}{
		{[]string{"diff", "--color", "003", "004"}, true},
		{[]string{"diff", "003", "004", "--color"}, true},
		{[]string{"--color", "diff", "003", "004"}, true},
		{[]string{"diff", "-U", "1", "--color", "003", "004"}, true},
		{[]string{"diff", "-U1", "--color", "003", "004"}, true},
		{[]string{"diff", "--color", "--format", "ansi", "003", "004"}, true},
		{[]string{"diff", "--color", "never", "003", "004", "--format", "ansi"}, false},
		{[]string{"--color", "never", "diff", "003", "004", "--format", "ansi"}, false},
		{[]string{"diff", "--color=never", "003", "004", "--format", "ansi"}, false},
		{[]string{"diff", "--color", "always", "003", "004"}, true},
		{[]string{"diff", "--color=always", "003", "004"}, true},
		{[]string{"diff", "--color", "auto", "003", "004"}, false},
		{[]string{"diff", "--no-color", "--color", "003", "004"}, true},
		{[]string{"diff", "--color", "--no-color", "003", "004"}, false},
		{[]string{"quotes", "--color"}, true},
		{[]string{"matrix", "--color", "never"}, false},
	} {
		le := newLocalEnv(t, false, "")
		if code := le.run(append(tt.args, "--no-pager")...); code != 0 {
			t.Errorf("%q: exit %d: %s", tt.args, code, le.errb)
			continue
		}
		if got := strings.Contains(le.out.String(), "\x1b["); got != tt.colour {
			t.Errorf("%q: colour %v, want %v", tt.args, got, tt.colour)
		}
	}
	// The value of another flag, and what follows "--", are no colour:
	// "--story never" names a story, and "-- never" an article.
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"list", "--story", "--color", "never"}, "never: no such file or directory"},
		{[]string{"diff", "--color", "--", "never", "003"}, `no article with id or outlet "never"`},
	} {
		le := newLocalEnv(t, false, "")
		if code := le.run(tt.args...); code == 0 || !strings.Contains(le.errb.String(), tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want an error saying %q", tt.args, code, le.errb, tt.want)
		}
	}
	// The reader, with no command, takes it too.
	le := newLocalEnv(t, false, "")
	if code := le.run("--color"); code != 0 || le.read == nil || le.read.NoColor {
		t.Errorf("reader --color: exit %d, %s; want colour", code, le.errb)
	}
}

// TestColorCompletesItsValues checks that a shell completing "--color "
// is offered the three values, which that form takes, as before
// --color alone meant always.
func TestColorCompletesItsValues(t *testing.T) {
	le := newLocalEnv(t, false, "")
	le.run("__complete", "diff", "--color", "")
	if got := le.out.String(); !strings.HasPrefix(got, "auto\nalways\nnever\n") {
		t.Errorf("completions %q, want auto, always and never", got)
	}
}
