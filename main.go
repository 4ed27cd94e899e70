// Command newsdiff compares how news outlets worded the same story: a
// terminal reader with side-by-side word diffs of aligned passages, a
// scriptable diff, and an SSH server for the reader.
//
// main only wires: the command line (every command, its flags and exit
// statuses) is ui/cli's; main hands it the process's standard streams,
// environment and terminal, the embedded articles, and the reader (ui) and
// SSH server (ui/serve) to start.
package main

import (
	"context"
	"errors"
	"log/slog"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/term"
	"github.com/mattn/go-isatty"

	"github.com/newsdiff/newsdiff/articles"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/story"
	"github.com/newsdiff/newsdiff/ui"
	"github.com/newsdiff/newsdiff/ui/cli"
	"github.com/newsdiff/newsdiff/ui/serve"
)

// defaultStory names the embedded corpus's one story.
const defaultStory = "Trump asks Russia to find Clinton's emails (July 2016)"

func main() {
	ctx, stop := cli.NotifyContext(context.Background())
	status := cli.Run(ctx, os.Args[1:], cli.Env{
		Default:  func() (*corpus.Corpus, []corpus.Problem, error) { return story.LoadFS(articles.FS, defaultStory) },
		Cache:    analysis.NewCache(),
		Files:    true,
		Terminal: isatty.IsTerminal(os.Stdout.Fd()),
		NoColor:  os.Getenv("NO_COLOR") != "",
		Stdout:   os.Stdout,
		Stderr:   os.Stderr,
		Local: &cli.Local{
			Stdin:  os.Stdin,
			Getenv: os.Getenv,
			Size:   func() (int, int, error) { return term.GetSize(os.Stdout.Fd()) },
			Read:   read,
			Serve:  serveSSH,
			ServeDefaults: cli.ServeSettings{
				Listen:      serve.DefaultListen,
				MaxSessions: serve.DefaultMaxSessions,
				MaxPerIP:    serve.DefaultMaxPerIP,
				IdleTimeout: serve.DefaultIdleTimeout,
				MaxSession:  serve.DefaultMaxSession,
			},
		},
	})
	stop()
	os.Exit(status)
}

// read runs the reader in this terminal until it quits or ctx is done.
func read(ctx context.Context, r cli.ReaderRequest) error {
	m := ui.New(r.Corpus, r.Cache, ui.Options{NoColor: r.NoColor, Problems: r.Problems, WriteHTML: cli.WriteHTMLDiff, Context: ctx})
	// ui/cli catches SIGINT and SIGTERM and cancels ctx, which ends the
	// program and restores the terminal. Bubble Tea's own handler would
	// race with it: it sends QuitMsg to an event loop that ctx has already
	// ended, and its shutdown then waits for that send forever.
	opts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithContext(ctx), tea.WithoutSignalHandler()}
	if r.InputTTY {
		opts = append(opts, tea.WithInputTTY())
	}
	_, err := tea.NewProgram(m, opts...).Run()
	if errors.Is(err, tea.ErrProgramKilled) || errors.Is(err, context.Canceled) {
		return ctx.Err()
	}
	return err
}

// serveSSH runs the SSH server until ctx is done.
func serveSSH(ctx context.Context, r cli.ServeRequest) error {
	s := r.Settings
	cfg := serve.Config{
		Listen:             s.Listen,
		HostKeyPath:        s.HostKey,
		AuthorizedKeysPath: s.AuthorizedKeys,
		MaxSessions:        s.MaxSessions,
		MaxPerIP:           s.MaxPerIP,
		IdleTimeout:        s.IdleTimeout,
		MaxSession:         s.MaxSession,
		Logger:             slog.New(slog.NewTextHandler(os.Stderr, nil)),
	}
	srv, err := serve.New(cli.ServeConfig(cfg, r.Corpus, r.Cache, r.Problems))
	if err != nil {
		return err
	}
	return srv.Run(ctx)
}
