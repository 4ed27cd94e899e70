package cli

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rivo/uniseg"

	"github.com/newsdiff/newsdiff/corpus/archive"
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

// TestIndexProgressNeverWraps is a regression test: where there was no
// room for the bar, index drew its percentage and count, some 22 columns,
// whatever the terminal's width, and on a TERM=dumb terminal (Emacs's
// shell) wrote its line per tenth, some 40 columns, whole: on a narrower
// terminal either wrapped, and the line redrawn with \r drew a row per
// frame. At every width each line leaves the last column free: it drops
// what does not fit, down to the percentage alone, and below that writes
// nothing. Where the width is unknown (a log) the line is whole.
func TestIndexProgressNeverWraps(t *testing.T) {
	escape := regexp.MustCompile(`\x1b\[[0-9;]*[A-Za-z]`)
	for _, bar := range []bool{true, false} {
		for width := 0; width <= 100; width++ {
			var out strings.Builder
			p := newProgressLine(&out, "newsdiff index", bar, true)
			p.width = width
			for _, phase := range []string{"reading", "grouping"} {
				for done := range 12346 {
					p.show(archive.Progress{Phase: phase, Done: done, Total: 12345})
				}
			}
			p.done()
			shown := escape.ReplaceAllString(out.String(), "")
			for row := range strings.FieldsFuncSeq(shown, func(r rune) bool { return r == '\r' || r == '\n' }) {
				if w := uniseg.StringWidth(row); width > 0 && w >= width {
					t.Errorf("bar %v, width %d: a line %d columns wide: %q", bar, width, w, row)
				}
			}
			// From 5 columns, "100%" fits with the last column free.
			if (width == 0 || width >= 5) && strings.Count(shown, "100%") != 2 {
				t.Errorf("bar %v, width %d: no 100%% for each phase: %q", bar, width, shown)
			}
			if full := "newsdiff index: grouping 100% (12,345 of 12,345)\n"; !bar && (width == 0 || width > len(full)) && !strings.Contains(shown, full) {
				t.Errorf("width %d: the line per tenth is not whole: %q", width, shown)
			}
		}
	}

	// And on the command line, on a narrow TERM=dumb terminal.
	dir := archiveDir(t, 3)
	le := newLocalEnv(t, false, "")
	le.vars["TERM"] = "dumb"
	le.Local.StderrTerminal = true
	le.Local.StderrWidth = func() int { return 16 }
	if code := le.run("index", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	if !strings.HasSuffix(le.errb.String(), "\ngrouping 100%\n") {
		t.Errorf("index on a terminal 16 columns wide: %q, want lines of 15 columns at most", le.errb)
	}
}

// TestIndexProgressSaysAllOnlyWhenAll is a regression test: the bar's
// percentage rounded, so that a frame drawn with 19 of 12,345 articles
// still to group said 100%, and whether a run showed 100% before the end
// depended on when its frames fell.
func TestIndexProgressSaysAllOnlyWhenAll(t *testing.T) {
	for _, width := range []int{80, 30} { // with the bar, and without
		for _, done := range []int{12326, 12344} {
			var out strings.Builder
			p := newProgressLine(&out, "newsdiff index", true, true)
			p.width = width
			p.show(archive.Progress{Phase: "grouping", Done: done, Total: 12345})
			if strings.Contains(out.String(), "100%") {
				t.Errorf("width %d, %d of 12345: %q says 100%%", width, done, out.String())
			}
			if !strings.Contains(out.String(), "99%") {
				t.Errorf("width %d, %d of 12345: %q does not say 99%%", width, done, out.String())
			}
		}
	}
}

// TestIndexTenthLineSaysItsCount is a regression test: the line a tenth
// that index writes to a log or a pipe gave the tenth crossed as its
// percentage, not the share of the count beside it: "reading 0% (1 of
// 12)", "reading 60% (8 of 12)". Each line's percentage is its count's,
// rounded down as the bar's is.
func TestIndexTenthLineSaysItsCount(t *testing.T) {
	count := regexp.MustCompile(`^newsdiff index: reading (\d+)% \((\d+) of 12\)$`)
	var out strings.Builder
	p := newProgressLine(&out, "newsdiff index", false, true)
	for done := 1; done <= 12; done++ {
		p.show(archive.Progress{Phase: "reading", Done: done, Total: 12})
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) < 10 {
		t.Fatalf("%d lines for 12 articles, want one a tenth: %q", len(lines), out.String())
	}
	for _, line := range lines {
		m := count.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("line %q is not a progress line", line)
			continue
		}
		pct, _ := strconv.Atoi(m[1])
		done, _ := strconv.Atoi(m[2])
		if want := done * 100 / 12; pct != want {
			t.Errorf("%q: says %d%%, want %d%%", line, pct, want)
		}
	}
}
