package ui

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden compares the first screen of two seed pairs, in both modes
// and at two sizes, with testdata/*.golden. The screens are rendered with
// no colour profile at all, so changes show as wdiff markers. Run with
// -update to rewrite the files after an intended change, and read the
// diff.
func TestGolden(t *testing.T) {
	pairs := []struct {
		name string
		keys []string // from the start (Swell Digest vs Hacked.com)
	}{
		{"swell-hacked", nil},
		{"aljazeera-trt", []string{"tab", "j", "j", "j", "enter", "j", "enter"}},
	}
	modes := []struct {
		name string
		keys []string
	}{
		{"side", nil},
		{"inline", []string{"v"}},
	}
	for _, pair := range pairs {
		for _, md := range modes {
			for _, size := range [][2]int{{100, 30}, {160, 45}} {
				name := fmt.Sprintf("%s_%s_%dx%d", pair.name, md.name, size[0], size[1])
				t.Run(name, func(t *testing.T) {
					m := newModel(t, seed(t), size[0], size[1])
					m = press(m, pair.keys...)
					m = press(m, md.keys...)
					checkGolden(t, name, m)
				})
			}
		}
	}
}

// TestGoldenViews is TestGolden for the views of the story: the quotes
// (the first utterance, and one whose outlets disagree on the speaker),
// the matrix (with the cursor moved), and the passages (from the top, and
// at the facts).
func TestGoldenViews(t *testing.T) {
	views := []struct {
		name string
		keys []string
	}{
		{"quotes", []string{"2"}},
		{"quotes-sullivan", []string{"2", "j", "enter"}},
		{"matrix", []string{"3", "j", "l", "l"}},
		{"matrix-inline", []string{"v", "3", "j", "l", "l"}},
		{"passages", []string{"4"}},
		{"passages-facts", []string{"4", "n", "n"}},
	}
	for _, v := range views {
		for _, size := range [][2]int{{100, 30}, {160, 45}} {
			name := fmt.Sprintf("view-%s_%dx%d", v.name, size[0], size[1])
			t.Run(name, func(t *testing.T) {
				m := newModel(t, seed(t), size[0], size[1])
				checkGolden(t, name, press(m, v.keys...))
			})
		}
	}
}

// checkGolden compares the screen of m with testdata/name.golden, or
// rewrites the file with -update.
func checkGolden(t *testing.T, name string, m Model) {
	t.Helper()
	got := trimRight(screen(m)) + "\n"
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui -run TestGolden -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("screen differs from %s (run with -update to accept):\n%s", path, lineDiff(string(want), got))
	}
}

// trimRight drops trailing spaces from each line, so the golden files do
// not carry invisible padding.
func trimRight(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// lineDiff lists the lines that differ, for a readable failure.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var sb strings.Builder
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			fmt.Fprintf(&sb, "line %d:\n  want %q\n  got  %q\n", i+1, a, b)
		}
	}
	return sb.String()
}

// TestGoldenStarred is TestGolden for a search's matches, side by side
// and inline, starred *like this* as where the terminal shows no
// attributes: of "the", and of "s", two of whose matches touch in "ss"
// and are starred as one. Inline, the cells that draw the two articles'
// texts together star the matches of each article's text. A long
// comparison, whose cells are wrapped again as they are shown, draws the
// same screen.
func TestGoldenStarred(t *testing.T) {
	for _, md := range []string{"side", "inline"} {
		for _, q := range []string{"the", "s"} {
			for _, long := range []bool{false, true} {
				name := "swell-hacked_" + md + "-star-" + q + "_160x45"
				t.Run(fmt.Sprintf("%s/long=%v", name, long), func(t *testing.T) {
					if long {
						everyComparisonLong(t)
					}
					m := newModel(t, seed(t), 160, 45)
					if !m.compare.pane.painter.starMatches {
						t.Fatal("the test's reader shows attributes: nothing is starred")
					}
					if md == "inline" {
						m = press(m, "v")
					}
					m = press(m, "/")
					m = typeText(m, q)
					m = press(m, "enter", "n")
					checkGolden(t, name, m)
				})
			}
		}
	}
}
