package serve

import (
	"bufio"
	"fmt"
	"io"
	"log/slog"
	"net"
	"reflect"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// TestDropLogNamesAFewAWindow checks, on a clock of the test's, that a
// window names its first dropLogFull connections and counts the rest by
// reason, the first counted one setting when the counts are due, and that
// a window opens again once the last is over and flushed.
func TestDropLogNamesAFewAWindow(t *testing.T) {
	t0 := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	now := t0
	d := &dropLog{now: func() time.Time { return now }}
	const busy, shut = "too many connections in their handshake", "server shutdown"
	type want struct {
		full  bool
		due   time.Duration
		armed bool
	}
	steps := []struct {
		at     time.Duration
		reason string
		want   want
	}{
		{0, busy, want{full: true}},
		{time.Second, busy, want{full: true}},
		{2 * time.Second, busy, want{full: true}},
		{3 * time.Second, busy, want{full: true}},
		{4 * time.Second, busy, want{full: true}},
		{10 * time.Second, busy, want{due: 50 * time.Second, armed: true}},
		{20 * time.Second, busy, want{}},
		{30 * time.Second, shut, want{}},
		// Over the window, but its counts not flushed yet: counted
		// with them.
		{61 * time.Second, busy, want{}},
	}
	for i, st := range steps {
		now = t0.Add(st.at)
		full, due, armed := d.note("192.0.2.1", st.reason)
		if got := (want{full, due, armed}); got != st.want {
			t.Errorf("drop %d at %v: %+v, want %+v", i, st.at, got, st.want)
		}
	}
	wantCounts := []dropCount{{"192.0.2.1", shut, 1}, {"192.0.2.1", busy, 3}}
	if got := d.flush(); !reflect.DeepEqual(got, wantCounts) {
		t.Errorf("flush = %v, want %v", got, wantCounts)
	}
	if got := d.flush(); got != nil {
		t.Errorf("second flush = %v, want nothing", got)
	}
	// Flushed and over: a new window names its first again.
	now = t0.Add(62 * time.Second)
	for i := range dropLogFull + 1 {
		full, due, armed := d.note("192.0.2.1", busy)
		if want := i < dropLogFull; full != want {
			t.Errorf("new window, drop %d: full = %v, want %v", i, full, want)
		}
		if i == dropLogFull && (due != dropLogWindow || !armed) {
			t.Errorf("new window, first counted: due %v armed %v, want %v", due, armed, dropLogWindow)
		}
	}
}

// TestDropLogEachAddressItsOwn is a client in a loop beside others: the
// window's lines were shared, so that its first dropLogFull connections
// used them up and every other address's went uncounted by name. Each
// address has its own now, up to dropLogAddrs of them in a window; the
// connections of any further address share one more, so the addresses a
// flood comes from cannot make the log or the memory grow with them.
func TestDropLogEachAddressItsOwn(t *testing.T) {
	t0 := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	now := t0
	d := &dropLog{now: func() time.Time { return now }}
	const busy = "too many connections in their handshake"
	note := func(addr string, n, full int) {
		t.Helper()
		for i := range n {
			if got, _, _ := d.note(addr, busy); got != (i < full) {
				t.Errorf("%s, connection %d: named %v, want %v", addr, i, got, i < full)
			}
		}
	}
	note("192.0.2.1", dropLogFull+3, dropLogFull) // the loop
	note("192.0.2.2", dropLogFull+1, dropLogFull) // named all the same
	for i := 3; i <= dropLogAddrs; i++ {
		note(fmt.Sprintf("192.0.2.%d", i), 1, 1)
	}
	// The window follows dropLogAddrs addresses: the next ones share one
	// allowance, and those it follows keep theirs.
	for i := range dropLogFull + 2 {
		if got, _, _ := d.note(fmt.Sprintf("198.51.100.%d", i), busy); got != (i < dropLogFull) {
			t.Errorf("address %d past the window's: named %v, want %v", i, got, i < dropLogFull)
		}
	}
	note("192.0.2.3", 1, 1)
	note("192.0.2.1", 1, 0)
	if n := len(d.addrs); n != dropLogAddrs {
		t.Errorf("the window holds %d addresses, want %d", n, dropLogAddrs)
	}
	want := []dropCount{{"192.0.2.1", busy, 4}, {"192.0.2.2", busy, 1}, {dropLogOthers, busy, 2}}
	if got := d.flush(); !reflect.DeepEqual(got, want) {
		t.Errorf("flush = %v, want %v", got, want)
	}
	// The next window forgets them: the loop is named again.
	now = t0.Add(dropLogWindow)
	note("192.0.2.1", dropLogFull+1, dropLogFull)
	if n := len(d.addrs); n != 1 {
		t.Errorf("a new window holds %d addresses, want 1", n)
	}
}

// TestFailedAuthLoopHidesNoOther is a client retrying a key that is not
// listed, in a loop, and another address failing once in the same minute:
// its disconnect was counted with the loop's and never named.
func TestFailedAuthLoopHidesNoOther(t *testing.T) {
	listed := newClientKey(t)
	ts := startServer(t, Config{AuthorizedKeysPath: writeAuthorizedKeys(t, listed.PublicKey())})
	at := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	ts.unauthed.mu.Lock()
	ts.unauthed.now = func() time.Time { return at }
	ts.unauthed.mu.Unlock()

	for range dropLogFull + 2 {
		if _, err := ts.tryDial(t); err == nil {
			t.Fatal("an unlisted key got in")
		}
	}
	// Linux routes all of 127.0.0.0/8 to loopback; elsewhere the check
	// is skipped.
	dialer := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 2)}, Timeout: waitLimit}
	nc, err := dialer.Dial("tcp", ts.addr)
	if err != nil {
		t.Skipf("cannot connect from 127.0.0.2: %v", err)
	}
	if _, _, _, err := gossh.NewClientConn(nc, ts.addr, ts.clientConfig(t)); err == nil {
		t.Fatal("an unlisted key got in from 127.0.0.2")
	}
	nc.Close()
	ts.waitLog(t, "msg=disconnect remote=127.0.0.2:")
	waitNoConns(t, ts)
	ts.shutdown(t)
	logs := ts.logs.String()
	if n := strings.Count(logs, "msg=disconnect remote=127.0.0.1:"); n != dropLogFull {
		t.Errorf("%d of the loop's disconnects logged one by one, want %d; log:\n%s", n, dropLogFull, logs)
	}
	want := `msg="disconnects not logged one by one" n=2 remote=127.0.0.1 reason="authentication failed" window=1m0s`
	if !strings.Contains(logs, want) {
		t.Errorf("log has no %s; log:\n%s", want, logs)
	}
	if strings.Contains(logs, "remote=127.0.0.2 reason") {
		t.Errorf("127.0.0.2's one disconnect was counted; log:\n%s", logs)
	}
}

