package serve_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/newsdiff/newsdiff/ui/serve"
)

// greeting stands in for the reader in this example.
type greeting struct{ style lipgloss.Style }

func (g greeting) Init() tea.Cmd { return nil }

func (g greeting) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyMsg); ok {
		return g, tea.Quit
	}
	return g, nil
}

func (g greeting) View() string { return g.style.Render("Hello from newsdiff. Press any key.") }

// Example shows how main runs the server: a model per interactive session,
// styled with that session's renderer, a function for commands, and Run
// until SIGINT or SIGTERM.
func Example() {
	srv, err := serve.New(serve.Config{
		NewModel: func(_ context.Context, r *lipgloss.Renderer, width, height int) tea.Model {
			return greeting{style: r.NewStyle().Bold(true).Width(width)}
		},
		Exec: func(_ context.Context, args []string, stdout, stderr io.Writer) int {
			if args[0] != "list" {
				fmt.Fprintln(stderr, "usage: list")
				return 2
			}
			fmt.Fprintln(stdout, "003 The Morning Post")
			return 0
		},
		CorpusSize: "1 story, 1 article",
		Logger:     slog.New(slog.NewTextHandler(os.Stderr, nil)),
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Run(ctx); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
}
