package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestListFitsTheTerminal checks that list cuts its lines to the width of
// the terminal it writes to, and writes them whole to a file or a pipe. A
// file without a title line has its first paragraph for a title, and its
// row wrapped over six lines of an 80-column terminal, under the other
// columns.
func TestListFitsTheTerminal(t *testing.T) {
	dir := t.TempDir()
	long := "WASHINGTON — President Trump spoke in intimate and candid terms to the former director about some of the most sensitive matters before the agency."
	writeFilesIn(t, filepath.Join(dir, "memos"), map[string]string{
		"01_nytimes.txt":  long + "\n\nThe memos were sent to Congress on Thursday night by the Justice Department.\n",
		"02_usatoday.txt": "Memos released\n\nThe memos were sent to Congress on Thursday night, the department said.\n",
	})
	for _, tt := range []struct {
		terminal bool
		width    int
	}{{true, 60}, {true, 80}, {false, 60}} {
		le := newLocalEnv(t, tt.terminal, "")
		le.Local.Size = func() (int, int, error) { return tt.width, 24, nil }
		if code := le.run("list", filepath.Join(dir, "memos")); code != 0 {
			t.Fatalf("exit %d: %s", code, le.errb)
		}
		out := le.out.String()
		if !tt.terminal {
			if !strings.Contains(out, long+"\n") {
				t.Errorf("not a terminal: the title is not whole:\n%s", out)
			}
			continue
		}
		for line := range strings.Lines(out) {
			line = strings.TrimSuffix(line, "\n")
			if w := ansi.StringWidth(line); w > tt.width {
				t.Errorf("at %d columns: a line of %d: %q", tt.width, w, line)
			}
			if strings.HasPrefix(line, "01_nytimes") && !strings.HasSuffix(line, "…") {
				t.Errorf("at %d columns: the cut title does not end with …: %q", tt.width, line)
			}
			if strings.HasPrefix(line, "02_usatoday") && !strings.HasSuffix(line, "Memos released") {
				t.Errorf("at %d columns: a title that fits was cut: %q", tt.width, line)
			}
		}
	}
}

// TestCutLineShowsNoCutNumber is a regression test: at 40 columns list cut
// its lines at the end of the WORDS column, or inside it, and "340…" read
// as a larger count. No number is shown against the "…": the cut falls
// before it.
func TestCutLineShowsNoCutNumber(t *testing.T) {
	tests := []struct {
		line  string
		width int
		want  string
	}{
		{"001_swell  Swell Digest  340  Donald Trump", 30, "001_swell  Swell Digest  340 …"},
		{"001_swell  Swell Digest  340  Donald Trump", 29, "001_swell  Swell Digest  …"},
		{"001_swell  Swell Digest  340  Donald Trump", 28, "001_swell  Swell Digest  …"},
		{"Trump asks for the 30,000 emails", 24, "Trump asks for the …"},
		{"Trump asks for the 30,000 emails", 26, "Trump asks for the …"},
		{"Trump asks for the emails", 20, "Trump asks for the …"},
		{"12345678", 5, "…"},
		{"short", 10, "short"},
	}
	for _, tt := range tests {
		var b strings.Builder
		c := &lineCutter{w: &b, width: tt.width}
		if _, err := c.Write([]byte(tt.line + "\n")); err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSuffix(b.String(), "\n"); got != tt.want {
			t.Errorf("%q cut to %d = %q, want %q", tt.line, tt.width, got, tt.want)
		}
	}
}

// TestListNarrowKeepsTheTitle is a regression test: at 40 columns list
// cut its lines inside the WORDS column ("…") and showed no title. On a
// narrow terminal the columns now give way in a set order (WORDS, then
// OUTLET, then the title moves under its row) so that a title always has
// room to be read; a file or a pipe still gets the whole table. The
// layouts are kept as a golden file: the seed story, whose ids are long,
// and a story whose ids are the outlets' names.
func TestListNarrowKeepsTheTitle(t *testing.T) {
	dir := t.TempDir()
	writeFilesIn(t, filepath.Join(dir, "naacp"), map[string]string{
		"01_nytimes.txt":  "N.A.A.C.P. Challenges Tea Party on Racism\n\nThe association passed a resolution on Tuesday.\n",
		"02_foxnews.txt":  "NAACP Resolution Calls on Tea Party to Repudiate 'Racist Elements' in Movement\n\nThe group voted on Tuesday.\n",
		"03_huffpost.txt": "NAACP Condemns Tea Party Racism In Resolution\n\nDelegates voted on Tuesday in Kansas City.\n",
	})
	var all strings.Builder
	for _, args := range [][]string{{"list"}, {"list", filepath.Join(dir, "naacp")}} {
		for _, width := range []int{0, 30, 38, 40, 50, 60, 80} {
			le := newLocalEnv(t, width > 0, "")
			le.Local.Size = func() (int, int, error) { return width, 24, nil }
			if code := le.run(args...); code != 0 {
				t.Fatalf("%q at %d: exit %d: %s", args, width, code, le.errb)
			}
			out := le.out.String()
			if width == 0 {
				fmt.Fprintf(&all, "=== %s, to a pipe\n%s", args[0], out)
			} else {
				fmt.Fprintf(&all, "=== %s, %d columns\n%s", args[0], width, out)
			}
			if width == 0 {
				continue
			}
			titled := 0
			for line := range strings.Lines(out) {
				line = strings.TrimSuffix(line, "\n")
				if w := ansi.StringWidth(line); w > width {
					t.Errorf("%q at %d columns: a line of %d: %q", args, width, w, line)
				}
				// A title keeps 20 cells, or the whole of a shorter one.
				for _, title := range []string{"Donald Trump wants Hillary", "Trump asks Russia to hack C", "N.A.A.C.P. Challenges Tea P", "NAACP Resolution Calls on T"} {
					if strings.Contains(line, title[:20]) {
						titled++
					}
				}
				if strings.Contains(line, "WORD…") || strings.HasSuffix(line, "  …") {
					t.Errorf("%q at %d columns: a column is cut: %q", args, width, line)
				}
			}
			if titled != 2 {
				t.Errorf("%q at %d columns: %d of 2 titles show their first 20 cells:\n%s", args, width, titled, out)
			}
		}
	}
	golden(t, "list-widths", []byte(all.String()))
}