// TestDroppedFloodLogsAFewLines is a burst of connections over
// MaxHandshakes: each used to log a line. The first dropLogFull do, and
// the rest are one line with their number once the server shuts down.
func TestDroppedFloodLogsAFewLines(t *testing.T) {
	ts := startServer(t, Config{MaxHandshakes: 1, MaxPerIP: 10})
	// One instant for the whole burst, however long it takes.
	at := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	ts.drops.mu.Lock()
	ts.drops.now = func() time.Time { return at }
	ts.drops.mu.Unlock()
	stallHandshake(t, ts)

	const burst = 12
	for range burst {
		nc, err := net.Dial("tcp", ts.addr)
		if err != nil {
			t.Fatal(err)
		}
		_ = nc.SetReadDeadline(time.Now().Add(waitLimit))
		if got, err := io.ReadAll(nc); err != nil || len(got) != 0 {
			t.Fatalf("connection over MaxHandshakes read %q, %v; want it closed without a word", got, err)
		}
		nc.Close()
	}
	if n := strings.Count(ts.logs.String(), `msg="connection dropped"`); n != dropLogFull {
		t.Errorf("%d connections dropped logged one by one, want %d; log:\n%s", n, dropLogFull, ts.logs.String())
	}
	ts.shutdown(t)
	want := `msg="connections dropped, not logged one by one" n=7 remote=127.0.0.1 reason="too many connections in their handshake"`
	if !strings.Contains(ts.logs.String(), want) {
		t.Errorf("log has no %s; log:\n%s", want, ts.logs.String())
	}
}

