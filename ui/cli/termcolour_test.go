package cli

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/muesli/termenv"
)

// TestColourFollowsTERM is a regression test: on a terminal whose TERM is
// unset or "dumb", --color auto coloured diff, quotes and the reader's
// decision while the reader itself drew no attribute (termenv's palette
// for such a terminal is none). Auto now leaves such a terminal
// uncoloured, as git and GNU ls do; --color always still colours it.
func TestColourFollowsTERM(t *testing.T) {
	tests := []struct {
		term  string
		flags []string
		want  bool
	}{
		{"xterm-256color", nil, true},
		{"screen", nil, true},
		{"linux", nil, true},
		{"", nil, false},
		{"dumb", nil, false},
		{"dumb", []string{"--color", "always"}, true},
		{"", []string{"--color", "always"}, true},
	}
	for _, tt := range tests {
		for _, cmd := range [][]string{{"diff", "003", "004"}, {"quotes"}} {
			le := newLocalEnv(t, true, "")
			le.vars = map[string]string{"TERM": tt.term}
			args := append(append(cmd, "--no-pager"), tt.flags...)
			if code := le.run(args...); code != 0 {
				t.Fatalf("%q: exit %d: %s", args, code, le.errb)
			}
			if got := strings.Contains(le.out.String(), "\x1b["); got != tt.want {
				t.Errorf("TERM=%q %q: colour %v, want %v", tt.term, args, got, tt.want)
			}
		}
		le := newLocalEnv(t, true, "")
		le.vars = map[string]string{"TERM": tt.term}
		if code := le.run(tt.flags...); code != 0 || le.read == nil {
			t.Fatalf("reader, TERM=%q %q: exit %d: %s", tt.term, tt.flags, code, le.errb)
		}
		if got := !le.read.NoColor; got != tt.want {
			t.Errorf("reader, TERM=%q %q: colour %v, want %v", tt.term, tt.flags, got, tt.want)
		}
	}
}

// TestColourProfileNeverNone is a regression test: with colour on, a
// TERM termenv cannot place (screen, GNU screen's and tmux's default;
// dumb under --color always) gave the palette Ascii, and the reader and
// the index progress bar drew without colour while diff coloured the
// same terminal.
func TestColourProfileNeverNone(t *testing.T) {
	t.Setenv("COLORTERM", "")
	for _, tt := range []struct {
		term string
		want termenv.Profile
	}{
		{"screen", termenv.ANSI},
		{"dumb", termenv.ANSI},
		{"", termenv.ANSI},
		{"vt100", termenv.ANSI},
		{"linux", termenv.ANSI},
		{"xterm-256color", termenv.ANSI256},
	} {
		t.Setenv("TERM", tt.term)
		if got := colourProfile(&strings.Builder{}); got != tt.want {
			t.Errorf("TERM=%q: profile %v, want %v", tt.term, got, tt.want)
		}
	}
}

// TestPagerIsToldUTF8 is a regression test: newsdiff writes UTF-8 whatever
// the locale, but less in a C or POSIX locale took its input to be ASCII
// and showed "·" as <C2><B7>, only when the output was long enough to be
// paged. The pager is now given LESSCHARSET=utf-8 unless the user chose a
// character set.
func TestPagerIsToldUTF8(t *testing.T) {
	for _, tt := range []struct {
		name string
		vars map[string]string
		want string
	}{
		{"C locale", map[string]string{"LC_ALL": "C"}, "utf-8"},
		{"LESSCHARSET chosen", map[string]string{"LESSCHARSET": "latin1"}, "latin1"},
		{"LESSCHARDEF chosen", map[string]string{"LESSCHARDEF": "8bcccbcc18b95.."}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "charset")
			t.Setenv("OUT", out)
			for k, v := range tt.vars {
				t.Setenv(k, v)
			}
			if _, ok := tt.vars["LESSCHARSET"]; !ok {
				t.Setenv("LESSCHARSET", "")
				os.Unsetenv("LESSCHARSET")
			}
			le := newLocalEnv(t, true, "")
			le.vars = maps.Clone(tt.vars)
			le.vars["TERM"] = "xterm-256color"
			le.vars["PAGER"] = `printf %s "$LESSCHARSET" > "$OUT"; cat > /dev/null`
			le.Local.Size = func() (int, int, error) { return 80, 5, nil }
			if code := le.run("diff", "003", "004"); code != 0 {
				t.Fatalf("exit %d: %s", code, le.errb)
			}
			got, err := os.ReadFile(out)
			if err != nil {
				t.Fatalf("the pager did not run: %v", err)
			}
			if string(got) != tt.want {
				t.Errorf("LESSCHARSET %q in the pager, want %q", got, tt.want)
			}
		})
	}
}

