package cli

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// A matrix of five outlets with their names over the columns is some 85
// columns wide, and a terminal wraps a wider table into a jumble. On a
// terminal, matrix writes the first of these forms that fits: the columns
// numbered as the rows are instead of named, then shorter cells. Written
// to a file or a pipe it takes the first, so a script sees one layout
// whatever the terminal, unless COLUMNS gives it a width to fit (see
// outputWidth).
type matrixForm struct {
	numbered bool // columns headed 1, 2, …, the rows' numbers beside their outlets
	// keyed rows are labelled by their numbers alone, the outlets named
	// in a key above the table, "1 Swell Digest · 2 Hacked.com · …",
	// wrapped to the terminal as the legend is.
	keyed  bool
	cell   func(c analysis.Coverage) string
	legend string
}

var matrixForms = []matrixForm{
	{false, false, func(c analysis.Coverage) string { return pct(c.Aligned) + " · " + pct(c.Verbatim) },
		"each cell: share of the row outlet's words that the column outlet also reports · word for word"},
	{true, false, func(c analysis.Coverage) string { return pct(c.Aligned) + " · " + pct(c.Verbatim) },
		"each cell: share of the row outlet's words that the column outlet also reports · word for word; the columns are the rows' outlets, by number"},
	{true, false, func(c analysis.Coverage) string { return fmt.Sprintf("%.0f/%.0f", 100*c.Aligned, 100*c.Verbatim) }, // rounded as pct
		"each cell: % of the row outlet's words that the column outlet also reports / % word for word; the columns are the rows' outlets, by number"},
	{true, false, func(c analysis.Coverage) string { return pct(c.Aligned) },
		"each cell: share of the row outlet's words that the column outlet also reports; the columns are the rows' outlets, by number"},
	// Under 47 columns for five outlets the names no longer fit beside
	// the rows: the terminal wrapped every row in two.
	{true, true, func(c analysis.Coverage) string { return pct(c.Aligned) },
		"each cell: share of the row outlet's words that the column outlet also reports; the rows and columns are the outlets, by number:"},
}

// writeMatrixFit writes the matrix as writeMatrix does, fitted to width
// columns when width is positive: the first form whose table fits, with
// its legend wrapped. Past the last form (many outlets in a narrow
// terminal) the table is written in that form and the terminal wraps it.
func writeMatrixFit(w io.Writer, format string, an *analysis.Analysis, width int) error {
	if format == "json" || width <= 0 {
		return writeMatrix(w, format, an)
	}
	// table ends holding the form chosen: the first that fits, or the
	// last.
	var table bytes.Buffer
	var form matrixForm
	for _, form = range matrixForms {
		table.Reset()
		if err := writeMatrixTable(&table, an, form); err != nil {
			return err
		}
		if widest(table.String()) <= width {
			break
		}
	}
	var head bytes.Buffer
	storyHeader(&head, an)
	fmt.Fprint(w, ansi.Wordwrap(head.String(), width, ""))
	fmt.Fprintln(w, ansi.Wordwrap(form.legend, width, ""))
	if form.keyed {
		fmt.Fprintln(w, ansi.Wordwrap(matrixKey(an), width, ""))
	}
	fmt.Fprintln(w)
	_, err := w.Write(table.Bytes())
	return err
}

// writeMatrixTable writes the matrix's table in form f.
func writeMatrixTable(w io.Writer, an *analysis.Analysis, f matrixForm) error {
	n := len(an.Articles)
	names := termsafe.OutletLabels(an.Articles)
	tw := newCellTable(w, 2, true)
	// A numbered form has a column of the rows' numbers, which head the
	// columns.
	if !f.keyed {
		fmt.Fprint(tw, "\t")
	}
	for i, name := range names {
		if f.numbered {
			if i == 0 {
				fmt.Fprint(tw, "\t")
			}
			name = strconv.Itoa(i + 1)
		}
		fmt.Fprintf(tw, "%s\t", name)
	}
	fmt.Fprintln(tw)
	for i := range n {
		if !f.keyed {
			fmt.Fprintf(tw, "%s\t", names[i])
		}
		if f.numbered {
			fmt.Fprintf(tw, "%d\t", i+1)
		}
		for j := range n {
			fmt.Fprintf(tw, "%s\t", f.cell(an.Coverage[i][j]))
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}

// matrixKey names the outlets of a keyed table by their numbers: "1
// Swell Digest · 2 Hacked.com · …", a number and its name kept together
// where the line wraps.
func matrixKey(an *analysis.Analysis) string {
	names := termsafe.OutletLabels(an.Articles)
	keys := make([]string, len(names))
	for i, name := range names {
		keys[i] = strconv.Itoa(i+1) + "\u00a0" + name
	}
	return strings.Join(keys, " · ")
}

// widest returns the width in cells of s's widest line.
func widest(s string) int {
	most := 0
	for line := range strings.SplitSeq(s, "\n") {
		most = max(most, ansi.StringWidth(line))
	}
	return most
}

// outputWidth is the width output is fitted to: the terminal's, when
// stdout is one and its size is known; over SSH with a pty, the client's
// (Env.Width); and where stdout is no terminal (a file, a pipe), the
// width COLUMNS gives, as git, ls and delta take it there
// ("COLUMNS=100 newsdiff list | less"). 0, no width, otherwise: the
// output is written whole. A COLUMNS that is no positive number is
// ignored, as git ignores it.
func (a *app) outputWidth() int {
	if a.env.Width > 0 {
		return a.env.Width
	}
	l := a.env.Local
	if l == nil {
		return 0
	}
	if !a.env.Terminal {
		return columns(l.getenv("COLUMNS"))
	}
	if l.Size == nil {
		return 0
	}
	w, _, err := l.Size()
	if err != nil || w <= 0 {
		return 0
	}
	return w
}

// columns is the width the value of COLUMNS gives, 0 for none: a
// positive number of decimal digits, surrounding spaces allowed.
func columns(v string) int {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n <= 0 || strings.ContainsAny(v, "+-") {
		return 0
	}
	return n
}
