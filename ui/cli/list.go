package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

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

func runList(_ context.Context, args []string, env Env) error {
	fs := newFlagSet("list")
	format := fs.String("format", "plain", "output format: plain or json")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	dir, err := optionalDir(pos)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "plain", "json"); err != nil {
		return err
	}
	c, err := load(dir, env)
	if err != nil {
		return err
	}
	if *format == "json" {
		entries := []listEntry{}
		for _, s := range c.Stories {
			for _, a := range s.Articles {
				entries = append(entries, listEntry{s.Name, a.ID, a.Outlet, a.Title, a.Words, a.Date, a.URL, a.Source})
			}
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(entries)
	}
	return writeList(env, c)
}

func writeList(env Env, c *corpus.Corpus) error {
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	for i, s := range c.Stories {
		if len(c.Stories) > 1 {
			if i > 0 {
				fmt.Fprintln(tw)
			}
			fmt.Fprintf(tw, "# %s\n", termsafe.Display(s.Name))
		}
		fmt.Fprintln(tw, "ID\tOUTLET\tWORDS\tTITLE")
		for _, a := range s.Articles {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", termsafe.Display(a.ID), termsafe.Display(a.Outlet), a.Words, termsafe.Display(a.Title))
		}
	}
	return tw.Flush()
}
