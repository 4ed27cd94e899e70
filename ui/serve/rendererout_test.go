package serve

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// copyingModel draws one small frame, and then, as the reader copies a
// passage to the client's clipboard (OSC 52), writes straight to its
// renderer's output from a command of its own: more than the client's
// SSH window holds.
type copyingModel struct{ r *lipgloss.Renderer }

type copied struct{}

func (m copyingModel) Init() tea.Cmd {
	return func() tea.Msg {
		time.Sleep(100 * time.Millisecond) // the frame is out
		m.r.Output().WriteString("\x1b]52;c;" + strings.Repeat("Q", 4<<20) + "\a")
		return copied{}
	}
}

func (m copyingModel) Update(tea.Msg) (tea.Model, tea.Cmd) { return m, nil }

func (m copyingModel) View() string { return "copying" }

// TestRendererOutputIsTheSessions is a regression test: the renderer a
// session's model is given wrote to the SSH channel itself, beside the
// program's output, which goes out through the session's stall guard one
// write at a time. The reader copies to the clipboard through it, from a
// command's goroutine, so a copy made while a frame larger than an SSH
// packet went out was written at once with it (x/crypto's writes to one
// channel share one packet buffer: the client got the two mixed), and a
// copy to a client that had stopped reading waited for it for ever, its
// session never ended after WriteTimeout. A copy now goes out as the
// frames do.
func TestRendererOutputIsTheSessions(t *testing.T) {
	ts := startServer(t, Config{WriteTimeout: 200 * time.Millisecond,
		NewModel: func(_ context.Context, r *lipgloss.Renderer, _, _ int) tea.Model { return copyingModel{r} }})
	openStalled(t, ts, 0, 0)
	ts.waitLogWithin(t, stallLimit, `reason="client stopped reading for 200ms"`)
}