// TestFailedAuthFloodLogsAFewLines is a client retrying keys that are not
// listed, in a loop: each connection passes the limits, fails to
// authenticate and used to log its disconnect line. The first dropLogFull
// of a window are logged in full, saying whose key it was, and the rest
// are one line with their number once the server shuts down; a client
// that connects and hangs up without a word is counted with them.
func TestFailedAuthFloodLogsAFewLines(t *testing.T) {
	listed := newClientKey(t)
	ts := startServer(t, Config{AuthorizedKeysPath: writeAuthorizedKeys(t, listed.PublicKey())})
	// One instant for the whole burst, however long it takes.
	at := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	ts.unauthed.mu.Lock()
	ts.unauthed.now = func() time.Time { return at }
	ts.unauthed.mu.Unlock()

	const burst = 12
	first := newClientKey(t)
	for i := range burst {
		key := first
		if i > 0 {
			key = newClientKey(t)
		}
		if _, err := ts.tryDial(t, gossh.PublicKeys(key)); err == nil {
			t.Fatal("an unlisted key got in")
		}
		if i == 0 { // among the first of the window, whatever the server's pace
			ts.waitLog(t, "key="+gossh.FingerprintSHA256(first.PublicKey()))
		}
	}
	// Its version line read, the connection is admitted.
	nc, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	_ = nc.SetReadDeadline(time.Now().Add(waitLimit))
	if _, err := bufio.NewReader(nc).ReadString('\n'); err != nil {
		t.Fatalf("reading the server's version: %v", err)
	}
	nc.Close()
	waitNoConns(t, ts)

	logs := ts.logs.String()
	if n := strings.Count(logs, "msg=disconnect "); n != dropLogFull {
		t.Errorf("%d failed connections logged one by one, want %d; log:\n%s", n, dropLogFull, logs)
	}
	// An authenticated client is not limited by them.
	if _, _, status := runWith(t, ts, "list", gossh.PublicKeys(listed)); status != 0 {
		t.Errorf("listed key: exit status %d, want 0", status)
	}
	ts.shutdown(t)
	logs = ts.logs.String()
	if n := strings.Count(logs, "msg=disconnect "); n != dropLogFull+1 {
		t.Errorf("%d disconnects logged one by one, want %d (the listed key's too); log:\n%s", n, dropLogFull+1, logs)
	}
	for _, want := range []string{
		`msg="disconnects not logged one by one" n=7 remote=127.0.0.1 reason="authentication failed" window=1m0s`,
		`msg="disconnects not logged one by one" n=1 remote=127.0.0.1 reason="client left during the handshake" window=1m0s`,
	} {
		if !strings.Contains(logs, want) {
			t.Errorf("log has no %s; log:\n%s", want, logs)
		}
	}
}

// waitNoConns waits until the server holds no connection: each one's
// disconnect is then logged or counted.
func waitNoConns(t *testing.T, ts *testServer) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		ts.mu.Lock()
		n := len(ts.conns)
		ts.mu.Unlock()
		if n == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d connections still open; log:\n%s", n, ts.logs.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestClientLogBudget checks, on a clock of the test's, the allowances of
