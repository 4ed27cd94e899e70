package cli

import (
	"strings"
	"testing"
)

// TestFlagValuesSaidInWords checks the usage errors for a flag's value: a
// value that does not parse was reported with Go's parser message
// ("strconv.ParseInt: parsing "abc": invalid syntax"), and serve took a
// bound of zero or less for its default, so "--idle-timeout 0" still
// closed sessions after 15 minutes; diff took -U -1 for "every passage",
// and a --listen without a port failed in Go's words, after the host key
// was made.
func TestFlagValuesSaidInWords(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"diff", "-U", "abc", "swell", "hacked"}, `invalid argument "abc" for "-U, --context" flag: want a count of passages, 0 or more, or all`},
		{[]string{"diff", "-U", "-1", "swell", "hacked"}, `invalid argument "-1" for "-U, --context" flag: want a count of passages, 0 or more, or all`},
		{[]string{"diff", "--context=-3", "swell", "hacked"}, `invalid argument "-3" for "-U, --context" flag: want a count of passages, 0 or more, or all`},
		{[]string{"diff", "--exit-code=maybe", "swell", "hacked"}, `invalid argument "maybe" for "--exit-code" flag: want true or false`},
		{[]string{"add", "dir", "--limit", "99999999999999999999"}, `for "--limit" flag: a number out of range`},
		{[]string{"serve", "--idle-timeout", "soon"}, `invalid argument "soon" for "--idle-timeout" flag: want a duration such as 90s, 15m or 1h30m`},
		{[]string{"serve", "--idle-timeout", "0"}, "--idle-timeout must be longer than 0, got 0s"},
		{[]string{"serve", "--max-session", "-1h"}, "--max-session must be longer than 0, got -1h0m0s"},
		{[]string{"serve", "--listen", "nonsense"}, `--listen "nonsense" is not an address: want host:port or :port, such as :2222`},
		{[]string{"serve", "--listen", "localhost:99999"}, `--listen "localhost:99999" is not an address`},
		{[]string{"serve", "--listen", "\x1b]0;x\a:22x"}, `--listen "\x1b]0;x\a:22x" is not an address`},
		{[]string{"serve", "--max-sessions", "0"}, "--max-sessions must be at least 1, got 0"},
		{[]string{"serve", "--max-per-ip", "-2"}, "--max-per-ip must be at least 1, got -2"},
		// An unknown flag is named as typed, quoted when it needs to be:
		// an escape sequence in it was taken out with the rest of the
		// flag, which left "unknown flag: --".
		{[]string{"diff", "--bogus"}, "newsdiff diff: unknown flag: --bogus\n"},
		{[]string{"diff", "--\x1b[1m"}, `newsdiff diff: unknown flag: "--\x1b[1m"` + "\n"},
		{[]string{"list", "-\x1b]0;x\a"}, `newsdiff list: unknown shorthand flag: '\x1b' in "-\x1b]0;x\a"` + "\n"},
		// --json, as many tools spell it, says how newsdiff asks for
		// JSON, on a command that writes it; it was an unknown flag and
		// nothing more.
		{[]string{"list", "--json"}, "newsdiff list: unknown flag: --json; for JSON output, write --format json\n"},
		{[]string{"diff", "--html", "a", "b"}, "newsdiff diff: unknown flag: --html; for HTML output, write --format html\n"},
		{[]string{"matrix", "--plain"}, "newsdiff matrix: unknown flag: --plain; for plain text output, write --format plain\n"},
		{[]string{"index", "--json", "dir"}, "newsdiff index: unknown flag: --json\n"},
		{[]string{"report", "--ansi"}, "newsdiff report: unknown flag: --ansi\n"},
	}
	for _, tt := range tests {
		le := newLocalEnv(t, false, "")
		if code := le.run(tt.args...); code != ExitUsage {
			t.Errorf("%q: exit %d, want %d", tt.args, code, ExitUsage)
		}
		errs := le.errb.String()
		if !strings.Contains(errs, tt.want) {
			t.Errorf("%q: stderr %q lacks %q", tt.args, errs, tt.want)
		}
		for _, internal := range []string{"strconv", "ParseInt", "time: ", "listen tcp", "\x1b"} {
			if strings.Contains(errs, internal) {
				t.Errorf("%q: stderr %q names %q", tt.args, errs, internal)
			}
		}
		if le.served != nil {
			t.Errorf("%q: the server was started", tt.args)
		}
	}
}

// TestUnknownFlagNamesFile is a regression test: "newsdiff diff
// -notes.txt b.txt", where -notes.txt is a file, said only "unknown
// shorthand flag: 'n' in -notes.txt", and nothing of how to name the
// file. As rm says, it now says to write ./-notes.txt; a flag that is no
// file's name, and every flag over SSH, where no file is named, are said
// as before.
func TestUnknownFlagNamesFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"-notes.txt": "Bridge vote\n\nThe council voted to open the bridge.\n",
		"--old.txt":  "Bridge vote\n\nThe council voted to close the bridge.\n",
	})
	t.Chdir(dir)
	tests := []struct {
		args  []string
		files bool
		want  string
	}{
		{[]string{"diff", "-notes.txt", "--", "--old.txt"}, true, "newsdiff diff: unknown shorthand flag: 'n' in -notes.txt; for the file of that name, write ./-notes.txt\n"},
		{[]string{"diff", "./-notes.txt", "--old.txt"}, true, "newsdiff diff: unknown flag: --old.txt; for the file of that name, write ./--old.txt\n"},
		{[]string{"list", "-nope.txt"}, true, "newsdiff list: unknown shorthand flag: 'n' in -nope.txt\n"},
		{[]string{"diff", "-notes.txt", "b"}, false, "newsdiff diff: unknown shorthand flag: 'n' in -notes.txt\n"},
	}
	for _, tt := range tests {
		le := newLocalEnv(t, false, "")
		le.Files = tt.files
		if code := le.run(tt.args...); code != ExitUsage {
			t.Errorf("%q: exit %d, want %d", tt.args, code, ExitUsage)
		}
		if first, _, _ := strings.Cut(le.errb.String(), "usage:"); !strings.HasSuffix(first, tt.want) {
			t.Errorf("%q: stderr %q, want it to say %q", tt.args, le.errb, tt.want)
		}
	}
}
