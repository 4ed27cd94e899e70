package serve

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// Sessions sharing one connection, as OpenSSH's ControlMaster runs every
// ssh command to a host. The server let one session through per
// connection, and a second `ssh HOST list` over a shared connection got
// only "Session open refused by peer".

// runOn runs one command on a new session of client and returns its
// stdout, stderr and exit status.
func runOn(t testing.TB, client *gossh.Client, cmd string) (stdout, stderr string, status int) {
	t.Helper()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatalf("new session for %q: %v", cmd, err)
	}
	defer sess.Close()
	var out, errOut bytes.Buffer
	sess.Stdout, sess.Stderr = &out, &errOut
	status = exitStatus(t, sess.Run(cmd))
	return out.String(), errOut.String(), status
}

const wantList = "003 The Morning Post\n004 The Evening Star\n"

// TestSessionsInARow runs more commands one after another on one connection
// than any limit allows at once: each gives its slot back when it ends.
func TestSessionsInARow(t *testing.T) {
	ts := startServer(t, Config{MaxSessions: 2, MaxPerIP: 2, MaxPerConn: 3})
	client := ts.dial(t)
	for i := range 6 {
		if stdout, stderr, status := runOn(t, client, "list"); status != 0 || stdout != wantList {
			t.Fatalf("command %d on one connection: status %d, stdout %q, stderr %q; want 0 and the list", i+1, status, stdout, stderr)
		}
	}
	// A reader after them, on the same connection, and a command after it.
	tt := openTTYOn(t, client, "xterm", 80, 24)
	tt.waitFor(wantInitial...)
	tt.press("q")
	if got := tt.wait(); got != 0 {
		t.Errorf("reader after six commands: exit status %d, want 0", got)
	}
	if stdout, _, status := runOn(t, client, "list"); status != 0 || stdout != wantList {
		t.Errorf("command after the reader: status %d, stdout %q", status, stdout)
	}
	// Each session has its own start and end in the log, numbered on its
	// connection; the connection's one disconnect line counts them.
	client.Close()
	ts.waitLog(t, "sessions=8")
	logs := ts.logs.String()
	if n := strings.Count(logs, `msg="session end"`); n != 8 {
		t.Errorf("%d session end lines for 8 sessions:\n%s", n, logs)
	}
	for _, want := range []string{"n=1 session=exec", "n=7 session=pty", "n=8 session=exec", `reason="exec list exited 0"`, "reason=quit"} {
		if !strings.Contains(logs, want) {
			t.Errorf("log does not say %q:\n%s", want, logs)
		}
	}
}

// TestSessionsAtOnce opens readers and commands at the same time on one
// connection: each session counts against the limits as a session on a
// connection of its own would, so that one connection cannot take more
// than its address may.
func TestSessionsAtOnce(t *testing.T) {
	t.Run("within the limits", func(t *testing.T) {
		ts := startServer(t, Config{MaxSessions: 4, MaxPerIP: 3})
		client := ts.dial(t)
		first := openTTYOn(t, client, "xterm", 80, 24)
		first.waitFor(wantInitial...)
		second := openTTYOn(t, client, "xterm", 90, 30)
		second.waitFor("size 90x30")
		// Keys go to their own session.
		first.press("j")
		first.waitFor("> bravo")
		if stdout, _, status := runOn(t, client, "diff 003 004"); status != 0 || !strings.Contains(stdout, `diff ["003" "004"]`) {
			t.Errorf("command beside two readers: status %d, stdout %q", status, stdout)
		}
		second.press("q")
		if got := second.wait(); got != 0 {
			t.Errorf("second reader: exit status %d, want 0", got)
		}
		if first.ended() {
			t.Fatal("the first reader ended with the second")
		}
		first.press("k")
		first.waitFor("> alpha")
		first.press("q")
		if got := first.wait(); got != 0 {
			t.Errorf("first reader: exit status %d, want 0", got)
		}
	})

	t.Run("past the address's limit", func(t *testing.T) {
		ts := startServer(t, Config{MaxSessions: 10, MaxPerIP: 2})
		client := ts.dial(t)
		for range 2 {
			tt := openTTYOn(t, client, "xterm", 80, 24)
			tt.waitFor(wantInitial...)
		}
		if _, stderr, status := runOn(t, client, "list"); status != 1 || !strings.Contains(stderr, "too many sessions from your address (at most 2 at once)") {
			t.Errorf("third session on one connection: status %d, stderr %q; want 1 and too many from the address", status, stderr)
		}
		// Another connection from the address is no way around it.
		if _, stderr, status := ts.run(t, "list"); status != 1 || !strings.Contains(stderr, "too many sessions from your address") {
			t.Errorf("session on a second connection: status %d, stderr %q; want 1 and too many from the address", status, stderr)
		}
		ts.waitLog(t, `reason="too many sessions from one address"`)
	})

	t.Run("past the server's limit", func(t *testing.T) {
		ts := startServer(t, Config{MaxSessions: 2, MaxPerIP: 10})
		client := ts.dial(t)
		var readers []*tty
		for range 2 {
			tt := openTTYOn(t, client, "xterm", 80, 24)
			tt.waitFor(wantInitial...)
			readers = append(readers, tt)
		}
		if _, stderr, status := runOn(t, client, "list"); status != 1 || !strings.Contains(stderr, "server busy") {
			t.Errorf("third session on one connection: status %d, stderr %q; want 1 and busy", status, stderr)
		}
		busy := ts.openTTY(t, "xterm", 80, 24)
		busy.waitFor("server busy")
		if got := busy.wait(); got != 1 {
			t.Errorf("reader on another connection: exit status %d, want 1", got)
		}
		// A slot given back by one of the shared connection's sessions is
		// anyone's.
		readers[0].press("q")
		readers[0].wait()
		waitRun(t, ts, "list", 0)
	})
}

