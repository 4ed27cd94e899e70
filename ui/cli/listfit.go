package cli

import (
	"bytes"
	"io"

	"github.com/charmbracelet/x/ansi"
)

// lineCutter cuts each line written through it to width cells, ending a
// cut line with "…". list writes through one on a terminal, so that a long
// title (a file with no title line has its whole first paragraph for one)
// ends at the screen's edge instead of wrapping under the other columns;
// written to a file or a pipe, the table is whole.
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
			line = ansi.Truncate(line, c.width, "…")
		}
		if _, err := io.WriteString(c.w, line+"\n"); err != nil {
			return len(p), err
		}
		c.partial = c.partial[i+1:]
	}
}