// TestColourFollowsCLICOLOR is a regression test: the commands and the
// reader read NO_COLOR alone, while the reader served over SSH (termenv)
// also took CLICOLOR=0 for no colour and CLICOLOR_FORCE for colour, so
// CLICOLOR=0 left diff coloured and CLICOLOR_FORCE=1 left a pipe plain.
// Now they all weigh them as termenv does: NO_COLOR over CLICOLOR_FORCE
// over CLICOLOR=0, and --color over all three.
func TestColourFollowsCLICOLOR(t *testing.T) {
	tests := []struct {
		vars     map[string]string
		terminal bool
		flags    []string
		want     bool
	}{
		{map[string]string{"CLICOLOR": "0"}, true, nil, false},
		{map[string]string{"CLICOLOR": "1"}, true, nil, true},
		{map[string]string{"CLICOLOR": "1"}, false, nil, false},
		{map[string]string{"CLICOLOR": ""}, true, nil, true},
		{map[string]string{"CLICOLOR_FORCE": "1"}, false, nil, true},
		{map[string]string{"CLICOLOR_FORCE": "yes"}, false, nil, true},
		{map[string]string{"CLICOLOR_FORCE": "0"}, false, nil, false},
		{map[string]string{"CLICOLOR_FORCE": ""}, false, nil, false},
		{map[string]string{"CLICOLOR_FORCE": "1", "TERM": "dumb"}, true, nil, true},
		{map[string]string{"CLICOLOR_FORCE": "1", "CLICOLOR": "0"}, true, nil, true},
		{map[string]string{"CLICOLOR_FORCE": "1", "NO_COLOR": "1"}, true, nil, false},
		{map[string]string{"CLICOLOR_FORCE": "1"}, true, []string{"--color", "never"}, false},
		{map[string]string{"CLICOLOR": "0"}, true, []string{"--color", "always"}, true},
	}
	for _, tt := range tests {
		vars := map[string]string{"TERM": "xterm-256color"}
		maps.Copy(vars, tt.vars)
		for _, cmd := range [][]string{{"diff", "003", "004"}, {"quotes"}} {
			le := newLocalEnv(t, tt.terminal, "")
			le.vars = vars
			le.NoColor = vars["NO_COLOR"] != ""
			args := append(append(cmd, "--no-pager"), tt.flags...)
			if code := le.run(args...); code != 0 {
				t.Fatalf("%v %q: exit %d: %s", tt.vars, args, code, le.errb)
			}
			if got := strings.Contains(le.out.String(), "\x1b["); got != tt.want {
				t.Errorf("%v, terminal %v, %q: colour %v, want %v", tt.vars, tt.terminal, args, got, tt.want)
			}
		}
		if !tt.terminal {
			continue // the reader needs one
		}
		le := newLocalEnv(t, true, "")
		le.vars = vars
		le.NoColor = vars["NO_COLOR"] != ""
		if code := le.run(tt.flags...); code != 0 || le.read == nil {
			t.Fatalf("reader, %v %q: exit %d: %s", tt.vars, tt.flags, code, le.errb)
		}
		if got := !le.read.NoColor; got != tt.want {
			t.Errorf("reader, %v %q: colour %v, want %v", tt.vars, tt.flags, got, tt.want)
		}
	}
}
