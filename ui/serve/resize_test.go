package serve

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// sizeCounter counts the window sizes its model is given.
type sizeCounter struct {
	tea.Model
	sizes *atomic.Int64
}

func (m sizeCounter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.WindowSizeMsg); ok {
		m.sizes.Add(1)
	}
	inner, cmd := m.Model.Update(msg)
	return sizeCounter{inner, m.sizes}, cmd
}

// TestWindowFloodRateLimited checks that a client sending window changes
// as fast as it can gets its window laid out at most once per
// resizeInterval, and the last size it sent in the end. A flood used to be
// laid out as fast as the program could, a quarter of a core per client.
func TestWindowFloodRateLimited(t *testing.T) {
	var sizes atomic.Int64
	ts := startServer(t, Config{NewModel: func(ctx context.Context, r *lipgloss.Renderer, w, h int) tea.Model {
		return sizeCounter{testModel(ctx, r, w, h), &sizes}
	}})
	tt := ts.openTTY(t, "xterm", 80, 24)
	tt.waitFor(wantInitial...)
	before := sizes.Load()
	start := time.Now()
	const changes = 400
	for i := range changes {
		w := 90 + i%2*10
		if err := tt.sess.WindowChange(30, w); err != nil {
			t.Fatal(err)
		}
	}
	if err := tt.sess.WindowChange(30, 100); err != nil {
		t.Fatal(err)
	}
	tt.resize(100, 30)
	tt.waitScreen("the last size", func(s screen) bool { return len(s.rows) > 0 && strings.HasPrefix(s.rows[0], "size 100x30 ") })
	elapsed := time.Since(start)
	// One size may already be waiting when the flood starts, and one is
	// handed over at once; each after that waits resizeInterval.
	limit := int64(elapsed/resizeInterval) + 2
	if got := sizes.Load() - before; got > limit {
		t.Errorf("%d window changes in %v were laid out %d times, want at most %d (one per %v)", changes+1, elapsed, got, limit, resizeInterval)
	}
	tt.press("q")
	tt.wait()
}