// a budget like the clients' one: each address's lines up to perAddr, all
// of them up to overall, the first of each kind from an address past
// both, and the rest counted by reason.
func TestClientLogBudget(t *testing.T) {
	at := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	d := &dropLog{perAddr: 3, overall: 5, firsts: true, now: func() time.Time { return at }}
	const end, refused, disconnect = "session end: closed before it started", "session end: refused: subsystem", "disconnect: client closed the connection"
	steps := []struct {
		addr, kind string
		want       bool
	}{
		{"192.0.2.1", end, true},
		{"192.0.2.1", end, true},
		{"192.0.2.1", end, true},
		{"192.0.2.1", end, false},       // over its address's allowance
		{"192.0.2.1", refused, true},    // the first of its kind
		{"192.0.2.1", refused, false},   // and only the first
		{"192.0.2.2", end, true},        // another address has its own
		{"192.0.2.2", end, false},       // but not past the overall allowance
		{"192.0.2.2", disconnect, true}, // the first of its kind all the same
		{"192.0.2.3", end, true},
		{"192.0.2.3", end, false},
	}
	for i, st := range steps {
		msg, _, _ := strings.Cut(st.kind, ":")
		if got, _, _ := d.noteKind(st.addr, st.kind, msg); got != st.want {
			t.Errorf("line %d (%s, %s): logged %v, want %v", i, st.addr, st.kind, got, st.want)
		}
	}
	want := []dropCount{{"192.0.2.1", "session end", 2}, {"192.0.2.2", "session end", 1}, {"192.0.2.3", "session end", 1}}
	if got := d.flush(); !reflect.DeepEqual(got, want) {
		t.Errorf("flush = %v, want %v", got, want)
	}
	// A new window has its allowances again.
	at = at.Add(dropLogWindow)
	if got, _, _ := d.noteKind("192.0.2.1", end, "session end"); !got {
		t.Error("a new window's first line was not logged")
	}
}

// TestChannelFloodLogsAFewLines is a client that got in opening and
// closing session channels in a loop, as fast as it can: each wrote a
// "session end" line, a line for every round trip for as long as the
// client liked. The first clientLogPerAddr of a window are logged, the
// first subsystem refused after them too (the first of its kind), and the
// rest are one line with their number once the server shuts down. Another
// address's lines are its own.
func TestChannelFloodLogsAFewLines(t *testing.T) {
	ts := startServer(t, Config{})
	at := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	ts.clients.mu.Lock()
	ts.clients.now = func() time.Time { return at }
	ts.clients.mu.Unlock()

	client := ts.dial(t)
	const flood = 3 * clientLogPerAddr
	for i := range flood {
		ch, reqs, err := client.OpenChannel("session", nil)
		if err != nil {
			t.Fatalf("channel %d: %v", i, err)
		}
		go gossh.DiscardRequests(reqs)
		ch.Close()
	}
	ch, reqs, err := client.OpenChannel("session", nil)
	if err != nil {
		t.Fatal(err)
	}
	go gossh.DiscardRequests(reqs)
	if ok, _ := ch.SendRequest("subsystem", true, gossh.Marshal(execRequest{"sftp"})); ok {
		t.Error("the sftp subsystem was allowed")
	}
	ch.Close()
	ts.waitLog(t, `reason="refused: subsystem \"sftp\""`)

	// Linux routes all of 127.0.0.0/8 to loopback; elsewhere the check
	// is skipped.
	dialer := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 2)}, Timeout: waitLimit}
	if nc, err := dialer.Dial("tcp", ts.addr); err == nil {
		cc, chans, reqs, err := gossh.NewClientConn(nc, ts.addr, ts.clientConfig(t))
		if err != nil {
			t.Fatal(err)
		}
		other := gossh.NewClient(cc, chans, reqs)
		ch, reqs2, err := other.OpenChannel("session", nil)
		if err != nil {
			t.Fatal(err)
		}
		go gossh.DiscardRequests(reqs2)
		ch.Close()
		ts.waitLog(t, "remote=127.0.0.2:")
		other.Close()
	}
	client.Close()
	waitNoConns(t, ts)
	ts.shutdown(t)

	logs := ts.logs.String()
	if n := strings.Count(logs, `msg="session end" remote=127.0.0.1:`); n != clientLogPerAddr+1 {
		t.Errorf("%d of %d channels' ends logged one by one, want %d; log:\n%s", n, flood+1, clientLogPerAddr+1, logs)
	}
	// The connection's disconnect is the first of its kind.
	for _, want := range []string{
		"msg=disconnect remote=127.0.0.1:",
		fmt.Sprintf(`msg="log lines suppressed" n=%d remote=127.0.0.1 line="session end" window=1m0s`, flood-clientLogPerAddr),
	} {
		if !strings.Contains(logs, want) {
			t.Errorf("log has no %s; log:\n%s", want, logs)
		}
	}
	if strings.Contains(logs, "remote=127.0.0.2 line=") {
		t.Errorf("127.0.0.2's lines were counted with the flood's; log:\n%s", logs)
	}
}

