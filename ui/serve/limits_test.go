package serve

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

func TestSessionLimit(t *testing.T) {
	ts := startServer(t, Config{MaxSessions: 2, MaxPerIP: 10})
	first := ts.openTTY(t, "xterm", 80, 24)
	first.waitFor(wantInitial...)
	second := ts.openTTY(t, "xterm", 80, 24)
	second.waitFor(wantInitial...)

	// Over the limit, both kinds of session are told and closed.
	if stdout, stderr, status := ts.run(t, "list"); status != 1 || stdout != "" || !strings.Contains(stderr, "server busy") {
		t.Errorf("exec over the limit: status %d, stdout %q, stderr %q; want 1 and \"server busy\"", status, stdout, stderr)
	}
	busy := ts.openTTY(t, "xterm", 80, 24)
	busy.waitFor("server busy")
	if got := busy.wait(); got != 1 {
		t.Errorf("pty over the limit: exit status %d, want 1", got)
	}
	busy.hangUp()

	// A slot comes back when a client leaves.
	first.press("q")
	first.wait()
	first.hangUp()
	waitRun(t, ts, "list", 0)
	ts.waitLog(t, `reason="server busy"`)
}

func TestPerIPLimit(t *testing.T) {
	ts := startServer(t, Config{MaxSessions: 10, MaxPerIP: 1})
	held := ts.openTTY(t, "xterm", 80, 24)
	held.waitFor(wantInitial...)
	// The server is not busy, and says so: "server busy" sent a reader
	// with a tab too many to wait for a server that had room.
	if _, stderr, status := ts.run(t, "list"); status != 1 || strings.Contains(stderr, "server busy") ||
		!strings.Contains(stderr, "too many sessions from your address (at most 1 at once)") {
		t.Errorf("second connection from one address: status %d, stderr %q; want 1 and too many from the address", status, stderr)
	}
	ts.waitLog(t, `reason="too many sessions from one address"`)

	// Another address has its own allowance. Linux routes all of
	// 127.0.0.0/8 to loopback; elsewhere the check is skipped.
	dialer := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 2)}, Timeout: waitLimit}
	nc, err := dialer.Dial("tcp", ts.addr)
	if err != nil {
		t.Skipf("cannot connect from 127.0.0.2: %v", err)
	}
	sc, chans, reqs, err := gossh.NewClientConn(nc, ts.addr, ts.clientConfig(t))
	if err != nil {
		t.Fatalf("handshake from 127.0.0.2: %v", err)
	}
	client := gossh.NewClient(sc, chans, reqs)
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if out, err := sess.Output("list"); exitStatus(t, err) != 0 || len(out) == 0 {
		t.Errorf("from 127.0.0.2: output %q, err %v; want the list", out, err)
	}
}

// stallHandshake opens a TCP connection that reads the server's version
// line and then says nothing, as a flood of idle connections does.
func stallHandshake(t *testing.T, ts *testServer) net.Conn {
	t.Helper()
	nc, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nc.Close() })
	_ = nc.SetReadDeadline(time.Now().Add(waitLimit))
	if _, err := bufio.NewReader(nc).ReadString('\n'); err != nil {
		t.Fatalf("stalled connection got no server version: %v", err)
	}
	// It sends its own version, then nothing: a client stalled in its
	// handshake, which only HandshakeTimeout ends (a connection that sends
	// nothing at all is SilentTimeout's).
	if _, err := nc.Write([]byte("SSH-2.0-stalled\r\n")); err != nil {
		t.Fatal(err)
	}
	return nc
}

// TestHandshakeFloodDropped checks that once MaxHandshakes connections are
// in their handshake, further connections are dropped before it.
func TestHandshakeFloodDropped(t *testing.T) {
	ts := startServer(t, Config{MaxHandshakes: 2, MaxPerIP: 10})
	stallHandshake(t, ts)
	stallHandshake(t, ts)

	dropped, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer dropped.Close()
	_ = dropped.SetReadDeadline(time.Now().Add(waitLimit))
	if got, err := io.ReadAll(dropped); err != nil || len(got) != 0 {
		t.Errorf("connection over MaxHandshakes read %q, %v; want it closed without a word", got, err)
	}
	ts.waitLog(t, `msg="connection dropped"`)
}

