package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/ui"
	"github.com/newsdiff/newsdiff/ui/internal/colorfgbg"
	"github.com/newsdiff/newsdiff/ui/internal/plural"
	"github.com/newsdiff/newsdiff/ui/serve"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// ServeConfig returns cfg set up to serve newsdiff over c with the generic
// SSH host in ui/serve: each interactive session gets the reader, styled with
// its own renderer, and exec requests run the commands (Commands) over the
// same corpus, never with access to the server's files. The corpus and the
// cache of comparisons are shared read-only by every session.
func ServeConfig(cfg serve.Config, c *corpus.Corpus, cache *analysis.Cache, problems []string) serve.Config {
	if cache == nil {
		cache = analysis.NewCache()
	}
	// WriteHTML stays nil: an SSH client must not write files on the
	// server, so the reader's export is off there.
	cfg.NewModel = func(ctx context.Context, r *lipgloss.Renderer, _, _ int) tea.Model {
		return ui.New(c, cache, ui.Options{Renderer: r, NoColor: r.ColorProfile() == termenv.Ascii, Problems: problems, Context: ctx})
	}
	cfg.Exec = func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
		return Run(ctx, args, servedEnv(ctx, Env{Corpus: c, Cache: cache, Stdout: stdout, Stderr: stderr}))
	}
	if cfg.CorpusSize == "" {
		cfg.CorpusSize = corpusSize(c)
	}
	return serving(cfg)
}

// ServeArchiveConfig is ServeConfig over a folder's archive, opened by
// the caller, which closes it once the server is done: each interactive
// session gets the reader on the archive's listing, as the reader on the
// folder lists it, reading texts as it needs them; exec requests run the
// commands over the archive (Env.Archive), which answer as they would on
// the folder. What sessions share, each opening's listing and its bounded
// cache of texts, its archive and its bounded cache of articles and
// comparisons, and cache, is safe for concurrent use, and bounded in
// memory whatever the sessions read. A session or command takes the
// archive as sa has it when it starts (see ServedArchive).
func ServeArchiveConfig(cfg serve.Config, sa *ServedArchive, cache *analysis.Cache) serve.Config {
	if cache == nil {
		cache = analysis.NewCache()
	}
	if cfg.Logger != nil {
		sa.log = cfg.Logger
	}
	open := func(ctx context.Context) (ui.Library, []string, error) {
		g, release, err := sa.acquire()
		if err != nil {
			return nil, nil, err
		}
		context.AfterFunc(ctx, release)
		return servedListing{Listing: g.lib, root: g.ar.Root()}, g.lines, nil
	}
	// The folder is named as the reader on it names it, but by its name
	// alone: where it is on the server is not the client's business.
	loading := "the articles in " + termsafe.OneLine(folderName(sa.dir))
	cfg.NewModel = func(ctx context.Context, r *lipgloss.Renderer, _, _ int) tea.Model {
		return ui.New(nil, cache, ui.Options{Renderer: r, NoColor: r.ColorProfile() == termenv.Ascii, Context: ctx, Open: open,
			Loading: loading})
	}
	cfg.Exec = func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
		g, release, err := sa.acquire()
		if err != nil {
			// As the server words what it tells a client itself.
			fmt.Fprintf(stderr, "newsdiff: %s\n", err)
			return ExitError
		}
		defer release()
		return Run(ctx, args, servedEnv(ctx, Env{Archive: g.ar, Cache: cache, Stdout: stdout, Stderr: stderr}))
	}
	if cfg.CorpusSize == "" {
		sa.mu.Lock()
		cfg.CorpusSize = corpusSize(sa.cur.lib.Corpus())
		sa.mu.Unlock()
	}
	return serving(cfg)
}

// servedEnv is env for a command a client runs, set up for the client's
// terminal when it asked for one (ssh -t) as a local command is for the
// terminal it runs in: fitted to its width, and coloured unless its TERM
// is unset or dumb or the client sent a non-empty NO_COLOR or CLICOLOR=0,
// in the shades for the background the COLORFGBG it sent gives.
// Without a terminal the output is whole and plain, as in a pipe, unless
// the client sent CLICOLOR_FORCE (see envColour).
func servedEnv(ctx context.Context, env Env) Env {
	env.Width = serve.TerminalWidth(ctx)
	env.NoColor, env.ForceColor = envColour(false, serve.ClientEnv(ctx))
	env.LightBackground = colorfgbg.Light(serve.ClientEnv(ctx)("COLORFGBG"))
	if getenv, ok := serve.TerminalEnv(ctx); ok {
		// There is no Local whose TERM colorOn would read: a terminal
		// that takes no escape sequences is none for colour.
		env.Terminal = smartTerm(getenv("TERM"))
	}
	return env
}

// serving sets what serving the reader and the commands takes, whatever
// they serve.
func serving(cfg serve.Config) serve.Config {
	if cfg.ExecCommands == nil {
		cfg.ExecCommands = servedCommands()
	}
	// The reader scrolls with the mouse wheel locally; so it does remotely.
	cfg.ProgramOptions = append(cfg.ProgramOptions, tea.WithMouseCellMotion())
	// The reader draws every line exactly the window's width (its tests
	// check each frame at every size), so the renderer need not measure
	// lines to cut them: under a hundred sessions that measuring was a
	// fifth of the server's CPU time.
	cfg.ExactFrames = true
	return cfg
}

// folderName is the last element of dir's path: "stories" for
// "~/stories", and for ".", the name of the folder it stands for.
func folderName(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return filepath.Base(dir)
}

// corpusSize describes c for the server's start line, e.g. "1 story, 5 articles".
func corpusSize(c *corpus.Corpus) string {
	return plural.Count(len(c.Stories), "story", "stories") + ", " + plural.Count(len(c.Articles()), "article", "articles")
}

// servedCommands names what a client may run: the remote commands, and
// help, which lists them as they are served (no files, no folders). "ssh
// host help" was refused as an unknown command, leaving a client only the
// refusal's bare list of names.
func servedCommands() []string {
	return slices.Sorted(slices.Values(append(slices.Clone(Commands), "help")))
}
