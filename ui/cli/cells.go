package cli

import (
	"bytes"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// cellTable aligns tab-separated columns as text/tabwriter does for
// list's and matrix's tables, but measures each cell in the cells a
// terminal draws it in: tabwriter counts characters, so an outlet in
// Chinese or Japanese (two cells a character), or one with combining
// accents (none), pushed every column after it out of line.
//
// Text is kept until Flush. A line is cells, each ended by a tab, then
// the rest of the line; consecutive lines with the same number of cells
// are one block, whose columns are as wide as their widest cell plus
// padding. A line with no cell (a heading, a blank line) ends a block and
// is written as it is.
type cellTable struct {
	w          io.Writer
	padding    int
	alignRight bool // padding before each cell, not after
	buf        bytes.Buffer
}

func newCellTable(w io.Writer, padding int, alignRight bool) *cellTable {
	return &cellTable{w: w, padding: padding, alignRight: alignRight}
}

func (t *cellTable) Write(p []byte) (int, error) { return t.buf.Write(p) }

// Flush writes what was written, aligned.
func (t *cellTable) Flush() error {
	text := t.buf.String()
	t.buf.Reset()
	lines := strings.SplitAfter(text, "\n")
	var out strings.Builder
	for start := 0; start < len(lines); {
		n := strings.Count(lines[start], "\t")
		end := start + 1
		for end < len(lines) && n > 0 && strings.Count(lines[end], "\t") == n {
			end++
		}
		if n == 0 {
			out.WriteString(lines[start])
			start = end
			continue
		}
		widths := make([]int, n)
		for _, line := range lines[start:end] {
			for i, cell := range strings.SplitN(line, "\t", n+1)[:n] {
				widths[i] = max(widths[i], cellWidth(cell))
			}
		}
		for _, line := range lines[start:end] {
			cells := strings.SplitN(line, "\t", n+1)
			for i, cell := range cells[:n] {
				pad := widths[i] + t.padding - cellWidth(cell)
				if t.alignRight {
					writeSpaces(&out, pad)
					out.WriteString(cell)
				} else {
					out.WriteString(cell)
					writeSpaces(&out, pad)
				}
			}
			out.WriteString(cells[n])
		}
		start = end
	}
	_, err := io.WriteString(t.w, out.String())
	return err
}

// cellWidth is the cells a terminal draws s in (ansi.StringWidth), found
// at once for printable ASCII, which nearly every cell of a table is: a
// list of 100,000 articles measures 400,000 of them, and the width of a
// grapheme cluster is worth finding only where one may be.
func cellWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}