// TestUnauthenticatedTakeNoSessionSlot is the lock-out by idle connections:
// TCP connections that never authenticate used to take session slots, so
// that a few hundred of them kept every reader out. They count only against
// MaxHandshakes now; a client that authenticates still gets in, and so does
// one with an authorized key while others are turned away.
func TestUnauthenticatedTakeNoSessionSlot(t *testing.T) {
	allowed := newClientKey(t)
	ts := startServer(t, Config{
		MaxSessions:        1,
		MaxPerIP:           2, // up to 8 in the handshake from one address
		AuthorizedKeysPath: writeAuthorizedKeys(t, allowed.PublicKey()),
	})
	for range 3 {
		stallHandshake(t, ts)
	}
	// Rejected keys do not take the slot either.
	for range 2 {
		if _, err := ts.tryDial(t); err == nil {
			t.Fatal("an unlisted key was let in")
		}
	}
	client := ts.dial(t, gossh.PublicKeys(allowed))
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if out, err := sess.Output("list"); exitStatus(t, err) != 0 || len(out) == 0 {
		t.Errorf("authorized client behind idle connections: output %q, err %v; want the list", out, err)
	}
}

// TestSessionSlotTakenAfterAuth checks that a connection that has
// authenticated and holds its session keeps a second client out, and that
// the slot is free again once it leaves.
func TestSessionSlotTakenAfterAuth(t *testing.T) {
	ts := startServer(t, Config{MaxSessions: 1, MaxPerIP: 10})
	held := ts.openTTY(t, "xterm", 80, 24)
	held.waitFor(wantInitial...)
	stallHandshake(t, ts) // in its handshake: no slot, no effect
	if _, stderr, status := ts.run(t, "list"); status != 1 || !strings.Contains(stderr, "server busy") {
		t.Errorf("second session: status %d, stderr %q; want busy", status, stderr)
	}
	held.press("q")
	held.wait()
	held.hangUp()
	waitRun(t, ts, "list", 0)
}

func TestAddrKey(t *testing.T) {
	tests := []struct {
		addr net.Addr
		want string
	}{
		{&net.TCPAddr{IP: net.ParseIP("192.0.2.7"), Port: 40000}, "192.0.2.7"},
		{&net.TCPAddr{IP: net.ParseIP("::ffff:192.0.2.7"), Port: 40000}, "192.0.2.7"},
		{&net.TCPAddr{IP: net.ParseIP("2001:db8:1:2:3:4:5:6"), Port: 40000}, "2001:db8:1:2::/64"},
		{&net.TCPAddr{IP: net.ParseIP("2001:db8:1:2:ffff::1"), Port: 40000}, "2001:db8:1:2::/64"},
		{&net.TCPAddr{IP: net.ParseIP("2001:db8:1:3::1"), Port: 40000}, "2001:db8:1:3::/64"},
		{&net.TCPAddr{IP: net.ParseIP("fe80::1"), Port: 22, Zone: "eth0"}, "fe80::/64"},
		{&net.UnixAddr{Name: "@sock", Net: "unix"}, "@sock"},
	}
	for _, tc := range tests {
		if got := addrKey(tc.addr); got != tc.want {
			t.Errorf("addrKey(%v) = %q, want %q", tc.addr, got, tc.want)
		}
	}
}

