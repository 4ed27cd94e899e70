package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"go.uber.org/goleak"
	gossh "golang.org/x/crypto/ssh"
)

// waitLimit bounds every wait in these tests: long enough for a loaded
// machine running -race, short enough that a hang fails rather than stalls.
const waitLimit = 10 * time.Second

func TestMain(m *testing.M) {
	if os.Getenv(childServerEnv) != "" {
		os.Exit(runChildServer())
	}
	goleak.VerifyTestMain(m)
}

// testModel builds the model that the tests of the server's own mechanics
// run (limits, timers, shutdown, panics): a small model whose every frame
// says what the server gave it, so that those tests need not know the
// reader. The tests of what a client sees (TestReaderSession and the others
// that start the server with startReader) run the real reader instead.
func testModel(_ context.Context, r *lipgloss.Renderer, width, height int) tea.Model {
	return newListModel(r, width, height)
}

// wantInitial is what the first frame of testModel shows at 80×24.
var wantInitial = []string{"size 80x24", "> alpha", "  bravo"}

// listModel is a small but real Bubble Tea model: a list of lines with a
// cursor marker, a header with its size, keys count and colour profile
// (styled through the session's renderer), and a rule as wide as the window.
type listModel struct {
	lines                []string
	cursor, keys         int
	width, height        int
	profile              string
	title                lipgloss.Style
	down, up, quit, boom key.Binding
	// panicAt, when set, is where the model panics after "!" is pressed.
	panicAt string
	armed   bool
}

func newListModel(r *lipgloss.Renderer, width, height int) listModel {
	return listModel{
		lines:   []string{"alpha", "bravo", "charlie", "delta"},
		width:   width,
		height:  height,
		profile: r.ColorProfile().Name(),
		title:   r.NewStyle().Bold(true).Foreground(lipgloss.Color("205")),
		down:    key.NewBinding(key.WithKeys("j", "down")),
		up:      key.NewBinding(key.WithKeys("k", "up")),
		quit:    key.NewBinding(key.WithKeys("q", "ctrl+c")),
		boom:    key.NewBinding(key.WithKeys("!")),
	}
}

func (m listModel) Init() tea.Cmd {
	if m.panicAt == "init" {
		panic("listModel: panic in Init")
	}
	return nil
}

func (m listModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.KeyMsg:
		m.keys++
		switch {
		case key.Matches(msg, m.down):
			m.cursor = min(m.cursor+1, len(m.lines)-1)
		case key.Matches(msg, m.up):
			m.cursor = max(m.cursor-1, 0)
		case key.Matches(msg, m.quit):
			return m, tea.Quit
		case key.Matches(msg, m.boom):
			return m.explode()
		}
	}
	return m, nil
}

// explode panics, or arms a panic, at m.panicAt.
func (m listModel) explode() (tea.Model, tea.Cmd) {
	boom := func() tea.Msg { panic("listModel: panic in a command") }
	quiet := func() tea.Msg { return nil }
	switch m.panicAt {
	case "update":
		panic("listModel: panic in Update")
	case "view":
		m.armed = true
	case "cmd":
		return m, boom
	case "batch":
		return m, tea.Batch(quiet, boom)
	case "sequence":
		return m, tea.Sequence(quiet, boom)
	}
	return m, nil
}

func (m listModel) View() string {
	if m.armed {
		panic("listModel: panic in View")
	}
	var b strings.Builder
	b.WriteString(m.title.Render(fmt.Sprintf("size %dx%d keys %d profile %s", m.width, m.height, m.keys, m.profile)))
	b.WriteString("\n")
	for i, line := range m.lines {
		marker := "  "
		if i == m.cursor {
			marker = "> "
		}
		b.WriteString(marker + line + "\n")
	}
	b.WriteString(strings.Repeat("-", m.width))
	return b.String()
}

// testExec stands in for the CLI: "list" prints two lines, "diff A B …"
// echoes its arguments, "fail" writes to stderr and exits 3.
func testExec(_ context.Context, args []string, stdout, stderr io.Writer) int {
	switch args[0] {
	case "list":
		_, _ = io.WriteString(stdout, "003 The Morning Post\n004 The Evening Star\n")
		return 0
	case "diff":
		if len(args) < 3 {
			_, _ = io.WriteString(stderr, "usage: diff A B [--format plain|ansi|json]\n")
			return 2
		}
		_, _ = fmt.Fprintf(stdout, "diff %q\n", args[1:])
		return 0
	default:
		_, _ = fmt.Fprintf(stderr, "%s failed\n", args[0])
		return 3
	}
}

