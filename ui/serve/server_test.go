package serve

import (
	"context"
	"errors"
	"io"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// haltingDiff returns an Exec that runs testExec, except that "diff" writes
// "first half\n", closes started, waits for release to be closed, and then
// writes "second half\n": a command caught running by Shutdown.
func haltingDiff() (started, release chan struct{}, exec func(ctx context.Context, args []string, stdout, stderr io.Writer) int) {
	started, release = make(chan struct{}), make(chan struct{})
	return started, release, func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
		if args[0] != "diff" {
			return testExec(ctx, args, stdout, stderr)
		}
		_, _ = io.WriteString(stdout, "first half\n")
		close(started)
		<-release
		_, _ = io.WriteString(stdout, "second half\n")
		return 0
	}
}

// TestShutdown ends interactive sessions with a message, lets a running exec
// finish, and returns once every client has gone, well inside the grace.
func TestShutdown(t *testing.T) {
	const grace = 5 * time.Second
	started, release, exec := haltingDiff()
	ts := startServer(t, Config{ShutdownGrace: grace, Exec: exec})

	var ttys []*tty
	for range 3 {
		tt := ts.openTTY(t, "xterm", 80, 24)
		tt.waitFor(wantInitial...)
		ttys = append(ttys, tt)
	}
	execDone := make(chan string, 1)
	go func() {
		stdout, _, _ := ts.run(t, "diff 003 004")
		execDone <- stdout
	}()
	<-started

	start := time.Now()
	shutdown := make(chan error, 1)
	go func() { shutdown <- ts.Shutdown(context.Background()) }()

	for i, tt := range ttys {
		tt.waitFor("the server is shutting down")
		if got := tt.wait(); got != 1 {
			t.Errorf("session %d: exit status %d, want 1", i, got)
		}
		if raw := tt.out.String(); !strings.Contains(raw, "\x1b[?1049l") {
			t.Errorf("session %d: terminal not restored before the message", i)
		}
		tt.hangUp()
	}
	select {
	case err := <-ts.served:
		if err != nil {
			t.Errorf("Serve returned %v, want nil", err)
		}
		ts.served <- nil
	case <-time.After(waitLimit):
		t.Fatal("Serve did not return after Shutdown began")
	}
	if _, err := net.DialTimeout("tcp", ts.addr, time.Second); err == nil {
		t.Error("server still accepting after Shutdown began")
	}

	close(release)
	if got, want := <-execDone, "first half\nsecond half\n"; got != want {
		t.Errorf("exec during shutdown wrote %q, want %q", got, want)
	}
	if err := <-shutdown; err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	if elapsed := time.Since(start); elapsed >= grace {
		t.Errorf("Shutdown took %v although every client left; want less than the grace %v", elapsed, grace)
	}
}

// TestShutdownGraceOver closes connections whose clients do not leave and
// exec sessions that do not end, once the grace period is over.
func TestShutdownGraceOver(t *testing.T) {
	const grace = 300 * time.Millisecond
	ts := startServer(t, Config{ShutdownGrace: grace, Exec: func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
		if args[0] != "diff" {
			return testExec(ctx, args, stdout, stderr)
		}
		<-ctx.Done() // a command that only stops when told
		return 1
	}})
	lingering := ts.openTTY(t, "xterm", 80, 24) // will not hang up after its session
	lingering.waitFor(wantInitial...)
	client := ts.dial(t)
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.Start("diff 003 004"); err != nil {
		t.Fatal(err)
	}
	ts.waitLog(t, "session=exec")

	start := time.Now()
	if err := ts.Shutdown(context.Background()); err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	if elapsed := time.Since(start); elapsed < grace || elapsed > grace+forceWait {
		t.Errorf("Shutdown took %v, want the grace %v and a little", elapsed, grace)
	}
	lingering.waitFor("shutting down")
	for name, wait := range map[string]func() error{"pty client": lingering.client.Wait, "exec client": client.Wait} {
		done := make(chan error, 1)
		go func() { done <- wait() }()
		select {
		case <-done:
		case <-time.After(waitLimit):
			t.Errorf("%s still connected after Shutdown", name)
		}
	}
	ts.waitLog(t, `reason="server shutdown (grace period over)"`)
}

