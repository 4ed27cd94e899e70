package cli

import (
	"context"
	"errors"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/newsdiff/newsdiff/ui"
)

// runReader runs the reader in this process's terminal until it quits or
// ctx is done.
func runReader(ctx context.Context, r ReaderRequest) error {
	m := ui.New(r.Corpus, r.Cache, ui.Options{
		NoColor:    r.NoColor,
		Problems:   r.Problems,
		WriteHTML:  WriteHTMLDiff,
		Context:    ctx,
		Load:       r.Load,
		Loading:    r.Loading,
		Open:       r.Open,
		Hyperlinks: r.Hyperlinks,
	})
	// NotifyContext catches SIGINT and SIGTERM and cancels ctx, which ends
	// the program and restores the terminal. Bubble Tea's own handler would
	// race with it: it sends QuitMsg to an event loop that ctx has already
	// ended, and its shutdown then waits for that send forever.
	opts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithContext(ctx), tea.WithoutSignalHandler()}
	if r.InputTTY {
		opts = append(opts, tea.WithInputTTY())
	}
	final, err := tea.NewProgram(m, opts...).Run()
	if errors.Is(err, tea.ErrProgramKilled) || errors.Is(err, context.Canceled) {
		return ctx.Err()
	}
	if fm, ok := final.(ui.Model); ok && err == nil && fm.Interrupted() {
		// ctrl+c reaches the reader as a key, the terminal being raw; the
		// exit status is the one SIGINT would give.
		return exitError{128 + int(syscall.SIGINT)}
	}
	return err
}