// syncBuffer is a bytes.Buffer safe for one writer and many readers; the
// server's logs and each session's output go into one.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (b *syncBuffer) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Len()
}

// testServer is a Server serving on a loopback port for one test.
type testServer struct {
	*Server
	addr   string
	logs   *syncBuffer
	served chan error
}

// startServer starts a server for t on 127.0.0.1:0 with testModel and
// testExec unless cfg says otherwise, logging into a buffer the test can
// inspect. It is shut down when the test ends, and Serve must then return nil.
func startServer(t testing.TB, cfg Config) *testServer {
	t.Helper()
	if cfg.HostKeyPath == "" {
		cfg.HostKeyPath = filepath.Join(t.TempDir(), "host_ed25519")
	}
	if cfg.NewModel == nil {
		cfg.NewModel = testModel
	}
	if cfg.Exec == nil {
		cfg.Exec = testExec
	}
	return serveConfig(t, cfg)
}

// serveConfig is startServer without the defaults for NewModel and Exec.
func serveConfig(t testing.TB, cfg Config) *testServer {
	t.Helper()
	return serveListener(t, cfg, func(ln net.Listener) net.Listener { return ln })
}

// serveListener is serveConfig serving on the listener wrap makes of its
// loopback listener.
func serveListener(t testing.TB, cfg Config, wrap func(net.Listener) net.Listener) *testServer {
	t.Helper()
	return serveLogging(t, cfg, wrap, slog.LevelDebug)
}

// serveLogging is serveListener logging at level.
func serveLogging(t testing.TB, cfg Config, wrap func(net.Listener) net.Listener, level slog.Level) *testServer {
	t.Helper()
	if cfg.HostKeyPath == "" {
		cfg.HostKeyPath = filepath.Join(t.TempDir(), "host_ed25519")
	}
	logs := &syncBuffer{}
	cfg.Logger = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: level}))
	srv, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	ts := &testServer{Server: srv, addr: ln.Addr().String(), logs: logs, served: make(chan error, 1)}
	go func() { ts.served <- srv.Serve(wrap(ln)) }()
	t.Cleanup(func() { ts.shutdown(t) })
	return ts
}

// shutdown shuts the server down and checks that Serve returned nil.
func (ts *testServer) shutdown(t testing.TB) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	if err := ts.Shutdown(ctx); err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	select {
	case err := <-ts.served:
		if err != nil {
			t.Errorf("Serve returned %v, want nil", err)
		}
		ts.served <- nil // a second shutdown finds it too
	case <-time.After(waitLimit):
		t.Errorf("Serve did not return after Shutdown")
	}
}

// waitLog waits until the server's log contains want.
func (ts *testServer) waitLog(t testing.TB, want string) {
	t.Helper()
	ts.waitLogWithin(t, waitLimit, want)
}

// waitLogWithin is waitLog waiting up to limit.
func (ts *testServer) waitLogWithin(t testing.TB, limit time.Duration, want string) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !strings.Contains(ts.logs.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("log never contained %q; log:\n%s", want, ts.logs.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// newClientKey returns a fresh ed25519 key for a test client.
func newClientKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return signer
}

// clientConfig is an x/crypto client configuration that trusts only ts's
// host key and authenticates with auth (a fresh public key if none).
func (ts *testServer) clientConfig(t testing.TB, auth ...gossh.AuthMethod) *gossh.ClientConfig {
	if len(auth) == 0 {
		auth = []gossh.AuthMethod{gossh.PublicKeys(newClientKey(t))}
	}
	return &gossh.ClientConfig{
		User:            "reader",
		Auth:            auth,
		HostKeyCallback: gossh.FixedHostKey(ts.HostKey()),
		Timeout:         waitLimit,
	}
}

// tryDial connects and authenticates, returning the error if it fails.
func (ts *testServer) tryDial(t testing.TB, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	client, err := gossh.Dial("tcp", ts.addr, ts.clientConfig(t, auth...))
	if err == nil {
		t.Cleanup(func() { _ = client.Close() })
	}
	return client, err
}

// dial connects and authenticates, failing the test if it cannot.
func (ts *testServer) dial(t testing.TB, auth ...gossh.AuthMethod) *gossh.Client {
	t.Helper()
	client, err := ts.tryDial(t, auth...)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	return client
}

// dialRetrying is dial for a server whose HandshakeTimeout or
// SilentTimeout is short: a connection the server closed before it got in
// is tried again, on a new one, until waitLimit.
func (ts *testServer) dialRetrying(t testing.TB) *gossh.Client {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		client, err := ts.tryDial(t)
		if err == nil {
			return client
		}
		if time.Now().After(deadline) {
			t.Fatalf("no connection got in within %v: %v", waitLimit, err)
		}
	}
}