// TestSessionsEachTimed checks that each session of a connection has its
// own idle timer: one left alone is ended while the one beside it that
// is being read goes on.
func TestSessionsEachTimed(t *testing.T) {
	const idle = time.Second
	ts := startServer(t, Config{IdleTimeout: idle})
	var busy, left *tty
	keys := 0
	tryUntil(t, "a client typing past the idle timeout", func() bool {
		client := ts.dial(t)
		busy = openTTYOn(t, client, "xterm", 80, 24)
		busy.waitFor(wantInitial...)
		left = openTTYOn(t, client, "xterm", 80, 24)
		left.waitFor(wantInitial...)
		keys = 0
		deadline := time.Now().Add(waitLimit) // left.waitFor fails then
		_, ok := keepTyping(busy, &keys, idle, func() bool { return left.ended() || time.Now().After(deadline) })
		if !ok {
			_ = client.Close()
		}
		return ok
	})
	left.waitFor("without input")
	if got := left.wait(); got != 1 {
		t.Errorf("idle session: exit status %d, want 1", got)
	}
	if busy.ended() {
		t.Fatalf("the session being read ended with the idle one; screen:\n%s", busy.screen())
	}
	busy.press("q")
	if got := busy.wait(); got != 0 {
		t.Errorf("session being read: exit status %d, want 0", got)
	}
	ts.waitLog(t, `reason="idle timeout"`)
}

// TestSlotFreeWithTheExitStatus is a regression test: a session gave its
// slot back only after it had sent its exit status, so a client running
// its next command on the same connection as soon as it had the status (as
// ssh with connection sharing does, command after command) could be told
// "server busy" by the one slot it had just used.
func TestSlotFreeWithTheExitStatus(t *testing.T) {
	ts := startServer(t, Config{MaxSessions: 1, MaxPerIP: 1})
	client := ts.dial(t)
	for i := range 40 {
		if stdout, stderr, status := runOn(t, client, "list"); status != 0 || stdout != wantList {
			t.Fatalf("command %d in a row on the one slot: status %d, stderr %q; want 0", i+1, status, stderr)
		}
	}
}

