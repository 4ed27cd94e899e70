package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"

	"github.com/spf13/cobra"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/ui/internal/digits"
)

func init() { register("list", true, listCommand) }

// listEntry is one article in `list --format json`.
type listEntry struct {
	Story  string `json:"story"`
	ID     string `json:"id"`
	Outlet string `json:"outlet"`
	Title  string `json:"title"`
	Words  int    `json:"words"`
	Date   string `json:"date,omitempty"`
	URL    string `json:"url,omitempty"`
	Source string `json:"source"`
	// SourceBytes is Source's bytes in base64 when they are not valid
	// UTF-8 (see sourceBytes); omitted otherwise.
	SourceBytes string `json:"source_bytes,omitempty"`
}

// newListEntry is an article's listEntry, its source named by source.
func newListEntry(story, id, outlet, title string, words int, date, url, source string) listEntry {
	return listEntry{story, id, outlet, title, words, date, url, source, sourceBytes(source)}
}

// listDoc is the document `list --format json` writes.
type listDoc struct {
	SchemaVersion int         `json:"schema_version"`
	Articles      []listEntry `json:"articles"`
}

func listCommand(a *app) *cobra.Command {
	var format, storyName string
	cmd := &cobra.Command{
		Use:   "list [DIR]",
		Short: "List the articles: id, outlet, words, title",
		Long: `List the articles of DIR (or the built-in story), story by story: each
article's id (its file name without the extension), outlet, length in words
and title. The id, a prefix of it, or the outlet names an article for diff.
On a terminal, the table fits its width: where it is narrow, WORDS goes
first, then OUTLET, then each title moves to a line of its own under its
row, so that a title keeps room to be read; a title still too long is cut
("…"). Written to a file or a pipe, the table is whole, unless COLUMNS
gives it a width to fit. --story lists one story of several.`,
		Example: `  newsdiff list
  newsdiff list ~/stories --format json
  newsdiff list ~/stories --story 2`,
		Args:              dirArgs,
		ValidArgsFunction: completeFilesUpTo(1),
		RunE: a.printing(func(ctx context.Context, p *printer, args []string) error {
			if a.isArchive(dirOf(args)) {
				return p.listArchive(ctx, dirOf(args), format, storyName)
			}
			c, err := p.load(dirOf(args))
			if err != nil {
				return err
			}
			var only *corpus.Story
			if storyName != "" {
				chosen, err := a.pickStories(c, storyName)
				if err != nil {
					return err
				}
				only = chosen[0]
			}
			if format == "json" {
				return writeListJSON(&p.stdout, c, only)
			}
			return writeList(p, c, only)
		}),
	}
	a.formatFlag(cmd, &format, "plain", "plain", "json")
	cmd.Flags().StringVar(&storyName, "story", "", "list only this `STORY`, by number or name (its start, or a part of it, will do)")
	_ = cmd.RegisterFlagCompletionFunc("story", a.completeStories)
	return cmd
}

// writeListJSON writes the articles of c as `list --format json` does:
// those of the story only, unless it is nil.
func writeListJSON(w io.Writer, c *corpus.Corpus, only *corpus.Story) error {
	doc := listDoc{SchemaVersion: SchemaVersion, Articles: []listEntry{}}
	name := sourceNamer()
	for _, s := range c.Stories {
		if only != nil && s != only {
			continue
		}
		for _, art := range s.Articles {
			doc.Articles = append(doc.Articles, newListEntry(s.Name, art.ID, art.Outlet, art.Title, art.Words, art.Date, art.URL, name(art.Source)))
		}
	}
	return writeJSON(w, doc)
}

// writeList writes the plain table of c's articles: those of the story
// only, unless it is nil, under the heading and number it has in the whole
// listing, so that the number can be given to --story again.
func writeList(p *printer, c *corpus.Corpus, only *corpus.Story) error {
	t := newListTable(p)
	for i, s := range c.Stories {
		if only != nil && s != only {
			continue
		}
		heading := ""
		if len(c.Stories) > 1 || only != nil {
			heading = storyHeading(i, s.Name)
		}
		t.section(heading)
		t.reserve(len(s.Articles))
		for _, art := range s.Articles {
			t.row(art.ID, art.Outlet, art.Words, art.Title)
		}
	}
	return t.Flush()
}

