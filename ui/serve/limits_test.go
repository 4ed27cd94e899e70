package serve

import (
	"bufio"
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
	if _, stderr, status := ts.run(t, "list"); status != 1 || !strings.Contains(stderr, "server busy") {
		t.Errorf("second connection from one address: status %d, stderr %q; want busy", status, stderr)
	}

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

// TestBusyFloodDropped checks that once as many busy clients are waiting as
// there are slots, further connections are dropped before the handshake.
func TestBusyFloodDropped(t *testing.T) {
	ts := startServer(t, Config{MaxSessions: 1, MaxPerIP: 10})
	held := ts.openTTY(t, "xterm", 80, 24)
	held.waitFor(wantInitial...)

	stalled, err := net.Dial("tcp", ts.addr) // busy, stuck in its handshake
	if err != nil {
		t.Fatal(err)
	}
	defer stalled.Close()
	if _, err := bufio.NewReader(stalled).ReadString('\n'); err != nil {
		t.Fatalf("busy connection got no server version: %v", err)
	}

	dropped, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer dropped.Close()
	_ = dropped.SetReadDeadline(time.Now().Add(waitLimit))
	if got, err := io.ReadAll(dropped); err != nil || len(got) != 0 {
		t.Errorf("connection over the busy allowance read %q, %v; want it closed without a word", got, err)
	}
	ts.waitLog(t, `msg="connection dropped"`)
}

func TestHandshakeTimeout(t *testing.T) {
	// Long enough that a loaded machine running the race detector still
	// finishes a real handshake and opens a session within it.
	const limit = time.Second
	ts := startServer(t, Config{HandshakeTimeout: limit})

	t.Run("silent client", func(t *testing.T) {
		nc, err := net.Dial("tcp", ts.addr)
		if err != nil {
			t.Fatal(err)
		}
		defer nc.Close()
		start := time.Now()
		_ = nc.SetReadDeadline(time.Now().Add(waitLimit))
		if _, err := io.Copy(io.Discard, nc); err != nil {
			t.Fatalf("connection not closed by the server: %v", err)
		}
		if elapsed := time.Since(start); elapsed < limit/2 || elapsed > limit+2*time.Second {
			t.Errorf("closed after %v, want about %v", elapsed, limit)
		}
		ts.waitLog(t, `reason="handshake timeout"`)
	})

	t.Run("no session", func(t *testing.T) {
		client := ts.dial(t)
		done := make(chan error, 1)
		go func() { done <- client.Wait() }()
		select {
		case <-done:
		case <-time.After(waitLimit):
			t.Fatal("an authenticated connection without a session was kept open")
		}
		ts.waitLog(t, `reason="no session started in time"`)
	})

	t.Run("session started in time is not cut", func(t *testing.T) {
		tt := ts.openTTY(t, "xterm", 80, 24)
		tt.waitFor(wantInitial...)
		time.Sleep(2 * limit)
		tt.press("j")
		tt.waitFor("> bravo")
		tt.press("q")
		if got := tt.wait(); got != 0 {
			t.Errorf("exit status %d, want 0", got)
		}
	})
}

// waitRun runs cmd until it exits with want, for slots that come back only
// once the server has noticed a client leave.
func waitRun(t *testing.T, ts *testServer, cmd string, want int) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		_, stderr, status := ts.run(t, cmd)
		if status == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: exit status %d (%q), want %d", cmd, status, stderr, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