// TestSessionChannelsBounded checks that one connection cannot hold more
// than MaxPerConn session channels open, and that channels opened and left
// alone hold no session slot and are closed after HandshakeTimeout, giving
// their place back, while a session beside them keeps the connection.
func TestSessionChannelsBounded(t *testing.T) {
	const limit = time.Second
	ts := startServer(t, Config{MaxSessions: 1, MaxPerConn: 3, HandshakeTimeout: limit})
	// A running reader keeps the connection from being closed as idle.
	reader := ts.openTTYRetrying(t, "xterm", 80, 24, wantInitial...)
	client := reader.client
	// Three at once beside it: the server takes them in turn, in far less
	// than the time it gives each to start, so that two are opened and the
	// third is refused however slow the machine.
	abandoned, refused := openSessionChannels(t, client, 3)
	var open *gossh.OpenChannelError
	if len(abandoned) != 2 || len(refused) != 1 {
		t.Fatalf("%d of 3 session channels opened beside a session on a connection of MaxPerConn 3 (refused: %v); want 2",
			len(abandoned), refused)
	} else if !errors.As(refused[0], &open) || open.Reason != gossh.ResourceShortage || !strings.Contains(open.Message, "at most 3") {
		t.Errorf("third session channel refused with %v; want a resource shortage saying at most 3", refused[0])
	}

	// The channels left alone are closed by the server in time; until then
	// they hold the connection's places but no session slot: the one slot
	// is the reader's.
	for i, ch := range abandoned {
		done := make(chan struct{})
		go func() { _, _ = io.Copy(io.Discard, ch); close(done) }()
		select {
		case <-done:
		case <-time.After(waitLimit):
			t.Fatalf("abandoned channel %d was never closed by the server", i)
		}
		_ = ch.Close()
	}
	// Their places are free again once the server has taken their close,
	// which it logs: two more channels open beside the reader, and no
	// third.
	deadline := time.Now().Add(waitLimit)
	for strings.Count(ts.logs.String(), `reason="no shell or command asked for in time"`) < 2 {
		if time.Now().After(deadline) {
			t.Fatalf("the abandoned channels' ends were never logged; log:\n%s", ts.logs.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	again, refused := openSessionChannels(t, client, 3)
	if len(again) != 2 {
		t.Errorf("%d of 3 session channels opened once the abandoned ones were closed (refused: %v); want 2", len(again), refused)
	}
	for _, ch := range again {
		_ = ch.Close()
	}
	reader.press("q")
	if got := reader.wait(); got != 0 {
		t.Errorf("reader beside the abandoned channels: exit status %d, want 0", got)
	}
}

// openSessionChannels asks for n session channels on client at once and
// returns those opened and the errors of those refused.
func openSessionChannels(t *testing.T, client *gossh.Client, n int) (opened []gossh.Channel, refused []error) {
	t.Helper()
	type result struct {
		ch  gossh.Channel
		err error
	}
	results := make(chan result, n)
	for range n {
		go func() {
			ch, reqs, err := client.OpenChannel("session", nil)
			if err == nil {
				go gossh.DiscardRequests(reqs)
			}
			results <- result{ch, err}
		}()
	}
	for range n {
		var r result
		select {
		case r = <-results:
		case <-time.After(waitLimit):
			t.Fatal("a session channel was neither opened nor refused")
		}
		if r.err != nil {
			refused = append(refused, r.err)
			continue
		}
		opened = append(opened, r.ch)
	}
	return opened, refused
}

// TestAbandonedChannelsHoldNoSlot checks that session channels opened and
// never started take no session slot from others: an opened channel took
// one, so that a few connections each opening a channel and leaving it
// kept every reader out until HandshakeTimeout.
func TestAbandonedChannelsHoldNoSlot(t *testing.T) {
	ts := startServer(t, Config{MaxSessions: 1, MaxPerIP: 1})
	for range 3 {
		_, reqs, err := ts.dial(t).OpenChannel("session", nil)
		if err != nil {
			t.Fatal(err)
		}
		go gossh.DiscardRequests(reqs)
	}
	if stdout, stderr, status := ts.run(t, "list"); status != 0 || stdout != wantList {
		t.Errorf("command beside three unstarted channels: status %d, stdout %q, stderr %q; want the list", status, stdout, stderr)
	}
}

// TestShutdownSharedConnection checks Shutdown on a connection with several
// sessions: its reader is told and ended, its running command finishes
// whole, a session it starts meanwhile is told the server is going down,
// and Shutdown returns once the client hangs up.
func TestShutdownSharedConnection(t *testing.T) {
	started, release, exec := haltingDiff()
	ts := startServer(t, Config{ShutdownGrace: 5 * time.Second, Exec: exec})
	client := ts.dial(t)
	reader := openTTYOn(t, client, "xterm", 80, 24)
	reader.waitFor(wantInitial...)
	execDone := make(chan string, 1)
	go func() {
		stdout, _, _ := runOn(t, client, "diff 003 004")
		execDone <- stdout
	}()
	<-started

	shutdown := make(chan error, 1)
	go func() { shutdown <- ts.Shutdown(context.Background()) }()
	reader.waitFor("the server is shutting down")
	if got := reader.wait(); got != 1 {
		t.Errorf("reader: exit status %d, want 1", got)
	}
	if _, stderr, status := runOn(t, client, "list"); status != 1 || !strings.Contains(stderr, "shutting down") {
		t.Errorf("session started during shutdown: status %d, stderr %q; want 1 and shutting down", status, stderr)
	}
	close(release)
	if got, want := <-execDone, "first half\nsecond half\n"; got != want {
		t.Errorf("command during shutdown wrote %q, want %q", got, want)
	}
	client.Close()
	select {
	case err := <-shutdown:
		if err != nil {
			t.Errorf("Shutdown: %v", err)
		}
	case <-time.After(waitLimit):
		t.Fatal("Shutdown did not return after the client left")
	}
}
