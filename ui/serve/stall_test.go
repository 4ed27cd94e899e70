package serve

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"go.uber.org/goleak"
	gossh "golang.org/x/crypto/ssh"
)

// floodModel redraws every cell of its window, each in its own colour, on
// every key and every frame tick, so that a client that stops reading fills
// its SSH window within a second. Its frames are built once per size, so
// that thousands of keys cost little even under the race detector.
type floodModel struct {
	keys          int      // keys and ticks: what picks the frame
	frames        []string // one per colour phase, for the current size
	width, height int      // the size they are for
}

func newFloodModel(_ context.Context, _ *lipgloss.Renderer, width, height int) tea.Model {
	return floodModel{frames: floodFrames(width, height), width: width, height: height}
}

// floodFrames builds the frames for a size byte by byte: the stall tests
// build them for each size a session is given, and fmt's cost for each of
// their cells counted under the race detector on a loaded machine.
func floodFrames(width, height int) []string {
	frames := make([]string, 8)
	b := make([]byte, 0, height*(6*width+5))
	for phase := range frames {
		b = b[:0]
		for row := range height {
			for col := range width {
				v := row + col + phase
				b = append(b, "\x1b[3"...)
				b = append(b, byte('0'+v%8), 'm', byte('0'+v%10))
			}
			b = append(b, "\x1b[0m\n"...)
		}
		frames[phase] = string(b)
	}
	return frames
}

// floodTick is floodModel's frame clock.
type floodTick struct{}

func floodNext() tea.Cmd {
	return tea.Tick(time.Second/60, func(time.Time) tea.Msg { return floodTick{} })
}

func (m floodModel) Init() tea.Cmd { return floodNext() }

func (m floodModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case floodTick:
		m.keys++
		return m, floodNext()
	case tea.WindowSizeMsg:
		if msg.Width != m.width || msg.Height != m.height {
			m.frames, m.width, m.height = floodFrames(msg.Width, msg.Height), msg.Width, msg.Height
		}
	case tea.KeyMsg:
		if msg.String() == "q" {
			return m, tea.Quit
		}
		m.keys++
	}
	return m, nil
}

func (m floodModel) View() string { return m.frames[m.keys%len(m.frames)] }

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

// openStalled opens a floodModel session on a new connection and sends keys;
// with resizes > 0 it waits until the server is blocked writing to it and
// then sends that many window changes.
func openStalled(t *testing.T, ts *testServer, keys, resizes int) *stalledTTY {
	t.Helper()
	return openStalledOn(t, ts.dial(t), keys, resizes)
}

