// Command newsdiff compares how news outlets worded the same story: a
// terminal reader with side-by-side word diffs of aligned passages, a
// scriptable diff, and an SSH server for the reader.
//
// main only wires the command line to the packages that do the work:
// corpus (loading, aligning, diffing), ui (the reader), ui/cli (the
// non-interactive commands) and ui/serve (the SSH server).
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/mattn/go-isatty"

	"github.com/newsdiff/newsdiff/articles"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/ui/cli"
)

// defaultStory names the embedded corpus's one story.
const defaultStory = "Trump asks Russia to find Clinton's emails (July 2016)"

func main() {
	os.Exit(run(os.Args[1:]))
}

// loadDefault loads the embedded articles.
func loadDefault() (*corpus.Corpus, []corpus.Problem, error) {
	return corpus.LoadFS(articles.FS, defaultStory)
}

func run(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	_, noColor := os.LookupEnv("NO_COLOR")
	env := cli.Env{
		Default:  loadDefault,
		Cache:    corpus.NewCache(),
		Files:    true,
		Terminal: isatty.IsTerminal(os.Stdout.Fd()),
		NoColor:  noColor,
		Stdout:   os.Stdout,
		Stderr:   os.Stderr,
	}
	if len(args) > 0 && cli.IsCommand(args[0]) {
		return cli.Run(ctx, args, env)
	}
	return runReader(ctx, args, env)
}

// runReader opens the reader on DIR or the embedded corpus.
func runReader(ctx context.Context, args []string, env cli.Env) int {
	var dir string
	for _, a := range args {
		switch a {
		case "-h", "-help", "--help":
			fmt.Fprint(os.Stdout, cli.Usage)
			return cli.ExitOK
		case "--no-color", "-no-color":
			env.NoColor = true
		default:
			if dir != "" || (len(a) > 0 && a[0] == '-') {
				fmt.Fprintf(os.Stderr, "newsdiff: unexpected argument %q\n", a)
				fmt.Fprint(os.Stderr, cli.Usage)
				return cli.ExitUsage
			}
			dir = a
		}
	}
	listArgs := []string{"list"}
	if dir != "" {
		listArgs = append(listArgs, dir)
	}
	code := cli.Run(ctx, listArgs, env)
	if code == cli.ExitOK {
		fmt.Fprint(os.Stdout, "\n"+cli.Usage)
	}
	return code
}
