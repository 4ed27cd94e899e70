package cli

import (
	"bytes"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

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
// at once for printable ASCII and the few other characters a title of
// Latin script is made of (narrowAlone): a list of 100,000 articles
// measures 400,000 cells, a fifth of its titles hold a dash, a curly quote
// or an accent, and the width of a grapheme cluster is worth finding only
// where one may be.
func cellWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c < 0x7f {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !narrowAlone(r) {
			return ansi.StringWidth(s)
		}
		n++
		i += size
	}
	return n
}

// narrowAlone reports whether r is one cell wide and a grapheme cluster of
// its own beside printable ASCII or any other such character. It is
// taken from Latin-1's and Latin Extended-A's letters and signs, the
// dashes, quotes, bullets and ellipsis of General Punctuation, and the
// euro sign, less the soft hyphen (a format character), © and ®
// (pictographic, so an emoji presentation selector may follow), and those
// that ansi.StringWidth does not count as one cell: East Asian ambiguous
// ones such as the dashes are two where RUNEWIDTH_EASTASIAN says so.
// TestNarrowAlone checks it against ansi.StringWidth, one character and
// every pair.
func narrowAlone(r rune) bool {
	n := narrowRunes()
	switch {
	case r >= 0xa0 && r <= 0x17f:
		return n.latin[r-0xa0]
	case r >= 0x2010 && r <= 0x2027:
		return n.punct[r-0x2010]
	case r == 0x2039 || r == 0x203a || r == 0x20ac:
		return n.other[r&3]
	}
	return false
}

// narrowSet is narrowAlone's table, by range.
type narrowSet struct {
	latin [0x17f - 0xa0 + 1]bool
	punct [0x2027 - 0x2010 + 1]bool
	other [4]bool // ‹ › € by their last two bits: 1, 2, 0
}

// narrowRunes fills narrowAlone's table on first use, asking
// ansi.StringWidth each character's width.
var narrowRunes = sync.OnceValue(func() *narrowSet {
	n := &narrowSet{}
	one := func(r rune) bool { return ansi.StringWidth(string(r)) == 1 }
	for i := range n.latin {
		r := rune(0xa0 + i)
		n.latin[i] = r != 0xad && r != 0xa9 && r != 0xae && one(r)
	}
	for i := range n.punct {
		n.punct[i] = one(rune(0x2010 + i))
	}
	for _, r := range []rune{0x2039, 0x203a, 0x20ac} {
		n.other[r&3] = one(r)
	}
	return n
})
