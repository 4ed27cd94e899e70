package ui

import (
	"os/exec"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
)

// TestCtrlZSuspends: ctrl+z did nothing, where every program in a shell
// stops and gives the terminal back, fg resuming it. The reader in a
// terminal of its own (Options.Suspend) now suspends, wherever it is, as
// ctrl+c quits wherever it is; on resuming it takes the mouse again, which
// Bubble Tea gave back with the terminal. A served session, whose process
// is the server's, neither suspends nor offers the key in its help.
func TestCtrlZSuspends(t *testing.T) {
	ctrlZ := tea.KeyMsg{Type: tea.KeyCtrlZ}
	suspends := func(m Model) bool {
		_, cmd := m.Update(ctrlZ)
		return cmd != nil && cmd() == tea.Suspend()
	}
	local := func(w, h int) Model {
		return newModelOpts(t, seed(t), w, h, Options{Renderer: renderer(termenv.Ascii), Suspend: true})
	}
	for _, tc := range []struct {
		name string
		m    Model
	}{
		{"comparison", local(160, 45)},
		{"articles", press(local(160, 45), "tab")},
		{"typing a filter", press(local(160, 45), "tab", "/", "a")},
		{"typing a search", press(local(160, 45), "/", "a")},
		{"help", press(local(160, 45), "?")},
		{"quotes", press(local(160, 45), "2")},
		{"too small", local(40, 10)},
	} {
		if !suspends(tc.m) {
			t.Errorf("%s: ctrl+z does not suspend the reader", tc.name)
		}
	}
	// Suspending changes nothing: fg finds the reader where it was.
	m := press(local(160, 45), "tab", "/", "a")
	before := screen(m)
	if tm, _ := m.Update(ctrlZ); screen(tm.(Model)) != before {
		t.Errorf("ctrl+z changed the screen")
	}
	if _, cmd := m.Update(tea.ResumeMsg{}); cmd == nil || cmd() != tea.EnableMouseCellMotion() {
		t.Errorf("resumed, the reader does not take the mouse again")
	}
	if s := screen(press(local(160, 45), "?")); !strings.Contains(s, "suspend to the shell") {
		t.Errorf("the help does not list ctrl+z:\n%s", s)
	}

	// Served: no suspending, and the help does not offer it.
	served := newModel(t, seed(t), 160, 45)
	if suspends(served) {
		t.Error("a served session suspends on ctrl+z")
	}
	if s := screen(press(served, "?")); strings.Contains(s, "ctrl+z") {
		t.Errorf("a served session's help offers ctrl+z:\n%s", s)
	}
}

// TestEndToEndCtrlZ runs the reader from an interactive shell in tmux:
// ctrl+z stops it and gives the shell back, and fg brings it back, drawn
// again at the size the terminal took while it was stopped.
func TestEndToEndCtrlZ(t *testing.T) {
	dir, bin := buildForTmux(t)
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("end-to-end: bash is not installed")
	}
	tm := startTmux(t, dir, 120, 30, "PS1=$ ", bash, "--norc", "--noprofile", "-i")
	tm.waitFor("the shell", func(s string) bool { return strings.Contains(s, "$") })
	tm.sendText(bin)
	tm.send("Enter")
	tm.waitFor("the reader", func(s string) bool { return strings.Contains(s, "COMPARE") })
	tm.send("C-z")
	tm.waitFor("the shell again", func(s string) bool { return strings.Contains(s, "Stopped") && !strings.Contains(s, "COMPARE") })
	tm.resize(100, 25)
	tm.sendText("fg")
	tm.send("Enter")
	tm.waitFor("the reader back, at the new size", func(s string) bool {
		lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
		return strings.Contains(s, "COMPARE") && len(lines) == 25 && maxWidth(s) <= 100 && strings.Contains(lines[0], "Articles")
	})
	tm.send("q")
	tm.waitFor("the shell after q", func(s string) bool { return !strings.Contains(s, "COMPARE") })
}