// exitStatus turns a session's Wait or Run error into an exit status.
func exitStatus(t testing.TB, err error) int {
	t.Helper()
	var exit *gossh.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.ExitStatus()
	default:
		t.Fatalf("session ended without an exit status: %v", err)
		return -1
	}
}

// run runs one exec command on a new connection and returns its stdout,
// stderr and exit status.
func (ts *testServer) run(t testing.TB, cmd string) (stdout, stderr string, status int) {
	t.Helper()
	client := ts.dial(t)
	defer client.Close() // hang up like ssh does, so the server can log it
	sess, err := client.NewSession()
	if err != nil {
		t.Fatalf("new session: %v", err)
	}
	defer sess.Close()
	var out, errOut bytes.Buffer
	sess.Stdout, sess.Stderr = &out, &errOut
	status = exitStatus(t, sess.Run(cmd))
	return out.String(), errOut.String(), status
}

// tty is the client side of one interactive session.
type tty struct {
	t      testing.TB
	sess   *gossh.Session
	in     io.WriteCloser
	out    *syncBuffer
	vt     *vt // the screen the session's stdout draws
	done   chan struct{}
	err    error // Wait's result, once done is closed
	mark   int   // where the output not yet looked at begins
	client *gossh.Client
}

// The largest screen a tty emulates. A client may claim a window larger than
// any terminal has; the server lays such a session out for its maximum, and
// a screen a little larger than that shows whether it did.
const (
	vtMaxWidth  = 2 * maxWidth
	vtMaxHeight = 2 * maxHeight
)

// openTTY opens a pty session of size w×h with TERM term and the given
// environment on a new connection, and starts the shell.
func (ts *testServer) openTTY(t testing.TB, term string, w, h int, env ...string) *tty {
	t.Helper()
	return openTTYOn(t, ts.dial(t), term, w, h, env...)
}

// openTTYRetrying is openTTY showing want, for a server whose
// HandshakeTimeout is short: a starved machine may not finish a handshake
// and start a session within it, and a connection the server closed for
// that is tried again, on a new one, until waitLimit. It fails the test if
// no try showed want.
func (ts *testServer) openTTYRetrying(t testing.TB, term string, w, h int, want ...string) *tty {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		client := ts.dialRetrying(t)
		tt, err := startTTY(t, client, term, w, h)
		if err == nil {
			if err = tt.await(time.Until(deadline), want...); err == nil {
				return tt
			}
		}
		_ = client.Close()
		if time.Now().After(deadline) {
			t.Fatalf("no session started within %v: %v", waitLimit, err)
		}
	}
}

// openTTYOn opens a pty session on client, as startTTY does, and fails the
// test if it cannot.
func openTTYOn(t testing.TB, client *gossh.Client, term string, w, h int, env ...string) *tty {
	t.Helper()
	tt, err := startTTY(t, client, term, w, h, env...)
	if err != nil {
		t.Fatal(err)
	}
	return tt
}

// startTTY opens a pty session on client; env is "KEY=VALUE" pairs.
func startTTY(t testing.TB, client *gossh.Client, term string, w, h int, env ...string) (*tty, error) {
	sess, err := client.NewSession()
	if err != nil {
		return nil, fmt.Errorf("new session: %w", err)
	}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		if err := sess.Setenv(k, v); err != nil {
			return nil, fmt.Errorf("setenv %s: %w", k, err)
		}
	}
	if err := sess.RequestPty(term, h, w, gossh.TerminalModes{}); err != nil {
		return nil, fmt.Errorf("pty: %w", err)
	}
	// A client that reports its window as 0×0 still has a screen; the
	// test's is the size the server then lays the reader out for.
	vtW, vtH := min(w, vtMaxWidth), min(h, vtMaxHeight)
	if w <= 0 || h <= 0 {
		vtW, vtH = defaultWidth, defaultHeight
	}
	tt := &tty{t: t, sess: sess, out: &syncBuffer{}, vt: newVT(vtW, vtH),
		done: make(chan struct{}), client: client}
	// Only stdout draws on the screen: it is copied on a goroutine of its
	// own, and stderr's bytes could land in the middle of an escape sequence.
	sess.Stdout = io.MultiWriter(tt.out, tt.vt)
	sess.Stderr = tt.out
	if tt.in, err = sess.StdinPipe(); err != nil {
		return nil, err
	}
	if err := sess.Shell(); err != nil {
		return nil, fmt.Errorf("shell: %w", err)
	}
	go func() {
		tt.err = sess.Wait()
		close(tt.done)
	}()
	return tt, nil
}

