package cli

import (
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