func TestHandshakeTimeout(t *testing.T) {
	// Short, so that the test is quick: the connections a loaded machine
	// cannot get into a session within it are tried again.
	const limit = time.Second
	ts := startServer(t, Config{HandshakeTimeout: limit})

	t.Run("silent client", func(t *testing.T) {
		start := time.Now() // the server's timer starts after this
		nc, err := net.Dial("tcp", ts.addr)
		if err != nil {
			t.Fatal(err)
		}
		defer nc.Close()
		_ = nc.SetReadDeadline(time.Now().Add(waitLimit))
		if _, err := io.Copy(io.Discard, nc); err != nil {
			t.Fatalf("connection not closed by the server: %v", err)
		}
		if elapsed := time.Since(start); elapsed < limit {
			t.Errorf("closed after %v, before the handshake timeout of %v", elapsed, limit)
		}
		ts.waitLog(t, `reason="handshake timeout"`)
	})

	t.Run("no session", func(t *testing.T) {
		waitClosed(t, ts.dialRetrying(t))
		ts.waitLog(t, `reason="no session started in time"`)
	})

	t.Run("session started in time is not cut", func(t *testing.T) {
		tt := ts.openTTYRetrying(t, "xterm", 80, 24, wantInitial...)
		// A connection opened after the session started, and left without
		// one, is closed once its HandshakeTimeout is over: the session's
		// connection's timer, had the session not stopped it, would have
		// closed it by then.
		waitClosed(t, ts.dialRetrying(t))
		tt.press("j")
		tt.waitFor("> bravo")
		tt.quit()
	})
}

// waitClosed waits until the server closes client's connection.
func waitClosed(t *testing.T, client *gossh.Client) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- client.Wait() }()
	select {
	case <-done:
	case <-time.After(waitLimit):
		t.Fatal("an authenticated connection without a session was kept open")
	}
}

// waitRun runs cmd until it exits with want, for slots that come back only
// once the server has noticed a client leave. A connection the server
// closes before the command runs (a starved machine's handshake over a
// short SilentTimeout or HandshakeTimeout) is tried again too.
func waitRun(t *testing.T, ts *testServer, cmd string, want int) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		got := "no connection"
		if client, err := ts.tryDial(t); err == nil {
			_, stderr, status := runOn(t, client, cmd)
			_ = client.Close()
			if status == want {
				return
			}
			got = fmt.Sprintf("exit status %d (%q)", status, stderr)
		} else {
			got += ": " + err.Error()
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: %s, want exit status %d", cmd, got, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestSilentConnectionsDropped: connections that send nothing, not even an
// SSH version, are closed after SilentTimeout and give their place in the
// handshake allowance back, so holding idle TCP connections open cannot
// lock readers out for long.
func TestSilentConnectionsDropped(t *testing.T) {
	ts := startServer(t, Config{MaxHandshakes: 3, MaxPerIP: 1, SilentTimeout: 200 * time.Millisecond})
	var silent []net.Conn
	for range 3 {
		nc, err := net.Dial("tcp", ts.addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { nc.Close() })
		silent = append(silent, nc)
	}
	// Each is closed by the server: a read ends (after the server's
	// version line) instead of waiting for the test's deadline.
	for i, nc := range silent {
		_ = nc.SetReadDeadline(time.Now().Add(waitLimit))
		if _, err := io.Copy(io.Discard, nc); err != nil {
			t.Fatalf("silent connection %d was not closed by the server: %v", i, err)
		}
	}
	waitRun(t, ts, "list", 0)
}

// TestClosedConnectionFreesItsPlaceFirst: a connection the server closes is
// out of the handshake count by the time its client sees it end, so a
// client that connects again at once is not refused for a place the
// server has not given back yet (TestSilentConnectionsDropped failed so,
// now and then, under load).
func TestClosedConnectionFreesItsPlaceFirst(t *testing.T) {
	ts := startServer(t, Config{MaxHandshakes: 1, MaxPerIP: 1, SilentTimeout: 50 * time.Millisecond})
	for i := range 20 {
		nc, err := net.Dial("tcp", ts.addr)
		if err != nil {
			t.Fatal(err)
		}
		_ = nc.SetReadDeadline(time.Now().Add(waitLimit))
		if _, err := io.Copy(io.Discard, nc); err != nil {
			t.Fatalf("silent connection %d was not closed by the server: %v", i, err)
		}
		nc.Close()
		ts.mu.Lock()
		handshaking, perAddr := ts.handshaking, len(ts.handshakingPer)
		ts.mu.Unlock()
		if handshaking != 0 || perAddr != 0 {
			t.Fatalf("connection %d: its client saw it closed while %d connections (%d addresses) were still counted in their handshake",
				i, handshaking, perAddr)
		}
	}
	waitRun(t, ts, "list", 0)
}
