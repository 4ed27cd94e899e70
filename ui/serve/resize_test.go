package serve

import (
	"context"
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	gossh "golang.org/x/crypto/ssh"
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

// TestWindowChangeBeforeStart checks that window changes sent between the
// pty request and the shell or command neither stop the session from
// starting nor get lost: the first one filled gliderlabs' queue of one
// window, which only a running reader drains, and stopped its request loop
// for good, so the shell or command never started and the channel never
// ended.
func TestWindowChangeBeforeStart(t *testing.T) {
	ts := startServer(t, Config{})
	for _, start := range []string{"shell", "exec"} {
		t.Run(start, func(t *testing.T) {
			client := ts.dial(t)
			sess, err := client.NewSession()
			if err != nil {
				t.Fatal(err)
			}
			defer sess.Close()
			if err := sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
				t.Fatal(err)
			}
			for _, size := range [][2]int{{30, 100}, {33, 111}} {
				if err := sess.WindowChange(size[0], size[1]); err != nil {
					t.Fatal(err)
				}
			}
			out := &syncBuffer{}
			sess.Stdout = out
			in, err := sess.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			started := make(chan error, 1)
			go func() {
				if start == "shell" {
					started <- sess.Shell()
				} else {
					started <- sess.Start("list")
				}
			}()
			select {
			case err := <-started:
				if err != nil {
					t.Fatalf("%s after window changes: %v", start, err)
				}
			case <-time.After(waitLimit):
				t.Fatalf("%s after window changes was never answered", start)
			}
			want := "The Morning Post"
			if start == "shell" {
				want = "size 111x33" // the latest window, not the pty's
			}
			deadline := time.Now().Add(waitLimit)
			for !strings.Contains(out.String(), want) {
				if time.Now().After(deadline) {
					t.Fatalf("output never showed %q: %q", want, out.String())
				}
				time.Sleep(5 * time.Millisecond)
			}
			if start == "shell" {
				_, _ = io.WriteString(in, "q")
			}
			if err := sess.Wait(); exitStatus(t, err) != 0 {
				t.Errorf("%s: %v, want exit status 0", start, err)
			}
		})
	}
}
