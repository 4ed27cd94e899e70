// Command manpages writes newsdiff's manual pages, one per command, from
// its command tree into the folder that ui/cli embeds:
//
//	go run ./scripts/manpages -o ui/cli/manpages
//
// `newsdiff man DIR` writes the embedded pages. They are made here, ahead
// of time, so that cobra/doc and the Markdown renderer and YAML encoder it
// brings stay out of the newsdiff binary, whose every run would otherwise
// pay for their package initialisation.
//
// Each page carries cli.ManHeader as its .TH line, with no date and no
// version, so that the pages depend only on the command definitions;
// `newsdiff man` fills in both. The pages leave out cobra's "Auto generated"
// history line for the same reason.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/newsdiff/newsdiff/ui/cli"
)

func main() {
	out := flag.String("o", "ui/cli/manpages", "the folder to write the pages into (its .1 files are replaced)")
	flag.Parse()
	if err := write(*out); err != nil {
		fmt.Fprintln(os.Stderr, "manpages:", err)
		os.Exit(1)
	}
}

// Generate renders the page of every command in the tree, keyed by file
// name (newsdiff.1, newsdiff-diff.1, newsdiff-completion-bash.1, ...).
func Generate() (map[string][]byte, error) {
	root := cli.CommandTree()
	pages := make(map[string][]byte)
	var walk func(c *cobra.Command) error
	walk = func(c *cobra.Command) error {
		if !c.IsAvailableCommand() && c != root || c.IsAdditionalHelpTopicCommand() {
			return nil
		}
		c.DisableAutoGenTag = true
		// A fixed date, replaced with the header below: the pages must
		// not change with the day they are made.
		date := time.Unix(0, 0)
		header := &doc.GenManHeader{Title: "NEWSDIFF", Section: "1", Date: &date, Source: "newsdiff", Manual: "newsdiff manual"}
		var b bytes.Buffer
		if err := doc.GenMan(c, header, &b); err != nil {
			return err
		}
		page, err := withHeader(b.String())
		if err != nil {
			return fmt.Errorf("%s: %w", c.CommandPath(), err)
		}
		pages[strings.ReplaceAll(c.CommandPath(), " ", "-")+".1"] = []byte(page)
		for _, sub := range c.Commands() {
			if err := walk(sub); err != nil {
				return err
			}
		}
		return nil
	}
	return pages, walk(root)
}

// withHeader replaces the page's .TH line with cli.ManHeader.
func withHeader(page string) (string, error) {
	lines := strings.SplitAfter(page, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, ".TH ") {
			lines[i] = cli.ManHeader + "\n"
			return strings.Join(lines, ""), nil
		}
	}
	return "", fmt.Errorf("no .TH line")
}

// write replaces the pages in dir with freshly generated ones.
func write(dir string) error {
	pages, err := Generate()
	if err != nil {
		return err
	}
	old, err := filepath.Glob(filepath.Join(dir, "*.1"))
	if err != nil {
		return err
	}
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	names := make([]string, 0, len(pages))
	for name := range pages {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), pages[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}