// openStalledOn is openStalled on a connection the test already has.
func openStalledOn(t *testing.T, client *gossh.Client, keys, resizes int) *stalledTTY {
	t.Helper()
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
	// Arrow keys, because Bubble Tea reads a run of letters as one key,
	// and because their sequences are cut on the way in, which must not
	// change the keys: by the channel's flow control, and by the drop of
	// what comes beyond maxPendingInput before the session starts. The
	// escape of an arrow cut so was read with the test's q as alt+q, now
	// and then on a loaded machine.
	if _, err := io.WriteString(st.in, strings.Repeat("\x1b[B", keys)); err != nil {
		t.Fatalf("keys: %v", err)
	}
	if resizes == 0 {
		return st
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
// a client that reads nothing. Each look stops the world to take every
// goroutine's stack, so it looks only now and then.
func waitWindowFull(t *testing.T) {
	t.Helper()
	buf := make([]byte, 1<<20)
	deadline := time.Now().Add(stallLimit)
	for {
		if n := runtime.Stack(buf, true); bytes.Contains(buf[:n], []byte("ssh.(*window).reserve")) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("no write ever waited for the client's window")
		}
		time.Sleep(25 * time.Millisecond)
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
	case <-time.After(stallLimit):
		t.Fatal("the session did not answer q once its client read again")
	}
	if got := exitStatus(t, st.err); got != 0 {
		t.Errorf("exit status %d, want 0 (q)", got)
	}
}

// TestStalledClientDropped checks that a client that stops reading loses
// its session after WriteTimeout, and its slot with it, instead of
// holding both until the idle timeout.
func TestStalledClientDropped(t *testing.T) {
	ts := startServer(t, Config{NewModel: newFloodModel, MaxSessions: 1, WriteTimeout: 200 * time.Millisecond})
	openStalled(t, ts, 2000, 0)
	ts.waitLogWithin(t, stallLimit, `reason="client stopped reading for 200ms"`)
	waitRun(t, ts, "list", 0)
}

// TestStalledReaderTerminalRestored is a reader whose client stopped
// reading and read again once the server had ended the session: Bubble
// Tea's last writes, which give the terminal back, had failed with the
// stalled one, and the client's terminal was left on the alternate
// screen, its cursor hidden and its mouse reported. Now the server sends
// them after the rest, with the reason, once the client reads again.
func TestStalledReaderTerminalRestored(t *testing.T) {
	// The restore waits up to HandshakeTimeout for the client to read
	// again: as long as the test may take to read the window back.
	ts := startServer(t, Config{NewModel: newFloodModel, WriteTimeout: 200 * time.Millisecond, HandshakeTimeout: stallLimit,
		ProgramOptions: []tea.ProgramOption{tea.WithMouseCellMotion()}})
	st := openStalled(t, ts, 2000, 0)
	ts.waitLogWithin(t, stallLimit, `reason="client stopped reading for 200ms"`)
	st.release()
	select {
	case <-st.done:
	case <-time.After(stallLimit):
		t.Fatal("the stalled session did not end once its client read again")
	}
	if got := exitStatus(t, st.err); got != 1 {
		t.Errorf("exit status %d, want 1", got)
	}
	term := newVT(200, 60)
	_, _ = term.Write(st.out.Bytes())
	if on, _ := term.mode(1002); on {
		t.Error("the client's terminal still reports the mouse")
	}
	for _, m := range []struct {
		n    int
		want bool
		what string
	}{
		{1049, false, "the alternate screen"},
		{25, true, "the cursor shown"},
		{2004, false, "bracketed paste"},
	} {
		// Each must have been set by the reader and then given back.
		if on, seen := term.mode(m.n); !seen || on != m.want {
			t.Errorf("mode %d (%s): on %v (seen %v), want %v", m.n, m.what, on, seen, m.want)
		}
	}
	if text := term.snapshot().text(); !strings.Contains(text, "newsdiff: closing the session: your terminal read nothing of it for 200ms") {
		t.Errorf("the normal screen does not say why the session ended:\n%s", text)
	}
}

// TestStalledReaderLetGoOnShutdown checks that a stalled reader's handler,
// waiting for its client to read again so as to give its terminal back,
// holds up neither Shutdown nor itself, on a connection that carries
// another reader: Shutdown closes that connection only once its channels
// are closed, and the bare timer is not running while a session is.
func TestStalledReaderLetGoOnShutdown(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	ts := startServer(t, Config{NewModel: floodAt200, WriteTimeout: 200 * time.Millisecond,
		HandshakeTimeout: time.Hour, ShutdownGrace: time.Hour})
	client := ts.dial(t)
	reader := openTTYOn(t, client, "xterm", 80, 24)
	reader.waitFor(wantInitial...)
	st := openStalledOn(t, client, 2000, 0)
	ts.waitLogWithin(t, stallLimit, `reason="client stopped reading for 200ms"`)
	ts.shutdown(t) // fails if it waits out its grace
	reader.wait()
	st.release() // the client's own goroutines wait at the gate
	select {
	case <-st.done:
	case <-time.After(stallLimit):
		t.Fatal("the stalled session did not end with the server")
	}
	st.sess.Close()
}

// TestStalledReaderRestoreWaitBounded checks that a stalled reader's
// handler waits HandshakeTimeout for its client to read again, and no
// longer, though a reader beside it on the connection keeps the
// connection open: its channel is closed then, the client that reads
// again later gets its exit status and nothing of the restore, and the
// reader beside it goes on.
func TestStalledReaderRestoreWaitBounded(t *testing.T) {
	// Long enough for the stalled session's pty and shell requests to
	// come in a loaded machine's time after it is opened.
	ts := startServer(t, Config{NewModel: floodAt200, WriteTimeout: 200 * time.Millisecond, HandshakeTimeout: 3 * time.Second})
	reader := ts.openTTYRetrying(t, "xterm", 80, 24, wantInitial...)
	st := openStalledOn(t, reader.client, 2000, 0)
	ts.waitLogWithin(t, stallLimit, `reason="client stopped reading for 200ms"`)
	// The wait over, the stalled session's channel is closed: the
	// reader's is the connection's only one.
	deadline := time.Now().Add(waitLimit)
	for channels(ts) != 1 {
		if time.Now().After(deadline) {
			t.Fatalf("the stalled session's channel was still open %v after its end was logged", waitLimit)
		}
		time.Sleep(5 * time.Millisecond)
	}
	st.release()
	select {
	case <-st.done:
	case <-time.After(stallLimit):
		t.Fatal("the stalled session did not end once its client read again")
	}
	if got := exitStatus(t, st.err); got != 1 {
		t.Errorf("exit status %d, want 1", got)
	}
	if strings.Contains(st.out.String(), "newsdiff: closing the session") {
		t.Error("the client reading again after the wait was sent the restore")
	}
	reader.press("j")
	reader.waitFor("> bravo")
	reader.quit()
}

// channels is how many session channels the server's connections have
// open.
func channels(ts *testServer) int {
	ts.mu.Lock()
	conns := ts.connList()
	ts.mu.Unlock()
	n := 0
	for _, c := range conns {
		c.mu.Lock()
		n += c.channels
		c.mu.Unlock()
	}
	return n
}

// resizeCounter counts the window sizes it is sent. Pressing "b" blocks its
// Update until the test closes unblock, as a slow frame would.
type resizeCounter struct {
	sizes            atomic.Int32 // read by the test once the session ended
	width, height    int
	blocked, unblock chan struct{}
}

func (m *resizeCounter) Init() tea.Cmd { return nil }

func (m *resizeCounter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.sizes.Add(1)
		m.width, m.height = msg.Width, msg.Height
	case tea.KeyMsg:
		switch msg.String() {
		case "b":
			m.blocked <- struct{}{}
			<-m.unblock
		case "q":
			return m, tea.Quit
		}
	}
	return m, nil
}

