package cli

import (
	"strings"
	"testing"
)

// TestMatrixFitsTheTerminal checks that matrix on a terminal writes the
// first form of its table that fits the width, with the header and legend
// wrapped to it, and that written elsewhere it is always the whole form.
func TestMatrixFitsTheTerminal(t *testing.T) {
	tests := []struct {
		terminal bool
		width    int
		want     string // a row of the table
		numbered bool
	}{
		{true, 120, "Swell Digest   100% · 100%  ", false},
		{true, 80, "Swell Digest   100% · 100%  ", false},
		{true, 70, "Swell Digest  1  100/100  ", true},
		{true, 60, "Swell Digest  1  100%   ", true},
		{true, 47, "Swell Digest  1  100%   ", true},
		// Narrower, the rows are numbered alone and the outlets named
		// in a key above the table: at 46 columns and under, every row
		// was wrapped in two by the terminal.
		{true, 46, "\n  1  100%   25%   31%   51%   49%\n", true},
		{true, 36, "\n  1  100%   25%   31%   51%   49%\n", true},
		// The narrowest it fits, as the README says: under 33 columns the
		// terminal wraps the table's rows.
		{true, 33, "\n  1  100%   25%   31%   51%   49%\n", true},
		{false, 40, "Swell Digest   100% · 100%  ", false},
	}
	for _, tt := range tests {
		le := newLocalEnv(t, tt.terminal, "")
		le.Local.Size = func() (int, int, error) { return tt.width, 50, nil }
		if code := le.run("matrix", "--no-pager"); code != 0 {
			t.Fatalf("exit %d: %s", code, le.errb)
		}
		out := le.out.String()
		if !strings.Contains(out, tt.want) {
			t.Errorf("terminal %v, %d columns: no row %q:\n%s", tt.terminal, tt.width, tt.want, out)
		}
		if got := strings.Contains(strings.Join(strings.Fields(out), " "), "by number"); got != tt.numbered {
			t.Errorf("terminal %v, %d columns: the legend says the columns are numbered: %v, want %v:\n%s", tt.terminal, tt.width, got, tt.numbered, out)
		}
		if keyed := strings.Contains(out, "1\u00a0Swell Digest · 2\u00a0Hacked.com"); keyed != (tt.width < 47 && tt.terminal) {
			t.Errorf("terminal %v, %d columns: the key names the outlets: %v:\n%s", tt.terminal, tt.width, keyed, out)
		}
		if !tt.terminal {
			continue
		}
		for line := range strings.SplitSeq(strings.TrimSuffix(out, "\n"), "\n") {
			if w := widest(line); w > tt.width {
				t.Errorf("%d columns: a line of %d: %q", tt.width, w, line)
			}
		}
	}
}
