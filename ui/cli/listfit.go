package cli

import (
	"bytes"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// lineCutter cuts each line written through it to width cells, ending a
// cut line with "…". list writes through one on a terminal, so that a long
// title (a file with no title line has its whole first paragraph for one)
// ends at the screen's edge instead of wrapping under the other columns;
// written to a file or a pipe, the table is whole unless COLUMNS gives a
// width (see outputWidth).
type lineCutter struct {
	w       io.Writer
	width   int
	partial []byte // a line begun but not yet ended
}

func (c *lineCutter) Write(p []byte) (int, error) {
	c.partial = append(c.partial, p...)
	for {
		i := bytes.IndexByte(c.partial, '\n')
		if i < 0 {
			return len(p), nil
		}
		line := string(c.partial[:i])
		if ansi.StringWidth(line) > c.width {
			line = cutLine(line, c.width)
		}
		if _, err := io.WriteString(c.w, line+"\n"); err != nil {
			return len(p), err
		}
		c.partial = c.partial[i+1:]
	}
}

// cutLine cuts line to width cells, ending it with "…", and never right
// after a digit: "340…" reads as a larger count, cut or not, so the cut
// falls before the number.
func cutLine(line string, width int) string {
	cut := ansi.Truncate(line, width-1, "")
	if cut != "" && '0' <= cut[len(cut)-1] && cut[len(cut)-1] <= '9' {
		cut = strings.TrimRight(cut, "0123456789,.")
	}
	return cut + "…"
}