func (m *resizeCounter) View() string {
	return fmt.Sprintf("size %dx%d after %d sizes\n", m.width, m.height, m.sizes.Load())
}

// TestResizeFloodCoalesced sends a thousand window changes while the model
// is busy: only the latest size reaches it, not a queue of a thousand
// resizes (a flood at 850/s used to cost three quarters of a core).
func TestResizeFloodCoalesced(t *testing.T) {
	m := &resizeCounter{blocked: make(chan struct{}), unblock: make(chan struct{})}
	release := sync.OnceFunc(func() { close(m.unblock) })
	t.Cleanup(release)
	ts := startServer(t, Config{NewModel: func(context.Context, *lipgloss.Renderer, int, int) tea.Model { return m }})
	tt := ts.openTTY(t, "xterm", 80, 24)
	tt.waitFor("size 80x24 after 1 sizes")
	tt.press("b")
	<-m.blocked
	for i := range 1000 {
		if err := tt.sess.WindowChange(30+i%10, 100+i%7); err != nil {
			t.Fatal(err)
		}
	}
	if err := tt.sess.WindowChange(33, 111); err != nil {
		t.Fatal(err)
	}
	// A request that wants a reply is answered only after the server has
	// taken every request before it.
	answered := make(chan error, 1)
	go func() {
		_, err := tt.sess.SendRequest("keepalive@openssh.com", true, nil)
		answered <- err
	}()
	select {
	case err := <-answered:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(waitLimit):
		t.Fatal("window changes for a busy model stopped the connection's requests")
	}
	release()
	tt.waitFor("size 111x33")
	tt.press("q")
	tt.wait()
	if n := m.sizes.Load(); n > 4 {
		t.Errorf("the model was sent %d window sizes for 1001 window changes; want the latest one or two", n)
	}
}

// floodAt200 is the model of the stall tests that share a connection: a
// floodModel for a window 200 wide, the stalled session's, and testModel
// for any other.
func floodAt200(ctx context.Context, r *lipgloss.Renderer, width, height int) tea.Model {
	if width == 200 {
		return newFloodModel(ctx, r, width, height)
	}
	return testModel(ctx, r, width, height)
}

// TestStallEndsOnlyItsSession is a regression test: a session whose client
// stopped reading it had its whole connection closed after WriteTimeout,
// and with it every other session OpenSSH's connection sharing ran over
// it, though the SSH window of each channel had held back only the stalled
// one. Now only the stalled session ends, with its slot free again, and
// the reader beside it and a command after it go on over the connection.
func TestStallEndsOnlyItsSession(t *testing.T) {
	ts := startServer(t, Config{NewModel: floodAt200, MaxSessions: 2, WriteTimeout: 300 * time.Millisecond})
	client := ts.dial(t)
	reader := openTTYOn(t, client, "xterm", 80, 24)
	reader.waitFor(wantInitial...)
	stalled := openStalledOn(t, client, 2000, 0)
	ts.waitLogWithin(t, stallLimit, `n=2 session=pty status=1`)
	if !strings.Contains(ts.logs.String(), `reason="client stopped reading for 300ms"`) {
		t.Errorf("the stalled session's end does not say why:\n%s", ts.logs.String())
	}

	// The reader on the same connection still answers its keys, and the
	// stalled session's slot is free for a command: two slots in all.
	reader.press("j")
	reader.waitFor("> bravo")
	if stdout, stderr, status := runOn(t, client, "list"); status != 0 || stdout != wantList {
		t.Errorf("command beside the stalled session: status %d, stdout %q, stderr %q; want 0 and the list", status, stdout, stderr)
	}

	// The stalled client, reading again, finds its session ended with an
	// exit status, not its connection gone.
	stalled.release()
	select {
	case <-stalled.done:
	case <-time.After(stallLimit):
		t.Fatal("the stalled session did not end once its client read again")
	}
	if got := exitStatus(t, stalled.err); got != 1 {
		t.Errorf("stalled session: exit status %d, want 1", got)
	}
	reader.press("q")
	if got := reader.wait(); got != 0 {
		t.Errorf("reader beside the stalled session: exit status %d, want 0", got)
	}
	if strings.Contains(ts.logs.String(), `msg=disconnect`) {
		t.Errorf("the connection was closed:\n%s", ts.logs.String())
	}
}

