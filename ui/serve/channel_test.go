package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// TestRefusedRequests checks everything a public reader has no use for is
// refused at the protocol level, and that the connection still works after.
func TestRefusedRequests(t *testing.T) {
	ts := startServer(t, Config{})
	tests := []struct {
		name string
		try  func(*gossh.Client) error // returns nil if the server allowed it
	}{
		{"local forwarding (direct-tcpip)", func(c *gossh.Client) error {
			conn, err := c.Dial("tcp", ts.addr)
			if err == nil {
				conn.Close()
			}
			return err
		}},
		{"remote forwarding (tcpip-forward)", func(c *gossh.Client) error {
			ln, err := c.Listen("tcp", "127.0.0.1:0")
			if err == nil {
				ln.Close()
			}
			return err
		}},
		{"unix socket forwarding", func(c *gossh.Client) error {
			conn, err := c.Dial("unix", "/var/run/anything.sock")
			if err == nil {
				conn.Close()
			}
			return err
		}},
		{"agent forwarding", func(c *gossh.Client) error {
			return sessionRequest(c, "auth-agent-req@openssh.com", nil)
		}},
		{"x11 forwarding", func(c *gossh.Client) error {
			payload := gossh.Marshal(struct {
				Single        bool
				Proto, Cookie string
				ScreenNumber  uint32
			}{false, "MIT-MAGIC-COOKIE-1", "00112233445566778899aabbccddeeff", 0})
			return sessionRequest(c, "x11-req", payload)
		}},
		{"sftp subsystem", func(c *gossh.Client) error {
			sess, err := c.NewSession()
			if err != nil {
				return err
			}
			defer sess.Close()
			return sess.RequestSubsystem("sftp")
		}},
		{"environment flood", func(c *gossh.Client) error {
			sess, err := c.NewSession()
			if err != nil {
				return err
			}
			defer sess.Close()
			for i := range maxEnv + 1 {
				if err := sess.Setenv("VAR"+strings.Repeat("X", i), "1"); err != nil {
					return err
				}
			}
			return nil
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.try(ts.dial(t)); err == nil {
				t.Errorf("%s was allowed, want it refused", tc.name)
			}
		})
	}
}

// TestChannelRefusalQuotesItsType is a regression test: the refusal of a
// channel type the server does not offer repeated the type as the client
// sent it, escape sequences and 30 KB included, for the client to print.
func TestChannelRefusalQuotesItsType(t *testing.T) {
	ts := startServer(t, Config{})
	client := ts.dial(t)
	for _, tc := range []struct{ typ, want string }{
		{"direct-tcpip", `"direct-tcpip" channels are not supported`},
		{"x\x1b]0;pwned\a\u202e" + strings.Repeat("A", 30000),
			`"x\x1b]0;pwned\a\u202eAAAAAAAAAAAAAAAAAAAA…" channels are not supported`},
	} {
		var open *gossh.OpenChannelError
		if _, _, err := client.OpenChannel(tc.typ, nil); !errors.As(err, &open) || open.Message != tc.want {
			t.Errorf("channel of type %.30q refused with %v; want %q", tc.typ, err, tc.want)
		}
	}
}

// sessionRequest sends a request on a new session channel and returns an
// error unless the server accepted it.
func sessionRequest(c *gossh.Client, name string, payload []byte) error {
	sess, err := c.NewSession()
	if err != nil {
		return err
	}
	defer sess.Close()
	ok, err := sess.SendRequest(name, true, payload)
	if err != nil {
		return err
	}
	if !ok {
		return errRefused
	}
	return nil
}

// errRefused stands for a request the server answered with "no".
var errRefused = errors.New("request refused")

