package cli

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestColumnsOffTerminal is a regression test: written to a file or a
// pipe, list and matrix ignored COLUMNS and were always written whole,
// where git, ls and delta fit their output to it there. A COLUMNS that is
// a positive number now gives the width; any other is ignored, and on a
// terminal the terminal's own width counts.
func TestColumnsOffTerminal(t *testing.T) {
	widest := func(s string) int {
		most := 0
		for line := range strings.Lines(s) {
			most = max(most, ansi.StringWidth(strings.TrimSuffix(line, "\n")))
		}
		return most
	}
	whole := map[string]string{}
	for _, cmd := range []string{"list", "matrix"} {
		le := newLocalEnv(t, false, "")
		if code := le.run(cmd); code != 0 {
			t.Fatalf("%s: exit %d: %s", cmd, code, le.errb)
		}
		whole[cmd] = le.out.String()
		if w := widest(whole[cmd]); w <= 60 {
			t.Fatalf("%s is %d columns wide whole: the test needs it wider than 60", cmd, w)
		}
	}
	for _, tt := range []struct {
		columns  string
		terminal bool
		want     int // the widest line at most; 0: written whole
	}{
		{"60", false, 60},
		{" 60 ", false, 60},
		{"40", false, 40},
		{"", false, 0},
		{"0", false, 0},
		{"-60", false, 0},
		{"+60", false, 0},
		{"sixty", false, 0},
		{"60px", false, 0},
		{"99999999999999999999", false, 0},
		{"40", true, 80}, // the terminal's width (80) counts
	} {
		for _, cmd := range []string{"list", "matrix"} {
			le := newLocalEnv(t, tt.terminal, "")
			le.vars["COLUMNS"] = tt.columns
			if code := le.run(cmd, "--no-pager", "--no-color"); code != 0 {
				t.Fatalf("%s, COLUMNS=%q: exit %d: %s", cmd, tt.columns, code, le.errb)
			}
			got := le.out.String()
			switch {
			case tt.want == 0 && got != whole[cmd]:
				t.Errorf("%s, COLUMNS=%q: not written whole:\n%s", cmd, tt.columns, got)
			case tt.want > 0 && widest(got) > tt.want:
				t.Errorf("%s, COLUMNS=%q, terminal %v: %d columns wide, want at most %d:\n%s", cmd, tt.columns, tt.terminal, widest(got), tt.want, got)
			case tt.terminal && widest(got) <= 40:
				t.Errorf("%s on an 80-column terminal, COLUMNS=%q: fitted to COLUMNS:\n%s", cmd, tt.columns, got)
			}
		}
	}
}