// TestShutdownContext stops waiting when the caller's context ends and
// reports it, closing everything all the same.
func TestShutdownContext(t *testing.T) {
	ts := startServer(t, Config{ShutdownGrace: time.Hour, Exec: func(ctx context.Context, _ []string, _, _ io.Writer) int {
		<-ctx.Done()
		return 1
	}})
	sess, err := ts.dial(t).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.Start("list"); err != nil {
		t.Fatal(err)
	}
	ts.waitLog(t, "session=exec")
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if err := ts.Shutdown(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Shutdown = %v, want the context's deadline error", err)
	}
	if err := sess.Wait(); err == nil {
		t.Error("exec session ended cleanly, want it cut off")
	}
}

// TestRun is main's path: Run serves until its context ends, then shuts
// down and returns nil.
func TestRun(t *testing.T) {
	srv, err := New(Config{
		Listen:      "127.0.0.1:0",
		HostKeyPath: filepath.Join(t.TempDir(), "host_ed25519"),
		NewModel:    testModel,
		Exec:        testExec,
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ran := make(chan error, 1)
	go func() { ran <- srv.Run(ctx) }()

	deadline := time.Now().Add(waitLimit)
	for srv.Addr() == nil {
		if time.Now().After(deadline) {
			t.Fatal("Run never listened")
		}
		time.Sleep(time.Millisecond)
	}
	ts := &testServer{Server: srv, addr: srv.Addr().String(), logs: &syncBuffer{}}
	tt := ts.openTTY(t, "xterm", 80, 24)
	tt.waitFor(wantInitial...)

	cancel()
	tt.waitFor("shutting down")
	tt.hangUp()
	select {
	case err := <-ran:
		if err != nil {
			t.Errorf("Run = %v, want nil", err)
		}
	case <-time.After(waitLimit):
		t.Fatal("Run did not return after its context ended")
	}
}

func TestServeAfterShutdown(t *testing.T) {
	ts := startServer(t, Config{})
	ts.shutdown(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if err := ts.Serve(ln); err != nil {
		t.Errorf("Serve after Shutdown = %v, want nil", err)
	}
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("listener still open after Serve returned")
	}
}

func TestNewNeedsModelOrExec(t *testing.T) {
	if _, err := New(Config{HostKeyPath: filepath.Join(t.TempDir(), "key")}); err == nil {
		t.Error("New without NewModel and Exec succeeded")
	}
}

// TestHalfConfiguredServers checks that a server without a reader refuses
// interactive sessions, and one without commands refuses every command, each
// with a message saying what is available.
func TestHalfConfiguredServers(t *testing.T) {
	t.Run("commands only", func(t *testing.T) {
		ts := serveConfig(t, Config{Exec: testExec})
		tt := ts.openTTY(t, "xterm", 80, 24)
		tt.waitFor("no interactive reader", "diff, list")
		if got := tt.wait(); got != 1 {
			t.Errorf("exit status %d, want 1", got)
		}
		if stdout, _, status := ts.run(t, "list"); status != 0 || stdout == "" {
			t.Errorf("list: status %d, stdout %q", status, stdout)
		}
	})
	t.Run("reader only", func(t *testing.T) {
		ts := serveConfig(t, Config{NewModel: testModel})
		if _, stderr, status := ts.run(t, "list"); status != 2 || !strings.Contains(stderr, "available: none") {
			t.Errorf("list: status %d, stderr %q; want it refused", status, stderr)
		}
		tt := ts.openTTY(t, "xterm", 80, 24)
		tt.waitFor(wantInitial...)
		tt.press("q")
		tt.wait()
	})
}

// TestShutdownClosesFinishedConnections is a regression test: a client
// whose sessions all ended during Shutdown and which kept its connection,
// as an OpenSSH ControlPersist master does, held Shutdown for the whole
// grace period, which then closed it with a warning. Once the client has
// closed its last session's channel, all its output has reached it, and
// its connection is closed at once.
func TestShutdownClosesFinishedConnections(t *testing.T) {
	ts := startServer(t, Config{ShutdownGrace: time.Hour, HandshakeTimeout: time.Hour})
	client := ts.dial(t)
	tt := openTTYOn(t, client, "xterm", 80, 24)
	tt.waitFor(wantInitial...)
	shutdown := make(chan error, 1)
	go func() { shutdown <- ts.Shutdown(context.Background()) }()
	tt.waitFor("the server is shutting down")
	if got := tt.wait(); got != 1 {
		t.Errorf("reader: exit status %d, want 1", got)
	}
	select {
	case err := <-shutdown:
		if err != nil {
			t.Errorf("Shutdown: %v", err)
		}
	case <-time.After(waitLimit):
		t.Fatal("Shutdown waited for a connection whose sessions had all ended")
	}
	_ = client.Wait() // the server closed it
	for _, line := range strings.Split(ts.logs.String(), "\n") {
		if strings.Contains(line, "msg=disconnect") && !strings.HasSuffix(line, `reason="server shutdown"`) {
			t.Errorf("the disconnect does not say the server shut down: %s", line)
		}
	}
}

// TestRunListensOnTheFamilyGiven is a regression test: Run listened on
// --listen 0.0.0.0:PORT, an IPv4 address, in IPv6 as well (Go's "tcp"
// takes an unspecified address for both), so a server its operator had
// put on IPv4 alone, as sshd's ListenAddress 0.0.0.0 is, took IPv6
// connections too, and its log said it listened on [::]. An address
// of one family is listened on in that family alone; a port alone
// (":2222") still in both.
func TestRunListensOnTheFamilyGiven(t *testing.T) {
	srv, err := New(Config{
		Listen:      "0.0.0.0:0",
		HostKeyPath: filepath.Join(t.TempDir(), "host_ed25519"),
		NewModel:    testModel,
		Exec:        testExec,
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan error, 1)
	go func() { ran <- srv.Run(ctx) }()
	defer func() {
		cancel()
		if err := <-ran; err != nil {
			t.Errorf("Run = %v, want nil", err)
		}
	}()
	deadline := time.Now().Add(waitLimit)
	for srv.Addr() == nil {
		if time.Now().After(deadline) {
			t.Fatal("Run never listened")
		}
		time.Sleep(time.Millisecond)
	}
	addr := srv.Addr().(*net.TCPAddr)
	if addr.IP.To4() == nil {
		t.Errorf("listening on %s for 0.0.0.0:0, want an IPv4 address", addr)
	}
	if c, err := net.DialTimeout("tcp6", net.JoinHostPort("::1", strconv.Itoa(addr.Port)), time.Second); err == nil {
		c.Close()
		t.Errorf("an IPv6 client got in to a server listening on 0.0.0.0")
	}

	for _, tt := range []struct{ addr, network string }{
		{"0.0.0.0:2222", "tcp4"},
		{"127.0.0.1:2222", "tcp4"},
		{"[::ffff:127.0.0.1]:2222", "tcp4"},
		{"[::]:2222", "tcp6"},
		{"[::1]:2222", "tcp6"},
		{"[fe80::1%eth0]:2222", "tcp6"},
		{":2222", "tcp"},
		{"localhost:2222", "tcp"},
	} {
		if got := listenNetwork(tt.addr); got != tt.network {
			t.Errorf("listenNetwork(%q) = %q, want %q", tt.addr, got, tt.network)
		}
	}
}
