package cli

import (
	"regexp"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
)

// TestIndexBarFitsTheTerminal is a regression test: index drew its
// progress bar 40 columns wide whatever the terminal's width, and the
// count beside it; on a terminal narrower than the line (under some 60
// columns), the line wrapped, and \r went back only to the start of its
// last row: every frame drew a new row. The bar narrows to fit, and gives
// way to the percentage alone where there is no room for it.
func TestIndexBarFitsTheTerminal(t *testing.T) {
	escape := regexp.MustCompile(`\x1b\[[0-9;]*[A-Za-z]`)
	for _, tt := range []struct {
		width int
		bar   bool
	}{{0, true}, {80, true}, {50, true}, {36, true}, {24, false}} {
		dir := archiveDir(t, 3)
		le := newLocalEnv(t, false, "")
		le.vars["TERM"] = "xterm-256color"
		le.Local.StderrTerminal = true
		le.Local.StderrWidth = func() int { return tt.width }
		if code := le.run("index", dir); code != 0 {
			t.Fatalf("width %d: exit %d: %s", tt.width, code, le.errb)
		}
		frames := strings.Split(strings.TrimSuffix(le.errb.String(), "\n"), "\r")[1:]
		if len(frames) == 0 {
			t.Fatalf("width %d: no frame drawn: %q", tt.width, le.errb)
		}
		for _, f := range frames {
			shown := escape.ReplaceAllString(f, "")
			if w := uniseg.StringWidth(shown); tt.width > 0 && w >= tt.width {
				t.Errorf("width %d: a frame %d columns wide: %q", tt.width, w, shown)
			}
			if hasBar := strings.ContainsAny(shown, "█░"); hasBar != tt.bar {
				t.Errorf("width %d: bar drawn %v, want %v: %q", tt.width, hasBar, tt.bar, shown)
			}
		}
		if last := escape.ReplaceAllString(frames[len(frames)-1], ""); !strings.Contains(last, "100%") {
			t.Errorf("width %d: the last frame %q lacks 100%%", tt.width, last)
		}
	}
}
