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
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/mattn/go-isatty"

	"github.com/newsdiff/newsdiff/articles"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/story"
	"github.com/newsdiff/newsdiff/ui"
	"github.com/newsdiff/newsdiff/ui/cli"
	"github.com/newsdiff/newsdiff/ui/serve"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// defaultStory names the embedded corpus's one story.
const defaultStory = "Trump asks Russia to find Clinton's emails (July 2016)"

func main() {
	os.Exit(run(os.Args[1:]))
}

// loadDefault loads the embedded articles.
func loadDefault() (*corpus.Corpus, []corpus.Problem, error) {
	return story.LoadFS(articles.FS, defaultStory)
}

func run(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	_, noColor := os.LookupEnv("NO_COLOR")
	env := cli.Env{
		Default:  loadDefault,
		Cache:    analysis.NewCache(),
		Files:    true,
		Terminal: isatty.IsTerminal(os.Stdout.Fd()),
		NoColor:  noColor,
		Stdout:   os.Stdout,
		Stderr:   os.Stderr,
	}
	if len(args) > 0 && cli.IsCommand(args[0]) {
		return cli.Run(ctx, args, env)
	}
	if len(args) > 0 && args[0] == "serve" {
		return runServe(ctx, args[1:], env)
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
	c, probs, err := loadReaderCorpus(dir, env)
	if err != nil {
		fmt.Fprintf(os.Stderr, "newsdiff: %v\n", err)
		return cli.ExitError
	}
	var problems []string
	for _, p := range probs {
		problems = append(problems, termsafe.Display(p.Error()))
	}
	m := ui.New(c, env.Cache, ui.Options{NoColor: env.NoColor, Problems: problems})
	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithContext(ctx))
	if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) && !errors.Is(err, context.Canceled) {
		fmt.Fprintf(os.Stderr, "newsdiff: %v\n", err)
		return cli.ExitError
	}
	return cli.ExitOK
}

// loadReaderCorpus loads DIR, or the embedded articles when dir is empty.
func loadReaderCorpus(dir string, env cli.Env) (*corpus.Corpus, []corpus.Problem, error) {
	if dir == "" {
		return env.Default()
	}
	return story.LoadDir(dir)
}

// runServe parses serve's flags and runs the SSH server until SIGINT or
// SIGTERM.
func runServe(ctx context.Context, args []string, env cli.Env) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(os.Stderr)
	var cfg serve.Config
	fs.StringVar(&cfg.Listen, "listen", serve.DefaultListen, "address to listen on")
	fs.StringVar(&cfg.HostKeyPath, "host-key", "", "host key file, created on first start (default: the user config directory's newsdiff/host_ed25519)")
	fs.StringVar(&cfg.AuthorizedKeysPath, "authorized-keys", "", "only let in the public keys in this authorized_keys file (default: anyone)")
	fs.IntVar(&cfg.MaxSessions, "max-sessions", serve.DefaultMaxSessions, "most sessions at once")
	fs.IntVar(&cfg.MaxPerIP, "max-per-ip", serve.DefaultMaxPerIP, "most sessions at once from one address")
	fs.DurationVar(&cfg.IdleTimeout, "idle-timeout", serve.DefaultIdleTimeout, "close a session after this long without input")
	fs.DurationVar(&cfg.MaxSession, "max-session", serve.DefaultMaxSession, "close a session after this long")
	fs.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: newsdiff serve [flags] [DIR]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cli.ExitOK
		}
		return cli.ExitUsage
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(os.Stderr, "newsdiff serve: want at most one directory")
		fs.Usage()
		return cli.ExitUsage
	}
	c, probs, err := loadReaderCorpus(fs.Arg(0), env)
	if err != nil {
		fmt.Fprintf(os.Stderr, "newsdiff serve: %v\n", err)
		return cli.ExitError
	}
	var problems []string
	for _, p := range probs {
		problems = append(problems, termsafe.Display(p.Error()))
		fmt.Fprintf(os.Stderr, "newsdiff serve: %s\n", termsafe.Display(p.Error()))
	}
	cfg.Logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	srv, err := serve.New(serve.ForCorpus(cfg, c, env.Cache, problems))
	if err != nil {
		fmt.Fprintf(os.Stderr, "newsdiff serve: %v\n", err)
		return cli.ExitError
	}
	if err := srv.Run(ctx); err != nil {
		fmt.Fprintf(os.Stderr, "newsdiff serve: %v\n", err)
		return cli.ExitError
	}
	return cli.ExitOK
}
