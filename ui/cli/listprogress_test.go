package cli

import (
	"strings"
	"testing"
)

// TestOpeningShowsProgress is a regression test: index drew its progress
// bar, but list, the story commands and diff --dir indexed a new archive
// in silence, a blank terminal for 5 s at 10,000 articles. On a terminal,
// opening an archive that takes progressDelay now draws the bar on
// stderr and erases it before the output; to a log or a pipe, or when
// opening is quick, nothing is drawn.
func TestOpeningShowsProgress(t *testing.T) {
	was := progressDelay
	t.Cleanup(func() { progressDelay = was })
	progressDelay = 0
	for _, tt := range []struct {
		name       string
		stderrTerm bool
		term       string
		bar        bool
	}{
		{"stderr a terminal", true, "xterm-256color", true},
		{"stderr to a log", false, "xterm-256color", false},
		{"TERM=dumb", true, "dumb", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := archiveDir(t, 3)
			le := newLocalEnv(t, true, "")
			le.vars["TERM"] = tt.term
			le.Local.StderrTerminal = tt.stderrTerm
			if code := le.run("list", dir); code != 0 {
				t.Fatalf("exit %d: %s", code, le.errb)
			}
			stderr := le.errb.String()
			if drawn := strings.Contains(stderr, "reading"); drawn != tt.bar {
				t.Errorf("progress drawn %v, want %v: %q", drawn, tt.bar, stderr)
			}
			if tt.bar && !strings.Contains(stderr, "\r\x1b[K") {
				t.Errorf("the bar is not erased before the output: %q", stderr)
			}
			if !strings.Contains(le.out.String(), "articles") && !strings.Contains(le.out.String(), "ID") {
				t.Errorf("no listing: %q", le.out.String())
			}
			// Indexed already and unchanged: nothing to show.
			le.errb.Reset()
			if code := le.run("list", dir); code != 0 {
				t.Fatalf("exit %d: %s", code, le.errb)
			}
			if s := le.errb.String(); strings.Contains(s, "reading") || strings.Contains(s, "\r") {
				t.Errorf("an unchanged archive drew progress: %q", s)
			}
		})
	}
}
