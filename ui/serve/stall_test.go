package serve

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	gossh "golang.org/x/crypto/ssh"
)

// floodModel redraws every cell of its window, each in its own colour, on
// every key, so that a client that stops reading fills its SSH window after
// a few dozen keys.
type floodModel struct {
	width, height, keys int
}

func newFloodModel(_ *lipgloss.Renderer, width, height int) tea.Model {
	return floodModel{width: width, height: height}
}

func (m floodModel) Init() tea.Cmd { return nil }

func (m floodModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.KeyMsg:
		if msg.String() == "q" {
			return m, tea.Quit
		}
		m.keys++
	}
	return m, nil
}

func (m floodModel) View() string {
	var b strings.Builder
	for row := range m.height {
		for col := range m.width {
			fmt.Fprintf(&b, "\x1b[3%dm%d", (row+col+m.keys)%8, (row+col+m.keys)%10)
		}
		b.WriteString("\x1b[0m\n")
	}
	return b.String()
}

// stalledTTY is a pty session at 200×60 whose client has stopped reading:
// its stdout is held at a gate until release is called.
type stalledTTY struct {
	sess    *gossh.Session
	in      io.WriteCloser
	gate    chan struct{}
	release func()
	out     bytes.Buffer // what arrived after the release; read once done is closed
	done    chan struct{}
	err     error
}

// gateWriter blocks every write until its gate is closed.
type gateWriter struct {
	gate <-chan struct{}
	w    io.Writer
}

func (g gateWriter) Write(p []byte) (int, error) {
	<-g.gate
	return g.w.Write(p)
}

// openStalled opens a floodModel session on a new connection, sends keys
// until the server is blocked writing to it, then the given number of window
// changes.
func openStalled(t *testing.T, ts *testServer, keys, resizes int) *stalledTTY {
	t.Helper()
	client := ts.dial(t)
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	st := &stalledTTY{sess: sess, gate: make(chan struct{}), done: make(chan struct{})}
	st.release = sync.OnceFunc(func() { close(st.gate) })
	t.Cleanup(st.release)
	if err := sess.RequestPty("xterm-256color", 60, 200, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	sess.Stdout = gateWriter{gate: st.gate, w: &st.out}
	if st.in, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() {
		st.err = sess.Wait()
		close(st.done)
	}()
	// Arrow keys, because Bubble Tea reads a run of letters as one key.
	if _, err := io.WriteString(st.in, strings.Repeat("\x1b[B", keys)); err != nil {
		t.Fatalf("keys: %v", err)
	}
	waitWindowFull(t)
	for i := range resizes {
		if err := sess.WindowChange(60-i%2, 200-i%3); err != nil {
			t.Fatalf("window change %d: %v", i, err)
		}
	}
	return st
}

// waitWindowFull waits until some goroutine of the process waits in
// x/crypto for the peer to open its window: the server, writing a frame to
// a client that reads nothing.
func waitWindowFull(t *testing.T) {
	t.Helper()
	buf := make([]byte, 1<<20)
	deadline := time.Now().Add(waitLimit)
	for {
		if n := runtime.Stack(buf, true); bytes.Contains(buf[:n], []byte("ssh.(*window).reserve")) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("no write ever waited for the client's window")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestResizeWhileStalled is the lock-up of a session whose window changes
// while its output backlog is full: window changes queued behind a program
// blocked on its output used to stop the connection's request loop, which
// also carries the client's window adjustments, so the client could read
// again and still get nothing more, and q was never answered.
func TestResizeWhileStalled(t *testing.T) {
	ts := startServer(t, Config{NewModel: newFloodModel, WriteTimeout: time.Hour})
	st := openStalled(t, ts, 2000, 40)
	st.release()
	if _, err := io.WriteString(st.in, "q"); err != nil {
		t.Fatalf("q: %v", err)
	}
	select {
	case <-st.done:
	case <-time.After(waitLimit):
		t.Fatal("the session did not answer q once its client read again")
	}
	if got := exitStatus(t, st.err); got != 0 {
		t.Errorf("exit status %d, want 0 (q)", got)
	}
}

// TestStalledClientDropped checks that a client that stops reading loses
// its connection after WriteTimeout, and its slot with it, instead of
// holding both until the idle timeout.
func TestStalledClientDropped(t *testing.T) {
	ts := startServer(t, Config{NewModel: newFloodModel, MaxSessions: 1, WriteTimeout: 200 * time.Millisecond})
	openStalled(t, ts, 2000, 40)
	ts.waitLog(t, `reason="client stopped reading for 200ms"`)
	waitRun(t, ts, "list", 0)
}
