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
	"github.com/spf13/pflag"

	"github.com/newsdiff/newsdiff/ui"
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
		if c == root {
			page = strings.Replace(page, ".SH SEE ALSO\n", keysSection(ui.KeyTable())+"\n"+cli.ManSections+"\n.SH SEE ALSO\n", 1)
		}
		page = withOptions(page, ".SH OPTIONS\n", c.NonInheritedFlags())
		page = withOptions(page, ".SH OPTIONS INHERITED FROM PARENT COMMANDS\n", c.InheritedFlags())
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

// keysSection renders the reader's key table as newsdiff(1)'s KEYS
// section: the keys ? lists in the reader and the README lists, each
// section a subsection, each entry its keys in bold and what they do.
func keysSection(table []ui.KeySection) string {
	var b strings.Builder
	b.WriteString(".SH KEYS\n")
	b.WriteString("The reader's keys, as \\fB?\\fR lists them in the reader; the line at the bottom of its screen shows those that work in the view at hand.\n")
	for _, sec := range table {
		b.WriteString(".SS " + roff(sec.Title) + "\n")
		for _, e := range sec.Entries {
			b.WriteString(".TP\n")
			for i, k := range e.Keys {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString(`\fB` + roff(k) + `\fR`)
			}
			b.WriteString("\n" + roff(e.Desc) + "\n")
		}
	}
	return b.String()
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

// withOptions replaces the body of the page's section that starts with
// heading with flags as --help lists them: cobra/doc ran each flag's name
// and its description together in one paragraph ("-U, --context=all
// show only changed passages, with N …"), gave a value's kind and not
// its name ("--story=\"\"" where --help says "--story STORY"), and
// "[=false]" after every switch. Each flag is a tagged paragraph: the
// flags and the value's name as --help shows them, then what --help
// says of it, its default included.
func withOptions(page, heading string, flags *pflag.FlagSet) string {
	start := strings.Index(page, heading)
	if start < 0 {
		return page
	}
	start += len(heading)
	end := strings.Index(page[start:], "\n.SH ")
	if end < 0 {
		end = len(page) - start
	}
	var b strings.Builder
	flags.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		// pflag's own line for the flag alone, as --help prints it:
		// "  -U, --context N  show only … (default all)".
		one := pflag.NewFlagSet("", pflag.ContinueOnError)
		one.AddFlag(f)
		line := strings.TrimSpace(one.FlagUsagesWrapped(0))
		names, desc, _ := strings.Cut(line, "  ")
		b.WriteString(".TP\n")
		for i, w := range strings.Fields(names) {
			if i > 0 {
				b.WriteString(" ")
			}
			comma := strings.HasSuffix(w, ",")
			w = strings.TrimSuffix(w, ",")
			if strings.HasPrefix(w, "-") {
				b.WriteString(`\fB` + roff(w) + `\fR`)
			} else {
				// A value the flag takes when given alone, as --help
				// shows it ("WHEN[=always]"), is no part of the
				// value's name.
				name, alone, _ := strings.Cut(w, "[=")
				b.WriteString(`\fI` + roff(name) + `\fR`)
				if alone != "" {
					b.WriteString("[=" + roff(alone))
				}
			}
			if comma {
				b.WriteString(",")
			}
		}
		b.WriteString("\n" + roff(strings.TrimSpace(desc)) + "\n")
	})
	b.WriteString("\n")
	return page[:start] + b.String() + page[start+end:]
}

// roff escapes text for a man page: a backslash, and a hyphen, which
// groff may draw as a typographic hyphen that a copied option does not
// work with.
func roff(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
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
