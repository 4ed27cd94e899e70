package serve

import tea "github.com/charmbracelet/bubbletea"

// Bubble Tea's standard renderer measures every changed line of a frame
// twice, once to cut it to the window's width and once to decide whether to
// erase the rest of the row, and under load that measuring (grapheme
// segmentation of every cell) is most of a session's CPU time. A model whose
// lines are already exactly the window's width needs neither: nothing is
// wider, and nothing is left to erase. The renderer cuts lines only when it
// knows the width, which it learns from tea.WindowSizeMsg alone. So for such
// a model the window's size travels to the model as a windowMsg, which
// exactWindowModel turns into the tea.WindowSizeMsg the model expects, and
// the renderer is only ever told a zero size, which makes it repaint every
// line as it does after a resize.

// windowMsg is a window size for the model only.
type windowMsg struct{ width, height int }

// exactWindowModel hands windowMsg to its model as a tea.WindowSizeMsg and
// keeps the renderer's own WindowSizeMsg, always zero, from it.
type exactWindowModel struct{ model tea.Model }

// Init implements tea.Model.
func (m exactWindowModel) Init() tea.Cmd { return m.model.Init() }

// Update implements tea.Model.
func (m exactWindowModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case windowMsg:
		inner, cmd := m.model.Update(tea.WindowSizeMsg{Width: msg.width, Height: msg.height})
		return exactWindowModel{inner}, tea.Batch(cmd, repaint)
	case tea.WindowSizeMsg:
		return m, nil
	}
	inner, cmd := m.model.Update(msg)
	return exactWindowModel{inner}, cmd
}

// View implements tea.Model.
func (m exactWindowModel) View() string { return m.model.View() }

// repaint makes the renderer draw every line of the next frame, as it does
// when the window changes, without telling it the window's width.
func repaint() tea.Msg { return tea.WindowSizeMsg{} }