// TestSubsystemRefusalSaysWhy checks that a client asking for a subsystem
// is told on stderr, before the refusal, that the server offers none, its
// name escaped as every client-chosen word is, and that the disconnect
// line says what was refused. sftp and scp said only "subsystem request
// failed", as if the server had failed, and the log only that the client
// closed the connection.
func TestSubsystemRefusalSaysWhy(t *testing.T) {
	ts := startServer(t, Config{})
	tests := []struct {
		subsystem  string
		wantStderr string
		wantLog    string
	}{
		{"sftp", `newsdiff: subsystem "sftp" refused: this server offers none, so no sftp or scp; connect with ssh -t, or run a command (diff, list)` + "\n",
			`reason="refused: subsystem \"sftp\""`},
		{"sftp\x1b]0;pwned\x07\u202e", `newsdiff: subsystem "sftp\x1b]0;pwned\a\u202e" refused: `,
			`reason="refused: subsystem \"sftp\\x1b]0;pwned\\a\\u202e\""`},
	}
	for _, tc := range tests {
		t.Run(tc.subsystem, func(t *testing.T) {
			client := ts.dial(t)
			sess, err := client.NewSession()
			if err != nil {
				t.Fatal(err)
			}
			stderr, err := sess.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := sess.RequestSubsystem(tc.subsystem); err == nil {
				t.Fatalf("subsystem %q was allowed, want it refused", tc.subsystem)
			}
			// What came on stderr until the channel closed.
			sess.Close()
			all, _ := io.ReadAll(stderr)
			if got := string(all); !strings.HasPrefix(got, tc.wantStderr) || !strings.HasSuffix(got, "\n") {
				t.Errorf("stderr %q, want it to start %q and end the line", got, tc.wantStderr)
			}
			client.Close() // hang up as ssh does, for the disconnect line
			ts.waitLog(t, tc.wantLog)
		})
	}
}

// TestSubsystemRefusalUnanswered is a regression test: before refusing a
// subsystem the server tells the client why, and waits for the client's
// answer to a keepalive, on the goroutine that takes the channel's
// requests. A client that never answered held that goroutine for good,
// and once more requests had queued behind it, the connection's read loop
// too: the connection never ended, even after it was closed, and every
// goroutine and buffer of it stayed. The wait is bounded by WriteTimeout,
// and by the connection's end.
func TestSubsystemRefusalUnanswered(t *testing.T) {
	// openDeaf opens a session channel whose requests from the server are
	// never answered, and asks it for sftp.
	openDeaf := func(t *testing.T, client *gossh.Client, wantReply bool) (gossh.Channel, error) {
		ch, _, err := client.OpenChannel("session", nil)
		if err != nil {
			t.Fatal(err)
		}
		ok, err := ch.SendRequest("subsystem", wantReply, gossh.Marshal(execRequest{"sftp"}))
		if ok {
			t.Error("the sftp subsystem was allowed")
		}
		return ch, err
	}

	t.Run("connection closed", func(t *testing.T) {
		// The server closes the connection HandshakeTimeout after it
		// came, the requests queued by then: long enough for a handshake
		// under -race on a loaded machine, which 300 ms was not.
		ts := startServer(t, Config{WriteTimeout: time.Hour, HandshakeTimeout: 3 * time.Second})
		client := ts.dial(t)
		ch, err := openDeaf(t, client, false)
		if err != nil {
			t.Fatal(err)
		}
		// More requests than the server queues on a channel.
		for i := range 40 {
			if _, err := ch.SendRequest("env", false, gossh.Marshal(envRequest{"V", strings.Repeat("x", i)})); err != nil {
				t.Fatal(err)
			}
		}
		client.Close()
		ts.waitLog(t, `n=1 session=none`)
	})

	t.Run("connection kept", func(t *testing.T) {
		ts := startServer(t, Config{WriteTimeout: 300 * time.Millisecond})
		client := ts.dial(t)
		if _, err := openDeaf(t, client, true); err != nil {
			t.Fatalf("subsystem request: %v", err)
		}
		if stdout, stderr, status := runOn(t, client, "list"); status != 0 || stdout != wantList {
			t.Errorf("command after the unanswered refusal: status %d, stdout %q, stderr %q", status, stdout, stderr)
		}
	})
}