// TestRefusedFloodLogsAFewLines is a client that got in sending requests
// the server refuses, and opening channels over its connection's limit,
// in a loop: at debug level each was a line. They are limited as the
// other lines of a client are, the first of each kind of request logged
// past the allowance; at a level that drops them they use up none of it.
func TestRefusedFloodLogsAFewLines(t *testing.T) {
	ts := startServer(t, Config{MaxPerConn: 1})
	at := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	ts.clients.mu.Lock()
	ts.clients.now = func() time.Time { return at }
	ts.clients.mu.Unlock()

	client := ts.dial(t)
	ch, reqs, err := client.OpenChannel("session", nil)
	if err != nil {
		t.Fatal(err)
	}
	go gossh.DiscardRequests(reqs)
	const flood = 2 * clientLogPerAddr
	for i := range flood {
		if ok, err := ch.SendRequest("x11-req", true, nil); ok || err != nil {
			t.Fatalf("x11-req %d: %v, %v; want it refused", i, ok, err)
		}
		if _, _, err := client.OpenChannel("session", nil); err == nil {
			t.Fatalf("channel %d opened over MaxPerConn", i+2)
		}
	}
	if ok, _ := ch.SendRequest("auth-agent-req@openssh.com", true, nil); ok {
		t.Fatal("agent forwarding allowed")
	}
	ts.waitLog(t, "type=auth-agent-req@openssh.com")
	client.Close()
	waitNoConns(t, ts)
	ts.shutdown(t)

	logs := ts.logs.String()
	refused := strings.Count(logs, `msg="request refused"`) + strings.Count(logs, `msg="channel refused"`)
	if refused > clientLogPerAddr+1 {
		t.Errorf("%d of %d refusals logged one by one, want at most %d; log:\n%s", refused, 2*flood+1, clientLogPerAddr+1, logs)
	}
	if !strings.Contains(logs, `msg="log lines suppressed"`) {
		t.Errorf("log has no count of the refusals not logged; log:\n%s", logs)
	}

	// At info level the refusals are neither logged nor counted: the
	// session's lines are all there.
	quiet := serveLogging(t, Config{NewModel: testModel, Exec: testExec}, func(ln net.Listener) net.Listener { return ln }, slog.LevelInfo)
	client = quiet.dial(t)
	ch, reqs, err = client.OpenChannel("session", nil)
	if err != nil {
		t.Fatal(err)
	}
	go gossh.DiscardRequests(reqs)
	for range 2 * clientLogPerAddr {
		if ok, _ := ch.SendRequest("x11-req", true, nil); ok {
			t.Fatal("x11-req allowed")
		}
	}
	ch.Close()
	// One place left for the disconnect, which may come before the last
	// channel's end.
	for range clientLogPerAddr - 2 {
		ch, reqs, err := client.OpenChannel("session", nil)
		if err != nil {
			t.Fatal(err)
		}
		go gossh.DiscardRequests(reqs)
		ch.Close()
	}
	client.Close()
	waitNoConns(t, quiet)
	quiet.shutdown(t)
	if n := strings.Count(quiet.logs.String(), `msg="session end"`); n != clientLogPerAddr-1 {
		t.Errorf("%d channels' ends logged at info level, want all %d; log:\n%s", n, clientLogPerAddr-1, quiet.logs.String())
	}
}