// storyHeading heads the i'th story (from 0) of a list: its number, which
// --story takes as well as a prefix of its name, then its name.
func storyHeading(i int, name string) string { return fmt.Sprintf("%d · %s", i+1, name) }

// listTable writes list's plain table, for a loaded corpus or an archive's
// index alike: sections of articles, each after a blank line when one
// came before, under "# heading" when it has one, and column titles.
//
// Written to a file or a pipe the table is whole. On a terminal, or to
// the width COLUMNS gives (see outputWidth), it is held until Flush and
// laid out to that width (see listLayouts):
// columns give way, in a set order, so that the title keeps room to be
// read, rather than the line being cut through WORDS with no title left.
type listTable struct {
	w        io.Writer // the cut lines of a terminal, or stdout whole
	width    int       // the terminal's width, 0 for none
	sections []listSection
}

// listSection is a section of a list held for a terminal.
type listSection struct {
	heading string
	rows    [][listColumns]string
}

// The columns of list, in the order they are written.
const (
	colID = iota
	colOutlet
	colWords
	colTitle
	listColumns
)

var listTitles = [listColumns]string{"ID", "OUTLET", "WORDS", "TITLE"}

// newListTable starts p's table, its lines fitted to the terminal's width
// when stdout is a terminal.
func newListTable(p *printer) *listTable {
	t := &listTable{w: &p.stdout}
	if width := p.app.outputWidth(); width > 0 {
		t.w, t.width = &lineCutter{w: &p.stdout, width: width}, width
	}
	return t
}

// section starts a section, under "# heading" unless heading is empty.
func (t *listTable) section(heading string) {
	t.sections = append(t.sections, listSection{heading: heading})
}

// reserve makes room in the current section for n more rows, so that a
// section of thousands is not copied each time it outgrows its room.
func (t *listTable) reserve(n int) {
	if len(t.sections) == 0 {
		t.section("")
	}
	s := &t.sections[len(t.sections)-1]
	s.rows = slices.Grow(s.rows, n)
}

// row adds an article's row, its outlet and title made safe.
func (t *listTable) row(id, outlet string, words int, title string) {
	if len(t.sections) == 0 {
		t.section("")
	}
	s := &t.sections[len(t.sections)-1]
	s.rows = append(s.rows, [listColumns]string{Name(id), cell(outlet), digits.Group(words), cell(title)})
}

// Flush writes the table, each section's columns as wide as their widest
// cell and two cells more, the last unpadded, and WORDS set to the right. It pads the cells itself,
// rather than through a table writer that takes the text again and finds
// its cells, so that a list of 100,000 articles is measured once and
// copied once.
func (t *listTable) Flush() error {
	widths := make([][listColumns]int, len(t.sections))
	for i, s := range t.sections {
		// The title is the last column, never padded: its width only
		// chooses a terminal's layout.
		widths[i] = s.widths(t.width > 0)
	}
	l := listLayout{cols: []int{colID, colOutlet, colWords, colTitle}}
	if t.width > 0 {
		l = t.layout(widths)
	}
	padded := len(l.cols) - 1
	if b, ok := t.w.(*bytes.Buffer); ok {
		// stdout held whole: grown once, rather than doubled (and
		// copied) a dozen times on the way to the 13 MB of 100,000
		// articles.
		b.Grow(t.size(l, widths))
	}
	w := bufio.NewWriterSize(t.w, 64<<10)
	for i, s := range t.sections {
		if i > 0 {
			w.WriteString("\n")
		}
		if s.heading != "" {
			w.WriteString("# " + cell(s.heading) + "\n")
		}
		writeRow := func(r *[listColumns]string) {
			for j, c := range l.cols {
				pad := widths[i][c] - cellWidth(r[c])
				if c == colWords {
					// A count, set to the right as ls and wc set
					// theirs, so that its digits stand in columns.
					writeSpaces(w, pad)
					pad = 0
				}
				w.WriteString(r[c])
				if j < padded {
					writeSpaces(w, pad+2)
				}
			}
			if l.stacked {
				w.WriteString("\n  " + r[colTitle])
			}
			w.WriteString("\n")
		}
		writeRow(&listTitles)
		for j := range s.rows {
			writeRow(&s.rows[j])
		}
	}
	return w.Flush()
}

