package serve

import (
	"context"
	"fmt"
	"io"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/ui"
	"github.com/newsdiff/newsdiff/ui/cli"
)

// ForCorpus returns cfg set up to serve newsdiff over c: each interactive
// session gets the reader, styled with its own renderer, and exec requests
// run the command-line commands (cli.Commands) over the same corpus,
// never with access to the server's files. The corpus and the cache of
// comparisons are shared read-only by every session.
func ForCorpus(cfg Config, c *corpus.Corpus, cache *analysis.Cache, problems []string) Config {
	if cache == nil {
		cache = analysis.NewCache()
	}
	cfg.NewModel = func(r *lipgloss.Renderer, _, _ int) tea.Model {
		return ui.New(c, cache, ui.Options{Renderer: r, NoColor: r.ColorProfile() == termenv.Ascii, Problems: problems})
	}
	cfg.Exec = func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
		return cli.Run(ctx, args, cli.Env{Corpus: c, Cache: cache, Stdout: stdout, Stderr: stderr})
	}
	if cfg.ExecCommands == nil {
		cfg.ExecCommands = cli.Commands
	}
	// The reader scrolls with the mouse wheel locally; so it does remotely.
	cfg.ProgramOptions = append(cfg.ProgramOptions, tea.WithMouseCellMotion())
	if cfg.CorpusSize == "" {
		cfg.CorpusSize = corpusSize(c)
	}
	return cfg
}

func corpusSize(c *corpus.Corpus) string {
	stories, articles := len(c.Stories), len(c.Articles())
	plural := func(n int, one string) string {
		if n == 1 {
			return fmt.Sprintf("1 %s", one)
		}
		return fmt.Sprintf("%d %ss", n, one)
	}
	return plural(stories, "story") + ", " + plural(articles, "article")
}
