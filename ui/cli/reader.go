package cli

import (
	"context"
	"errors"
	"os"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"

	"github.com/newsdiff/newsdiff/ui"
)

// runReader runs the reader in this process's terminal until it quits or
// ctx is done.
func runReader(ctx context.Context, r ReaderRequest) error {
	if !term.IsTerminal(os.Stdout.Fd()) {
		// Bubble Tea draws on stdout: redirected to a file or a pipe,
		// the reader wrote its screens there, escape sequences and all,
		// while the terminal stayed blank until q was pressed blind, and
		// the status was 0.
		return errReaderNeedsTerminal
	}
	m := ui.New(r.Corpus, r.Cache, ui.Options{
		Renderer:   readerRenderer(r.NoColor),
		NoColor:    r.NoColor,
		Problems:   r.Problems,
		WriteHTML:  WriteHTMLDiff,
		Context:    ctx,
		Load:       r.Load,
		Loading:    r.Loading,
		Open:       r.Open,
		Hyperlinks: r.Hyperlinks,
		Suspend:    true,
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
	return readerEnd(ctx, final, err)
}

// errReaderPanicked ends a reader that panicked: Bubble Tea has restored
// the terminal and printed the panic and its stack.
var errReaderPanicked = errors.New("the reader stopped on an internal error (above)")

// readerEnd returns how a reader whose Run returned final and err ends
// the command. Bubble Tea reports a panic as ErrProgramPanic wrapped in
// ErrProgramKilled, which is also how ctx's end (SIGINT, SIGTERM) comes
// back: taken for that, a reader that panicked exited 0.
func readerEnd(ctx context.Context, final tea.Model, err error) error {
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		return errReaderPanicked
	case errors.Is(err, tea.ErrProgramKilled) || errors.Is(err, context.Canceled):
		return ctx.Err()
	}
	if fm, ok := final.(ui.Model); ok && err == nil && fm.Interrupted() {
		// ctrl+c reaches the reader as a key, the terminal being raw; the
		// exit status is the one SIGINT would give.
		return exitError{128 + int(syscall.SIGINT)}
	}
	return err
}

// errReaderNeedsTerminal says why the reader did not start, and what
// prints instead.
var errReaderNeedsTerminal = errors.New("the reader needs stdout to be a terminal; to print, use newsdiff diff A B, list or a story command")

// readerRenderer is what draws the reader in this process's terminal.
// Colour is one decision, newsdiff's own (colorOn), whichever way it was
// asked for. Off: --no-color and --color never draw as NO_COLOR does (the
// README: no attributes at all, changes bracketed, search matches
// starred); the default renderer looked only at NO_COLOR, so --no-color
// kept bold, dim and reverse video. On: the palette is the one TERM
// names. The default renderer also dropped colour when CI was set (termenv
// takes that to mean no terminal) and when --color always overrode
// NO_COLOR, drawing a colourless screen with colour said to be on.
func readerRenderer(noColor bool) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(os.Stdout)
	if noColor {
		r.SetColorProfile(termenv.Ascii)
		return r
	}
	r.SetColorProfile(colourProfile(os.Stdout))
	// Bubble Tea asked the terminal for its background when it loaded;
	// the answer is reused rather than asked for a second time.
	r.SetHasDarkBackground(lipgloss.HasDarkBackground())
	return r
}
