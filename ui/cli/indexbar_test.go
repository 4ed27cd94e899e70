package cli

import (
	"strings"
	"testing"
)

// TestIndexBarOnStderr is a regression test: index drew its progress bar
// (frames redrawn with \r and an erase to the end of the line) when
// stdout was a terminal, though the bar goes to stderr: "index DIR 2>
// log" filled the log with frames and escapes, and "index DIR > out" gave
// the terminal a line per tenth. A TERM=dumb terminal (Emacs's shell)
// showed the escapes. The bar is drawn where stderr is a terminal that
// takes escape sequences; elsewhere, a line per tenth with none.
func TestIndexBarOnStderr(t *testing.T) {
	for _, tt := range []struct {
		name                   string
		stdoutTerm, stderrTerm bool
		term                   string
		bar                    bool
	}{
		{"stderr to a log", true, false, "xterm-256color", false},
		{"stdout to a file", false, true, "xterm-256color", true},
		{"both on the terminal", true, true, "xterm-256color", true},
		{"TERM=dumb", true, true, "dumb", false},
		{"neither", false, false, "xterm-256color", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := archiveDir(t, 3)
			le := newLocalEnv(t, tt.stdoutTerm, "")
			le.vars["TERM"] = tt.term
			le.Local.StderrTerminal = tt.stderrTerm
			if code := le.run("index", dir); code != 0 {
				t.Fatalf("exit %d: %s", code, le.errb)
			}
			stderr := le.errb.String()
			if drawn := strings.Contains(stderr, "\r"); drawn != tt.bar {
				t.Errorf("bar drawn %v, want %v: %q", drawn, tt.bar, stderr)
			}
			if !tt.bar && (strings.Contains(stderr, "\x1b") || !strings.Contains(stderr, "newsdiff index: reading 100%")) {
				t.Errorf("want a line per tenth and no escape: %q", stderr)
			}
		})
	}
}
