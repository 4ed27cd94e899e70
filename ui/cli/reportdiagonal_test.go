package cli

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReportMatrixDiagonalUnshaded is a regression test: the report's
// coverage matrix shaded each outlet against itself as the darkest share,
// so that in a story of two outlets, where one reports all of the other's
// words, three of the four cells were dark and read "100%": the one
// finding, "100% · 37%", looked like a third diagonal cell. The diagonal
// is unshaded, as the reader's matrix leaves it, every other cell shaded
// by its share and saying itself in words, and the cells read as matrix
// prints them.
func TestReportMatrixDiagonalUnshaded(t *testing.T) {
	dir := t.TempDir()
	long := "Officials said the man took a cab to the bank and asked the driver to wait outside while he went in. " +
		"He then had the cabbie drive him to the airport, where the trail went cold.\n\n" +
		"The suspect is a white man in his late twenties, about six feet tall, with a thin build and dark glasses.\n"
	short := "Officials said the man took a cab to the bank and asked the driver to wait outside while he went in. " +
		"He then had the driver take him to the airport, where police lost him.\n"
	for name, text := range map[string]string{"a.txt": "The cab robber\n\n" + long, "b.txt": "A robbery by taxi\n\n" + short} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(args ...string) string {
		le := newLocalEnv(t, false, "")
		if code := le.run(args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, le.errb)
		}
		return le.out.String()
	}
	page := run("report", dir)
	table := regexp.MustCompile(`(?s)<table class="matrix">.*?</table>`).FindString(page)
	var rows [][][]string // class, title, text of each cell, by row
	for _, tr := range regexp.MustCompile(`(?s)<tr><th>[^<]+</th>(.*?)</tr>`).FindAllStringSubmatch(table, -1) {
		var row [][]string
		for _, td := range regexp.MustCompile(`<td class="([^"]*)"(?: title="([^"]*)")?>([^<]*)</td>`).FindAllStringSubmatch(tr[1], -1) {
			row = append(row, []string{td[1], html.UnescapeString(td[2]), html.UnescapeString(td[3])})
		}
		rows = append(rows, row)
	}
	if len(rows) != 2 || len(rows[0]) != 2 || len(rows[1]) != 2 {
		t.Fatalf("the matrix is not 2×2: %q\n%s", rows, table)
	}
	// b's words are all in a passage a also reports.
	if got := rows[1][0][2]; !strings.HasPrefix(got, "100% · ") {
		t.Fatalf("b → a reads %q, want all of b paired", got)
	}
	matrix := run("matrix", dir)
	for i, row := range rows {
		for j, cell := range row {
			class, title, text := cell[0], cell[1], cell[2]
			if i == j {
				if class != "self" {
					t.Errorf("cell (%d, %d), an outlet against itself, is shaded %q, want unshaded (class self)", i, j, class)
				}
				continue
			}
			if !regexp.MustCompile(`^h([0-9]|10)$`).MatchString(class) {
				t.Errorf("cell (%d, %d) is shaded %q, want h0 to h10", i, j, class)
			}
			if title == "" || !strings.Contains(title, " → ") || !strings.Contains(title, "word for word") {
				t.Errorf("cell (%d, %d) is not said in words: title %q", i, j, title)
			}
			if !strings.Contains(matrix, text) {
				t.Errorf("cell (%d, %d) reads %q, which matrix does not print:\n%s", i, j, text, matrix)
			}
		}
	}
	if rows[1][0][0] != "h10" {
		t.Errorf("b → a, all of b paired, is shaded %q, want h10", rows[1][0][0])
	}
}
