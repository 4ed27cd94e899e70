package cli

import (
	"context"
	"errors"
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestReaderEndStatus is a regression test: Bubble Tea reports a panic
// in the reader as ErrProgramPanic wrapped in ErrProgramKilled, which is
// also what ctx's end gives back, and the reader took it for that: a
// reader that crashed, its stack on the screen, exited 0, so "newsdiff DIR
// && next" went on to next. The errors are Bubble Tea's, made as its Run
// makes them.
func TestReaderEndStatus(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	panicked := fmt.Errorf("%w: %w", tea.ErrProgramKilled, tea.ErrProgramPanic)
	for _, tt := range []struct {
		name string
		ctx  context.Context
		err  error
		want error
	}{
		{"a panic", context.Background(), panicked, errReaderPanicked},
		{"a panic as ctx ends", cancelled, panicked, errReaderPanicked},
		{"ctx ended (SIGINT, SIGTERM)", cancelled, tea.ErrProgramKilled, context.Canceled},
		{"q", context.Background(), nil, nil},
	} {
		if got := readerEnd(tt.ctx, nil, tt.err); !errors.Is(got, tt.want) || (tt.want == nil) != (got == nil) {
			t.Errorf("%s: the reader ends with %v, want %v", tt.name, got, tt.want)
		}
	}
}
