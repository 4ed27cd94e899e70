// Command newsdiff compares how news outlets worded the same story: a
// terminal reader with side-by-side word diffs of aligned passages, a
// scriptable diff, and an SSH server for the reader.
//
// main only wires: every command, its flags and exit statuses are ui/cli's;
// main hands it the process's standard streams, environment and terminal,
// the embedded articles, and SIGINT and SIGTERM, which ui/cli catches once
// a command is about to run.
package main

import (
	"context"
	"os"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/mattn/go-isatty"

	"github.com/newsdiff/newsdiff/articles"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/story"
	"github.com/newsdiff/newsdiff/ui/cli"
)

// defaultStory names the embedded corpus's one story.
const defaultStory = "Trump asks Russia to find Clinton's emails (July 2016)"

func main() {
	status := cli.Run(context.Background(), os.Args[1:], cli.Env{
		Default:  func() (*corpus.Corpus, []corpus.Problem, error) { return story.LoadFS(articles.FS, defaultStory) },
		Cache:    analysis.NewCache(),
		Files:    true,
		Terminal: isatty.IsTerminal(os.Stdout.Fd()),
		NoColor:  os.Getenv("NO_COLOR") != "",
		Stdout:   os.Stdout,
		Stderr:   os.Stderr,
		Local: &cli.Local{
			Notify:    cli.NotifyContext,
			Stdin:     os.Stdin,
			LookupEnv: os.LookupEnv,
			Size:      func() (int, int, error) { return term.GetSize(os.Stdout.Fd()) },
			// The index progress bar's terminal.
			StderrTerminal: isatty.IsTerminal(os.Stderr.Fd()),
			// Asked once as newsdiff loaded; the answer is reused.
			DarkBackground: lipgloss.HasDarkBackground,
			StderrWidth: func() int {
				w, _, err := term.GetSize(os.Stderr.Fd())
				if err != nil {
					return 0
				}
				return w
			},
		},
	})
	os.Exit(status)
}