// smallBuffers is a listener whose connections have a small send buffer
// (TestDeadConnectionDropped's client has a small receive buffer too), so
// that a client that stops reading its socket stops the server's writes
// to the socket itself, well before the session's SSH window is full.
type smallBuffers struct{ net.Listener }

func (l smallBuffers) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tc, ok := c.(*net.TCPConn); ok {
		_ = tc.SetWriteBuffer(64 << 10)
	}
	return c, err
}

// deafConn is a client's socket that stops being read once deaf is
// closed, as a client whose host is gone reads nothing, until hear is.
type deafConn struct {
	net.Conn
	deaf, hear chan struct{}
}

func (d deafConn) Read(p []byte) (int, error) {
	select {
	case <-d.deaf:
		<-d.hear
	default:
	}
	return d.Conn.Read(p)
}

// TestDeadConnectionDropped checks that a connection whose client takes
// no data at all, on any session, is still closed after WriteTimeout, and
// the session slot its reader held is free again: only a session whose
// own output stalls is ended alone. A client that reads nothing but goes
// on sending (keepalives, requests that want no answer) is closed as
// well: gliderlabs cleared the socket's write deadline on every read, so
// such a client kept its connection, and the write stuck in it, until
// other timers ended it.
func TestDeadConnectionDropped(t *testing.T) {
	for _, tc := range []struct {
		name    string
		talking bool
	}{
		{"silent", false},
		{"talking", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := serveListener(t, Config{NewModel: newFloodModel, Exec: testExec, MaxSessions: 1, WriteTimeout: 300 * time.Millisecond,
				HandshakeTimeout: time.Minute}, func(ln net.Listener) net.Listener { return smallBuffers{ln} })
			raw, err := net.Dial("tcp", ts.addr)
			if err != nil {
				t.Fatal(err)
			}
			_ = raw.(*net.TCPConn).SetReadBuffer(64 << 10)
			conn := deafConn{Conn: raw, deaf: make(chan struct{}), hear: make(chan struct{})}
			t.Cleanup(func() { close(conn.hear) })
			cc, chans, reqs, err := gossh.NewClientConn(conn, ts.addr, ts.clientConfig(t))
			if err != nil {
				t.Fatal(err)
			}
			client := gossh.NewClient(cc, chans, reqs)
			t.Cleanup(func() { _ = client.Close() })
			// The session's output is read as fast as it comes, so that its SSH
			// window is open when the socket stops being read: what stops the
			// server then is the socket, not the window.
			sess, err := client.NewSession()
			if err != nil {
				t.Fatal(err)
			}
			if err := sess.RequestPty("xterm", 60, 200, gossh.TerminalModes{}); err != nil {
				t.Fatal(err)
			}
			var got countingWriter
			sess.Stdout = &got
			in, err := sess.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := sess.Shell(); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(stallLimit)
			for got.n.Load() < 1<<20 {
				if time.Now().After(deadline) {
					t.Fatalf("the session wrote only %d bytes", got.n.Load())
				}
				if _, err := io.WriteString(in, "\x1b[B"); err != nil {
					t.Fatalf("%v after %d bytes; log:\n%s", err, got.n.Load(), ts.logs.String())
				}
				time.Sleep(time.Millisecond)
			}
			close(conn.deaf)
			if tc.talking {
				// Global requests that want no answer: the server reads
				// them and writes nothing back.
				talk := make(chan struct{})
				defer close(talk)
				go func() {
					for {
						select {
						case <-talk:
							return
						case <-time.After(20 * time.Millisecond):
						}
						if _, _, err := client.SendRequest("keepalive@example.org", false, nil); err != nil {
							return
						}
					}
				}()
			}
			ts.waitLog(t, `reason="connection took no data for 300ms"`)
			waitRun(t, ts, "list", 0)
		})
	}
}

// countingWriter counts what it is written and keeps none of it.
type countingWriter struct{ n atomic.Int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n.Add(int64(len(p)))
	return len(p), nil
}

// stallLimit bounds the waits of the stall tests for their session's
// output: a client's SSH window (2 MiB) filled through Bubble Tea's
// renderer, or read back, costs seconds of CPU under the race detector,
// which a loaded machine gives out slowly; waitLimit was too short for
// it now and then.
const stallLimit = 3 * waitLimit