// TestRequestSizesBounded is a regression test: gliderlabs keeps what a
// session's env, signal and pty requests carry for as long as the channel
// lasts, before it holds a session slot, and an SSH packet may carry a
// quarter of a megabyte. Thirty-two env requests, 128 buffered signals and
// a pty's TERM of that size held 40 MB per channel, ten channels to a
// connection. Each is now bounded, and the session goes on after a
// refusal.
func TestRequestSizesBounded(t *testing.T) {
	big := strings.Repeat("x", 64<<10)
	tests := []struct {
		name string
		send func(*gossh.Session) (accepted int, err error)
		want int // requests accepted
	}{
		{"one huge env value", func(s *gossh.Session) (int, error) {
			return sendAll(s, "env", gossh.Marshal(envRequest{"LANG", big}))
		}, 0},
		{"env values adding up", func(s *gossh.Session) (int, error) {
			var payloads [][]byte
			for i := range 8 {
				payloads = append(payloads, gossh.Marshal(envRequest{fmt.Sprintf("V%d", i), strings.Repeat("x", 3<<10)}))
			}
			return sendAll(s, "env", payloads...)
		}, maxEnvBytes / (3<<10 + 2)},
		{"a signal", func(s *gossh.Session) (int, error) {
			return sendAll(s, "signal", gossh.Marshal(signalRequest{"INT"}))
		}, 0},
		{"a huge TERM", func(s *gossh.Session) (int, error) {
			return sendAll(s, "pty-req", gossh.Marshal(ptyRequest{Term: big, Columns: 80, Rows: 24}))
		}, 0},
		{"a real pty and environment", func(s *gossh.Session) (int, error) {
			return sendAll(s, "env", gossh.Marshal(envRequest{"LANG", "en_GB.UTF-8"}), gossh.Marshal(envRequest{"COLORTERM", "truecolor"}))
		}, 2},
	}
	ts := startServer(t, Config{})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			client := ts.dial(t)
			sess, err := client.NewSession()
			if err != nil {
				t.Fatal(err)
			}
			got, err := tc.send(sess)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("%d of the requests accepted, want %d", got, tc.want)
			}
			var out bytes.Buffer
			sess.Stdout = &out
			if err := sess.Run("list"); err != nil || out.String() != wantList {
				t.Errorf("list after the requests: %v, %q", err, out.String())
			}
		})
	}
}

// sendAll sends a request of type typ with each payload on sess and counts
// those the server accepted.
func sendAll(sess *gossh.Session, typ string, payloads ...[]byte) (int, error) {
	accepted := 0
	for _, p := range payloads {
		ok, err := sess.SendRequest(typ, true, p)
		if err != nil {
			return accepted, err
		}
		if ok {
			accepted++
		}
	}
	return accepted, nil
}

// TestSubsystemAfterCommandUntold is a regression test: a subsystem asked
// for on a channel whose command was already running was refused, as it
// must be, but first told on the channel's stderr that the server offers
// none, into the command's own error output, and written beside it from
// another goroutine (x/crypto's writes to one stream of a channel share
// one packet buffer). The refusal alone answers it now: only a channel
// that has started nothing is told why.
func TestSubsystemAfterCommandUntold(t *testing.T) {
	release := make(chan struct{})
	exec := func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
		if args[0] != "slow" {
			return testExec(ctx, args, stdout, stderr)
		}
		_, _ = io.WriteString(stderr, "slow: started\n")
		<-release
		_, _ = io.WriteString(stderr, "slow: done\n")
		return 0
	}
	ts := startServer(t, Config{Exec: exec, ExecCommands: []string{"slow", "list"}})
	ch, reqs, err := ts.dial(t).OpenChannel("session", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ch.Close()
	go gossh.DiscardRequests(reqs)
	stderr := make(chan []byte, 1)
	go func() { b, _ := io.ReadAll(ch.Stderr()); stderr <- b }()
	go func() { _, _ = io.Copy(io.Discard, ch) }()
	if ok, err := ch.SendRequest("exec", true, gossh.Marshal(execRequest{"slow"})); !ok || err != nil {
		t.Fatalf("exec slow: %v, %v", ok, err)
	}
	if ok, _ := ch.SendRequest("subsystem", true, gossh.Marshal(execRequest{"sftp"})); ok {
		t.Error("the sftp subsystem was allowed while a command ran")
	}
	close(release)
	select {
	case got := <-stderr:
		if want := "slow: started\nslow: done\n"; string(got) != want {
			t.Errorf("the command's stderr is %q, want %q", got, want)
		}
	case <-time.After(waitLimit):
		t.Fatal("the command's output never ended")
	}
}