// screen returns the output since the mark with escape sequences removed.
func (tt *tty) screen() string {
	return ansi.Strip(tt.out.String()[tt.mark:])
}

// waitFor waits until the output since the mark contains every want, then
// moves the mark to the end of what was read. It fails the test on timeout.
func (tt *tty) waitFor(want ...string) {
	tt.t.Helper()
	if err := tt.await(waitLimit, want...); err != nil {
		tt.t.Fatal(err)
	}
}

// await is waitFor returning an error, for use off the test goroutine.
func (tt *tty) await(limit time.Duration, want ...string) error {
	deadline := time.Now().Add(limit)
	for {
		raw := tt.out.String()
		text := ansi.Strip(raw[tt.mark:])
		missing := ""
		for _, w := range want {
			if !strings.Contains(text, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			tt.mark = len(raw)
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("screen never showed %q; it shows:\n%s", missing, text)
		}
		select {
		case <-tt.done:
			// One last look: the output may have arrived with the end.
			if text := ansi.Strip(tt.out.String()[tt.mark:]); containsAll(text, want) {
				tt.mark = tt.out.Len()
				return nil
			}
			return fmt.Errorf("session ended (%v) before the screen showed %q; it shows:\n%s", tt.err, missing, text)
		case <-time.After(2 * time.Millisecond):
		}
	}
}

func containsAll(s string, want []string) bool {
	for _, w := range want {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// waitScreen waits until the emulated screen satisfies ok and returns it;
// what says what the test waits for. It fails the test on timeout.
func (tt *tty) waitScreen(what string, ok func(screen) bool) screen {
	tt.t.Helper()
	s, err := tt.awaitScreen(waitLimit, what, ok)
	if err != nil {
		tt.t.Fatal(err)
	}
	return s
}

// awaitScreen is waitScreen returning an error, for use off the test
// goroutine.
func (tt *tty) awaitScreen(limit time.Duration, what string, ok func(screen) bool) (screen, error) {
	deadline := time.Now().Add(limit)
	seen := -1
	var s screen
	for {
		if n := tt.vt.bytes(); n != seen { // look again only once something was drawn
			seen = n
			if s = tt.vt.snapshot(); ok(s) {
				return s, nil
			}
		}
		if time.Now().After(deadline) {
			return s, fmt.Errorf("screen never showed %s; it shows:\n%s", what, s.text())
		}
		select {
		case <-tt.done:
			if s = tt.vt.snapshot(); ok(s) {
				return s, nil
			}
			return s, fmt.Errorf("session ended (%v) before the screen showed %s; it shows:\n%s", tt.err, what, s.text())
		case <-time.After(2 * time.Millisecond):
		}
	}
}

// resize changes the client's window as a terminal does: the screen first,
// then the server is told.
func (tt *tty) resize(w, h int) {
	tt.t.Helper()
	tt.vt.resize(min(w, vtMaxWidth), min(h, vtMaxHeight))
	if err := tt.sess.WindowChange(h, w); err != nil {
		tt.t.Fatalf("window change to %dx%d: %v", w, h, err)
	}
}

// press sends keys as the client's terminal would.
func (tt *tty) press(keys string) {
	tt.t.Helper()
	if _, err := io.WriteString(tt.in, keys); err != nil {
		tt.t.Fatalf("press %q: %v", keys, err)
	}
}

// wait waits for the session to end and returns its exit status.
func (tt *tty) wait() int {
	tt.t.Helper()
	select {
	case <-tt.done:
	case <-time.After(waitLimit):
		tt.t.Fatalf("session did not end; screen:\n%s", tt.screen())
	}
	return exitStatus(tt.t, tt.err)
}

// quit presses q and checks the session ends with status 0.
func (tt *tty) quit() {
	tt.t.Helper()
	tt.press("q")
	if got := tt.wait(); got != 0 {
		tt.t.Errorf("exit status %d, want 0", got)
	}
}

// hangUp closes the client's connection, as ssh does when its session ends;
// the server logs the disconnect then.
func (tt *tty) hangUp() {
	_ = tt.client.Close()
}

// ended reports whether the session has ended.
func (tt *tty) ended() bool {
	select {
	case <-tt.done:
		return true
	default:
		return false
	}
}
