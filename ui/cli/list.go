package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/newsdiff/newsdiff/corpus"
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
On a terminal, each line is cut to its width ("…"); written to a file or a
pipe, the table is whole. --story lists one story of several.`,
		Example: `  newsdiff list
  newsdiff list ~/stories --format json
  newsdiff list ~/stories --story 2`,
		Args: dirArgs,
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
			doc.Articles = append(doc.Articles, listEntry{s.Name, art.ID, art.Outlet, art.Title, art.Words, art.Date, art.URL, name(art.Source)})
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
type listTable struct {
	*cellTable
	started bool
}

// newListTable starts p's table, its lines cut to the terminal's width
// when stdout is a terminal.
func newListTable(p *printer) *listTable {
	var w io.Writer = &p.stdout
	if width := p.app.terminalWidth(); width > 0 {
		w = &lineCutter{w: w, width: width}
	}
	return &listTable{cellTable: newCellTable(w, 2, false)}
}

// section starts a section, under "# heading" unless heading is empty.
func (t *listTable) section(heading string) {
	if t.started {
		fmt.Fprintln(t)
	}
	t.started = true
	if heading != "" {
		fmt.Fprintf(t, "# %s\n", cell(heading))
	}
	fmt.Fprintln(t, "ID\tOUTLET\tWORDS\tTITLE")
}

// row writes an article's row, its outlet and title made safe.
func (t *listTable) row(id, outlet string, words int, title string) {
	fmt.Fprintf(t, "%s\t%s\t%d\t%s\n", Name(id), cell(outlet), words, cell(title))
}
