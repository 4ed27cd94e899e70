package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestTablesAlignWideOutlets is a regression test: list's and matrix's
// columns were aligned by text/tabwriter, which counts characters, so an
// outlet in Japanese (two cells a character) pushed the columns after it
// four cells right, and one with combining accents pulled them left. Every
// column now starts (list) or ends (matrix, and list's WORDS, aligned
// right) at the same cell on every line of its table.
func TestTablesAlignWideOutlets(t *testing.T) {
	dir := t.TempDir()
	writeFilesIn(t, filepath.Join(dir, "s"), map[string]string{
		"a.txt": "---\noutlet: 朝日新聞\n---\nBridge closed\n\nThe council voted on Monday to close the old bridge over the river.\n",
		"b.txt": "---\noutlet: Le Monde\n---\nBridge closed\n\nThe council voted on Monday to close the old bridge over the river, said the mayor.\n",
		"c.txt": "---\noutlet: \"Cafe\u0301 Cre\u0300me\"\n---\nBridge shut\n\nThe council voted on Monday to shut the old bridge.\n",
	})
	// cellOf is the cell that s starts at in line, or -1.
	cellOf := func(line, s string) int {
		i := strings.Index(line, s)
		if i < 0 {
			return -1
		}
		return ansi.StringWidth(line[:i])
	}

	le := newLocalEnv(t, false, "")
	if code := le.run("list", dir); code != 0 {
		t.Fatalf("list: exit %d: %s", code, le.errb)
	}
	lines := strings.Split(strings.TrimSpace(le.out.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("list: %d lines, want 4:\n%s", len(lines), le.out)
	}
	// WORDS, a count, is set to the right: each ends where its title does.
	end := func(line, s string) int {
		if at := cellOf(line, " "+s+"  "); at >= 0 {
			return at + 1 + len(s)
		}
		return -1
	}
	for i, words := range []string{"WORDS", "15", "18", "12"} {
		if at, want := end(lines[i], words), end(lines[0], "WORDS"); at != want || want < 0 {
			t.Errorf("list: %q ends at cell %d, WORDS at %d:\n%s", words, at, want, le.out)
		}
	}

	le = newLocalEnv(t, false, "")
	if code := le.run("matrix", dir); code != 0 {
		t.Fatalf("matrix: exit %d: %s", code, le.errb)
	}
	_, table, _ := strings.Cut(le.out.String(), "\n\n")
	lines = strings.Split(strings.TrimRight(table, "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("matrix: %d table lines, want 4:\n%s", len(lines), le.out)
	}
	for _, line := range lines {
		if ansi.StringWidth(line) != ansi.StringWidth(lines[0]) {
			t.Errorf("matrix: lines of %d and %d cells:\n%s", ansi.StringWidth(line), ansi.StringWidth(lines[0]), table)
		}
	}
	// Where each row's first share ends: at its second "%".
	firstEnd := func(line string) int {
		i := strings.Index(line, "%")
		j := strings.Index(line[i+1:], "%")
		return ansi.StringWidth(line[:i+1+j+1])
	}
	for _, line := range lines[1:] {
		if at, want := firstEnd(line), firstEnd(lines[1]); at != want {
			t.Errorf("matrix: first column ends at cell %d and %d:\n%s", at, want, table)
		}
	}
}

// TestFactsAlignWideOutlets is a regression test: facts padded its
// outlet and value columns with fmt's %-14s and %-12s, which count
// characters, not cells, and stop at nothing, so an outlet in Japanese or
// with combining accents, or a value past twelve characters, pushed the
// columns after it out of line. Each column now starts at the same cell
// on every line of a fact.
func TestFactsAlignWideOutlets(t *testing.T) {
	dir := t.TempDir()
	writeFilesIn(t, filepath.Join(dir, "s"), map[string]string{
		"a.txt": "---\noutlet: 朝日新聞\n---\nBridge closed\n\nThe council voted on Monday to close the old bridge over the river, said 12 officials.\n",
		"b.txt": "---\noutlet: Le Monde\n---\nBridge closed\n\nThe council voted on Tuesday to close the old bridge over the river, said 14 officials.\n",
		"c.txt": "---\noutlet: \"Cafe\u0301 Cre\u0300me\"\n---\nBridge shut\n\nThe council voted on Wednesday to close the old bridge over the river, said 15 officials.\n",
	})
	le := newLocalEnv(t, false, "")
	if code := le.run("facts", dir); code != 0 {
		t.Fatalf("facts: exit %d: %s", code, le.errb)
	}
	// The lines of the day each outlet gives, and where each names it.
	_, section, _ := strings.Cut(le.out.String(), "## day")
	section, _, _ = strings.Cut(section, "\n\n")
	lines := strings.Split(strings.TrimSpace(section), "\n")[1:]
	if len(lines) != 3 {
		t.Fatalf("facts: %d lines of days, want 3:\n%s", len(lines), le.out)
	}
	days := []string{"Monday", "Tuesday", "Wednesday"}
	cellOf := func(line, s string) int {
		i := strings.Index(line, s)
		if i < 0 {
			return -1
		}
		return ansi.StringWidth(line[:i])
	}
	for _, col := range []func(i int) int{
		func(i int) int { return cellOf(lines[i], "  "+days[i]+" ") },
		func(i int) int { return cellOf(lines[i], "¶") },
		func(i int) int { return cellOf(lines[i], "The council") },
	} {
		for i := 1; i < len(lines); i++ {
			if got, want := col(i), col(0); got != want || want < 0 {
				t.Errorf("facts: a column at cell %d on line %d, %d on the first:\n%s", got, i+1, want, strings.Join(lines, "\n"))
			}
		}
	}
}
