package cli

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

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
	var format string
	cmd := &cobra.Command{
		Use:   "list [DIR]",
		Short: "List the articles: id, outlet, words, title",
		Long: `List the articles of DIR (or the built-in story), story by story: each
article's id (its file name without the extension), outlet, length in words
and title. The id, a prefix of it, or the outlet names an article for diff.`,
		Example: `  newsdiff list
  newsdiff list ~/stories --format json`,
		Args: dirArgs,
		RunE: a.printing(func(ctx context.Context, p *printer, args []string) error {
			if err := checkFormat(format, "plain", "json"); err != nil {
				return err
			}
			if a.isArchive(dirOf(args)) {
				return p.listArchive(ctx, dirOf(args), format)
			}
			c, err := p.load(dirOf(args))
			if err != nil {
				return err
			}
			if format == "json" {
				return writeListJSON(&p.stdout, c)
			}
			return writeList(p, c)
		}),
	}
	a.formatFlag(cmd, &format, "plain", "plain", "json")
	return cmd
}

// writeListJSON writes the articles of c as `list --format json` does.
func writeListJSON(w io.Writer, c *corpus.Corpus) error {
	doc := listDoc{SchemaVersion: SchemaVersion, Articles: []listEntry{}}
	for _, s := range c.Stories {
		for _, art := range s.Articles {
			doc.Articles = append(doc.Articles, listEntry{s.Name, art.ID, art.Outlet, art.Title, art.Words, art.Date, art.URL, art.Source})
		}
	}
	return writeJSON(w, doc, true)
}

func writeList(p *printer, c *corpus.Corpus) error {
	tw := tabwriter.NewWriter(&p.stdout, 0, 4, 2, ' ', 0)
	for i, s := range c.Stories {
		if len(c.Stories) > 1 {
			if i > 0 {
				fmt.Fprintln(tw)
			}
			fmt.Fprintf(tw, "# %s\n", cell(s.Name))
		}
		fmt.Fprintln(tw, "ID\tOUTLET\tWORDS\tTITLE")
		for _, art := range s.Articles {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", Name(art.ID), cell(art.Outlet), art.Words, cell(art.Title))
		}
	}
	return tw.Flush()
}