// size is at least the bytes Flush writes in layout l, the sections'
// columns as wide as widths say, and not much more: each padded cell
// counted at its length and its column's width.
func (t *listTable) size(l listLayout, widths [][listColumns]int) int {
	n := 0
	for i, s := range t.sections {
		n += 1 + len(s.heading) + 3 // a blank line, "# heading\n"
		row := func(r *[listColumns]string) {
			for j, c := range l.cols {
				n += len(r[c])
				if j < len(l.cols)-1 || c == colWords {
					n += widths[i][c] + 2
				}
			}
			if l.stacked {
				n += 3 + len(r[colTitle])
			}
			n++
		}
		row(&listTitles)
		for j := range s.rows {
			row(&s.rows[j])
		}
	}
	return n
}

// widths is how wide each of the section's columns is, in cells: its
// widest cell, its title's among them. The titles of the articles are
// measured only when withTitle is set, and TITLE's width is the column's
// otherwise: they are most of what a list measures.
func (s *listSection) widths(withTitle bool) [listColumns]int {
	var widths [listColumns]int
	for c, title := range listTitles {
		widths[c] = cellWidth(title)
	}
	columns := listColumns
	if !withTitle {
		columns = colTitle
	}
	for _, r := range s.rows {
		for c, v := range r[:columns] {
			widths[c] = max(widths[c], cellWidth(v))
		}
	}
	return widths
}

// writeSpaces writes n spaces to w, none when n is not above 0.
func writeSpaces(w io.StringWriter, n int) {
	const spaces = "                                "
	for ; n > len(spaces); n -= len(spaces) {
		w.WriteString(spaces)
	}
	w.WriteString(spaces[:max(n, 0)])
}

// listLayout is which columns a row of list has, and whether the title
// stands on a line of its own under the row.
type listLayout struct {
	cols    []int
	stacked bool
}

// listLayouts are the layouts of list on a terminal, the first that fits
// taken: WORDS goes first, then OUTLET (an id names the article for diff
// as well, and often holds the outlet's name); then the title moves under
// its row, whose columns go in the same order.
var listLayouts = []listLayout{
	{cols: []int{colID, colOutlet, colWords, colTitle}},
	{cols: []int{colID, colOutlet, colTitle}},
	{cols: []int{colID, colTitle}},
	{cols: []int{colID, colOutlet, colWords}, stacked: true},
	{cols: []int{colID, colOutlet}, stacked: true},
	{cols: []int{colID}, stacked: true},
}

// listTitleRoom is the room a title needs beside the other columns, in
// cells, unless every title is shorter: a few words of it.
const listTitleRoom = 20

// layout picks the first of listLayouts that fits the terminal: the same
// for every section, so that the table keeps one shape. A layout fits when
// its columns (with a title its room, or its whole width if all are
// shorter) are no wider than the terminal; a title longer than its room is
// cut ("…"). Where none fits, the last is taken, and its lines are cut.
func (t *listTable) layout(sections [][listColumns]int) listLayout {
	var widths [listColumns]int
	for c, title := range listTitles {
		widths[c] = cellWidth(title)
	}
	for _, w := range sections {
		for c := range w {
			widths[c] = max(widths[c], w[c])
		}
	}
	widths[colTitle] = min(widths[colTitle], listTitleRoom)
	for _, l := range listLayouts {
		need := 0
		for i, c := range l.cols {
			if i > 0 {
				need += 2 // a column's padding
			}
			need += widths[c]
		}
		if need <= t.width && (!l.stacked || 2+widths[colTitle] <= t.width) {
			return l
		}
	}
	return listLayouts[len(listLayouts)-1]
}
