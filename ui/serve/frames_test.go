package serve

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// sizeRecorder is a model that records the window sizes it is given.
type sizeRecorder struct{ sizes *[]tea.WindowSizeMsg }

func (m sizeRecorder) Init() tea.Cmd { return nil }
func (m sizeRecorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if w, ok := msg.(tea.WindowSizeMsg); ok {
		*m.sizes = append(*m.sizes, w)
	}
	return m, nil
}
func (m sizeRecorder) View() string { return "" }

// TestExactWindowModel checks the two halves of ExactFrames: the model gets
// the client's window size as a tea.WindowSizeMsg, with a command whose
// message tells the renderer a zero size (so it repaints every line and
// still cuts none), and that zero size never reaches the model.
func TestExactWindowModel(t *testing.T) {
	var sizes []tea.WindowSizeMsg
	var m tea.Model = exactWindowModel{sizeRecorder{&sizes}}
	m, cmd := m.Update(windowMsg{width: 90, height: 30})
	if want := []tea.WindowSizeMsg{{Width: 90, Height: 30}}; len(sizes) != 1 || sizes[0] != want[0] {
		t.Fatalf("model got sizes %v, want %v", sizes, want)
	}
	if cmd == nil {
		t.Fatal("a window change returned no command; the renderer would not repaint")
	}
	msg := cmd()
	if msg != (tea.WindowSizeMsg{}) {
		t.Fatalf("the window change's command gives %#v, want a zero tea.WindowSizeMsg", msg)
	}
	m, _ = m.Update(msg)
	m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if len(sizes) != 1 {
		t.Errorf("model got sizes %v after the renderer's zero size; it must get only the client's", sizes)
	}
}

// TestExactFramesRepaintAfterResize checks that with ExactFrames a window
// change still redraws every row, as the renderer does when it is told the
// size itself: the output after a change of height alone, drawn on a blank
// screen, is the whole screen. Rows whose text did not change would
// otherwise be skipped, and a terminal that clears or reflows on resize
// would show them blank.
func TestExactFramesRepaintAfterResize(t *testing.T) {
	ts := startReader(t, Config{})
	tt := ts.openTTY(t, "xterm-256color", 120, 40)
	tt.waitScreen("the first comparison", func(s screen) bool { return listsAll(s) && isComparing("Swell Digest", "Hacked.com")(s) })
	mark := tt.out.Len()
	tt.resize(120, 45)
	// drawnWhole draws what came after the window change on a blank
	// screen. The repaint comes in the frame after the new layout's, so
	// the screen can look right (the terminal kept the unchanged rows)
	// before it arrives: wait for the whole screen, not the first frame.
	drawnWhole := func() string {
		fresh := newVT(120, 45)
		_, _ = fresh.Write([]byte(tt.out.String()[mark:]))
		return fresh.snapshot().text()
	}
	_, err := tt.awaitScreen(waitLimit, "the reader at 120x45, drawn whole since the window change", func(s screen) bool {
		bar, w := status(s)
		return len(s.rows) == 45 && w == 120 && strings.Contains(bar, "COMPARE") && listsAll(s) && drawnWhole() == s.text()
	})
	if err != nil {
		t.Errorf("the output after the window change does not draw the whole screen; on a blank screen it draws:\n%s\n%v", drawnWhole(), err)
	}
	tt.quit()
}
