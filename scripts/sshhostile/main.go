// Command sshhostile connects to a running `newsdiff serve` as a hostile
// client would, case after case, and checks that the server holds: what
// it refuses is refused, what it bounds is bounded, nothing the client
// sent comes back to it raw, and after every case the server still runs
// `list` for a client that behaves. It prints a table (case, result,
// detail) and exits 1 if a case failed.
//
//	newsdiff serve --listen 127.0.0.1:2222 2>serve.log &
//	go run ./scripts/sshhostile -addr 127.0.0.1:2222 -log serve.log -pid $!
//
// With -log, a case that adds more than -log-lines lines to the server's
// log fails: a client in a loop (channels, commands, connections) must
// not write a line each time. With -pid, the keystroke storm, -storms
// readers typing as fast as the server takes it while another reader's
// answers are timed, reports the server's CPU time and memory;
// -storm-size sets the storm's terminals (500x200, the largest the server
// lays out, makes each key cost the most). -run picks cases by name.
//
// Each connection authenticates with a key of its own, so the server must
// let anyone in (no --authorized-keys). The server's log is the other half
// of the check: every string a client chose is escaped there, which
//
//	grep -P '[\x00-\x08\x0b-\x1f\x7f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' serve.log
//
// shows, printing nothing. The cases the real OpenSSH client is needed
// for (a slow pipe, a killed client, window changes from a terminal) are
// the package's tests.
package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	gossh "golang.org/x/crypto/ssh"
)

var (
	addr       = flag.String("addr", "127.0.0.1:2222", "the server's address")
	maxPerConn = flag.Int("max-per-conn", 10, "the server's session channels a connection may have at once")
	limit      = flag.Duration("timeout", 60*time.Second, "the longest a case may take")
	logFile    = flag.String("log", "", "the server's log `file`: a case that adds more than -log-lines lines to it fails")
	logLines   = flag.Int("log-lines", 200, "the most lines one case may add to the server's log")
	pid        = flag.Int("pid", 0, "the server's process id: the storm reports its CPU time and memory (Linux)")
	storm      = flag.Duration("storm", 10*time.Second, "how long the keystroke storm lasts")
	only       = flag.String("run", "", "run only the cases whose name contains `word`")
	stormSize  = flag.String("storm-size", "80x24", "the terminal size, `COLSxROWS`, of the storm's readers")
	storms     = flag.Int("storms", 1, "how many readers type in the storm, each on a connection of its own")
)

func main() {
	flag.Parse()
	failed := false
	fmt.Printf("%-28s %-6s %s\n", "CASE", "RESULT", "DETAIL")
	for _, c := range cases {
		if !strings.Contains(c.name, *only) {
			continue
		}
		before := logLineCount()
		note = ""
		err := runCase(c.run)
		if err == nil {
			err = healthy()
		}
		if added := logLineCount() - before; err == nil && *logFile != "" && added > *logLines {
			err = fmt.Errorf("the server's log grew by %d lines, over %d", added, *logLines)
		} else if *logFile != "" {
			note = strings.TrimSpace(fmt.Sprintf("%s (log +%d)", note, added))
		}
		result, detail := "ok", note
		if err != nil {
			result, detail, failed = "FAIL", err.Error(), true
		}
		fmt.Printf("%-28s %-6s %s\n", c.name, result, detail)
	}
	if failed {
		os.Exit(1)
	}
}

// note is what a case that passed has to say, such as what it measured.
var note string

// logLineCount is how many lines the server's log has (-log), or 0.
func logLineCount() int {
	if *logFile == "" {
		return 0
	}
	// Give the server's last lines of the case time to arrive.
	time.Sleep(500 * time.Millisecond)
	b, err := os.ReadFile(*logFile)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sshhostile:", err)
		os.Exit(2)
	}
	return strings.Count(string(b), "\n")
}

// runCase runs one case within the time limit.
func runCase(run func() error) error {
	done := make(chan error, 1)
	go func() { done <- run() }()
	select {
	case err := <-done:
		return err
	case <-time.After(*limit):
		return fmt.Errorf("not over in %v", *limit)
	}
}

// healthy checks that a well-behaved client still gets the list, trying
// for a few seconds: a case's connections may still hold the address's
// places in the handshake.
func healthy() error {
	var err error
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		var c *gossh.Client
		if c, err = dial("reader"); err != nil {
			continue
		}
		var out []byte
		out, err = run(c, "list")
		c.Close()
		if err == nil && len(out) > 0 {
			return nil
		}
	}
	return fmt.Errorf("the server no longer runs list: %v", err)
}

func config(user string) *gossh.ClientConfig {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		panic(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		panic(err)
	}
	return &gossh.ClientConfig{User: user, Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 20 * time.Second}
}

func dial(user string) (*gossh.Client, error) { return gossh.Dial("tcp", *addr, config(user)) }

// connected is a case run on a connection of its own, as user.
func connected(user string, run func(c *gossh.Client) error) func() error {
	return func() error {
		c, err := dial(user)
		if err != nil {
			return err
		}
		defer c.Close()
		return run(c)
	}
}

// session opens a session channel on c, whose requests from the server
// are answered no.
func session(c *gossh.Client) (gossh.Channel, error) {
	ch, reqs, err := c.OpenChannel("session", nil)
	if err != nil {
		return nil, err
	}
	go gossh.DiscardRequests(reqs)
	return ch, nil
}

// run runs cmd on a new session of c and returns its stdout and stderr;
// err is the session's (an *gossh.ExitError for a non-zero status).
func run(c *gossh.Client, cmd string) ([]byte, error) {
	s, err := c.NewSession()
	if err != nil {
		return nil, err
	}
	defer s.Close()
	return s.CombinedOutput(cmd)
}

// raw reports the first character of s that a terminal would act on
// rather than show: a control character other than newline, tab and
// carriage return, a C1 control, or a bidi override or isolate.
func raw(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return r, true
		case unicode.Is(unicode.Bidi_Control, r):
			return r, true
		}
	}
	return 0, false
}

// hostile is a string with the sequences a client could try to draw on a
// terminal with: a title change, a screen clear, a clipboard write, a bidi
// override and invalid UTF-8.
const hostile = "\x1b]0;pwned\a\x1b[2J\x1b]52;c;aGk=\a\u202eevil\xff"

var cases = []struct {
	name string
	run  func() error
}{
	{"escaped user and command", connected(hostile, func(c *gossh.Client) error {
		for _, cmd := range []string{hostile, "diff '" + hostile + "' x", "diff a b --format '" + hostile + "'", "help '" + hostile + "'", "list '" + hostile + "'"} {
			out, err := run(c, cmd)
			var exit *gossh.ExitError
			if !errors.As(err, &exit) {
				return fmt.Errorf("%.20q: %v, want a refusal with an exit status", cmd, err)
			}
			if r, bad := raw(string(out)); bad {
				return fmt.Errorf("%.20q: the reply has %U raw: %.80q", cmd, r, out)
			}
		}
		return nil
	})},
	{"command too long", connected("long", func(c *gossh.Client) error {
		out, err := run(c, "diff "+strings.Repeat("a", 200<<10))
		var exit *gossh.ExitError
		if !errors.As(err, &exit) || !strings.Contains(string(out), "too long") {
			return fmt.Errorf("200 KiB command: %v, %.80q; want it refused as too long", err, out)
		}
		return nil
	})},
	{"channels opened and closed", connected("flood", func(c *gossh.Client) error {
		for i := range 2000 {
			ch, err := session(c)
			if err != nil {
				return fmt.Errorf("channel %d: %v", i, err)
			}
			ch.Close()
		}
		return nil
	})},
	{"channels held", connected("hold", func(c *gossh.Client) error {
		for i := range *maxPerConn + 5 {
			_, reqs, err := c.OpenChannel("session", nil)
			var open *gossh.OpenChannelError
			switch {
			case err == nil && i < *maxPerConn:
				go gossh.DiscardRequests(reqs)
			case err == nil:
				return fmt.Errorf("channel %d opened, over %d", i+1, *maxPerConn)
			case i < *maxPerConn:
				return fmt.Errorf("channel %d: %v", i+1, err)
			case !errors.As(err, &open) || open.Reason != gossh.ResourceShortage:
				return fmt.Errorf("channel %d refused with %v, want a resource shortage", i+1, err)
			}
		}
		return nil
	})},
	{"other channel types", connected("forward", func(c *gossh.Client) error {
		for _, typ := range []string{"direct-tcpip", "forwarded-tcpip", "x11", "auth-agent@openssh.com",
			"direct-streamlocal@openssh.com", hostile, strings.Repeat("A", 30000)} {
			_, _, err := c.OpenChannel(typ, []byte("\x00\x00\x00\x09localhost\x00\x00\x00\x16"))
			var open *gossh.OpenChannelError
			if !errors.As(err, &open) || open.Reason != gossh.Prohibited {
				return fmt.Errorf("channel %.20q: %v, want it prohibited", typ, err)
			}
			if r, bad := raw(open.Message); bad || len(open.Message) > 200 {
				return fmt.Errorf("channel %.20q refused with %d bytes (%U raw: %v): %.80q", typ, len(open.Message), r, bad, open.Message)
			}
		}
		return nil
	})},
	{"global requests", connected("global", func(c *gossh.Client) error {
		for _, typ := range []string{"tcpip-forward", "streamlocal-forward@openssh.com", "cancel-tcpip-forward",
			"no-more-sessions@openssh.com", hostile, strings.Repeat("B", 30000)} {
			ok, _, err := c.SendRequest(typ, true, []byte{0, 0, 0, 200, 1})
			if err != nil || ok {
				return fmt.Errorf("global request %.20q: %v, %v; want it refused", typ, ok, err)
			}
		}
		for range 20000 {
			if _, _, err := c.SendRequest("flood", false, make([]byte, 1000)); err != nil {
				return fmt.Errorf("flood: %v", err)
			}
		}
		if out, err := run(c, "list"); err != nil || len(out) == 0 {
			return fmt.Errorf("list after 20,000 requests: %v", err)
		}
		return nil
	})},
	{"malformed session requests", connected("requests", func(c *gossh.Client) error {
		ch, err := session(c)
		if err != nil {
			return err
		}
		defer ch.Close()
		for _, r := range []struct {
			typ     string
			payload []byte
		}{
			{"pty-req", []byte{0xff, 0xff, 0xff, 0xfe, 'a'}}, // a length near 2³²
			{"pty-req", ptyReq("xterm", 80, 24, strings.Repeat("\x00", 60<<10))},
			{"window-change", []byte{0xff, 0xff, 0xff, 0xff}},
			{"env", []byte{0, 0, 0, 1}},
			{"env", gossh.Marshal(struct{ Name, Value string }{hostile, strings.Repeat("x", 200<<10)})},
			{"exec", []byte{0xff, 0xff, 0xff, 0xff}},
			{"x11-req", nil},
			{"auth-agent-req@openssh.com", nil},
			{"signal", gossh.Marshal(struct{ Name string }{"KILL"})},
			{"subsystem", gossh.Marshal(struct{ Name string }{hostile})},
			{hostile, []byte(strings.Repeat("C", 5000))},
		} {
			ok, err := ch.SendRequest(r.typ, true, r.payload)
			if err != nil || ok {
				return fmt.Errorf("%.20q: %v, %v; want it refused", r.typ, ok, err)
			}
		}
		return nil
	})},
	{"absurd pty, window flood", connected("window", func(c *gossh.Client) error {
		ch, err := session(c)
		if err != nil {
			return err
		}
		defer ch.Close()
		go func() { _, _ = io.Copy(io.Discard, ch) }()
		if ok, err := ch.SendRequest("pty-req", true, ptyReq(hostile, 0xffffffff, 0xffffffff, "")); err != nil || !ok {
			return fmt.Errorf("pty of 2³²-1 squared: %v, %v; want it taken (and clamped)", ok, err)
		}
		if ok, err := ch.SendRequest("shell", true, nil); err != nil || !ok {
			return fmt.Errorf("shell: %v, %v", ok, err)
		}
		for i := range 20000 {
			p := gossh.Marshal(struct{ Columns, Rows, Width, Height uint32 }{uint32(i*7919) | 1, uint32(i*104729) | 1, 0, 0})
			if _, err := ch.SendRequest("window-change", false, p); err != nil {
				return fmt.Errorf("window change %d: %v", i, err)
			}
		}
		// Answered only once the server has taken every request before it.
		answered := make(chan error, 1)
		go func() { _, err := ch.SendRequest("keepalive@openssh.com", true, nil); answered <- err }()
		select {
		case err := <-answered:
			return err
		case <-time.After(20 * time.Second):
			return errors.New("20,000 window changes held up the session's requests")
		}
	})},
	{"input nobody reads", connected("input", func(c *gossh.Client) error {
		// 8 MiB on each of a few channels that start nothing: a server
		// that keeps what it has not read holds its window's worth of
		// each, and the writes wait once that is full.
		chunk := make([]byte, 32<<10)
		for i := range 3 {
			ch, err := session(c)
			if err != nil {
				return err
			}
			done := make(chan error, 1)
			go func() {
				for range 256 {
					if _, err := ch.Write(chunk); err != nil {
						done <- err
						return
					}
				}
				done <- nil
			}()
			select {
			case err := <-done:
				if err != nil {
					return fmt.Errorf("channel %d: %v", i+1, err)
				}
			case <-time.After(20 * time.Second):
				return fmt.Errorf("channel %d: 8 MiB of input not taken in 20s: the server keeps it", i+1)
			}
			ch.Close()
		}
		return nil
	})},
	{"paste without end", connected("paste", func(c *gossh.Client) error {
		s, err := c.NewSession()
		if err != nil {
			return err
		}
		defer s.Close()
		in, err := s.StdinPipe()
		if err != nil {
			return err
		}
		s.Stdout, s.Stderr = io.Discard, io.Discard
		if err := s.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
			return err
		}
		if err := s.Shell(); err != nil {
			return err
		}
		// 8 MiB of a paste that has not ended, then its end and q: a
		// server that keeps the paste whole, and reads it again with every
		// read, takes hours to get to the q.
		start := time.Now()
		chunk := []byte(strings.Repeat("j", 64<<10))
		if _, err := io.WriteString(in, "\x1b[200~"); err != nil {
			return err
		}
		for range 128 {
			if _, err := in.Write(chunk); err != nil {
				return fmt.Errorf("the paste: %v", err)
			}
		}
		if _, err := io.WriteString(in, "\x1b[201~q"); err != nil {
			return err
		}
		done := make(chan error, 1)
		go func() { done <- s.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				return fmt.Errorf("the reader ended with %v after the paste, want status 0", err)
			}
			return nil
		case <-time.After(30 * time.Second):
			return fmt.Errorf("q after an 8 MiB paste not taken in %v", time.Since(start).Round(time.Second))
		}
	})},
	{"stdin flood", connected("stdin", func(c *gossh.Client) error {
		s, err := c.NewSession()
		if err != nil {
			return err
		}
		defer s.Close()
		in, err := s.StdinPipe()
		if err != nil {
			return err
		}
		go func() {
			b := make([]byte, 1<<20)
			for range 64 {
				if _, err := in.Write(b); err != nil {
					return
				}
			}
			in.Close()
		}()
		if out, err := s.Output("list"); err != nil || len(out) == 0 {
			return fmt.Errorf("list with 64 MiB on its input: %v", err)
		}
		return nil
	})},
	{"100 connections at once", func() error {
		var wg sync.WaitGroup
		var mu sync.Mutex
		var odd []string
		for range 100 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c, err := dial("parallel")
				if err != nil {
					return // dropped over the handshake allowance: expected
				}
				defer c.Close()
				out, err := run(c, "list")
				var exit *gossh.ExitError
				switch {
				case err == nil && len(out) > 0:
				case errors.As(err, &exit) && (strings.Contains(string(out), "too many sessions") || strings.Contains(string(out), "server busy")):
				default:
					mu.Lock()
					odd = append(odd, fmt.Sprintf("%v %.60q", err, out))
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		if len(odd) > 0 {
			return fmt.Errorf("%d connections ended oddly, the first: %s", len(odd), odd[0])
		}
		return nil
	}},
	{"not ssh at all", func() error {
		for _, p := range [][]byte{
			[]byte("SSH-2.0-" + hostile + "\r\n"),
			[]byte("GET / HTTP/1.1\r\nHost: x\r\n\r\n"),
			append([]byte("SSH-2.0-x\r\n"), make([]byte, 300<<10)...),
			append([]byte("SSH-2.0-x\r\n"), 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0),
			[]byte(strings.Repeat("A", 300<<10)),
		} {
			nc, err := net.Dial("tcp", *addr)
			if err != nil {
				return err
			}
			_, _ = nc.Write(p)
			_ = nc.SetReadDeadline(time.Now().Add(30 * time.Second))
			_, err = io.Copy(io.Discard, nc)
			nc.Close()
			if errors.Is(err, os.ErrDeadlineExceeded) {
				return fmt.Errorf("%.20q: the connection was still open after 30s", p)
			}
		}
		return nil
	}},
	{"commands refused in a loop", connected("refused", func(c *gossh.Client) error {
		// Each a "connect" and a "session end" line, and no work: with
		// -log, the lines the server writes of them are bounded.
		for i := range 300 {
			out, err := run(c, "nosuch")
			var exit *gossh.ExitError
			if !errors.As(err, &exit) || exit.ExitStatus() != 2 {
				return fmt.Errorf("command %d: %v, %.60q; want exit status 2", i, err, out)
			}
		}
		return nil
	})},
	{"connections in a loop", func() error {
		// Each a "disconnect" line.
		for i := range 150 {
			c, err := dial("loop")
			if err != nil {
				return fmt.Errorf("connection %d: %v", i, err)
			}
			c.Close()
		}
		return nil
	}},
	{"requests out of turn", connected("turn", func(c *gossh.Client) error {
		if ok, _, err := c.SendRequest("keepalive@openssh.com", true, nil); err != nil || ok {
			return fmt.Errorf("global keepalive: %v, %v; want it answered no", ok, err)
		}
		ch, reqs, err := c.OpenChannel("session", nil)
		if err != nil {
			return err
		}
		defer ch.Close()
		status := make(chan int, 1)
		go func() {
			for r := range reqs {
				if r.Type == "exit-status" && len(r.Payload) == 4 {
					status <- int(r.Payload[3])
				}
				if r.WantReply {
					_ = r.Reply(false, nil)
				}
			}
		}()
		out := make(chan []byte, 1)
		go func() { b, _ := io.ReadAll(ch); out <- b }()
		ask := func(typ string, wantReply bool, payload []byte) error {
			ok, err := ch.SendRequest(typ, wantReply, payload)
			if err != nil || ok {
				return fmt.Errorf("%s: %v, %v; want it refused", typ, ok, err)
			}
			return nil
		}
		if err := ask("break", true, gossh.Marshal(struct{ Length uint32 }{1000})); err != nil {
			return err
		}
		if err := ask("keepalive@openssh.com", true, nil); err != nil {
			return err
		}
		for range 1000 { // gliderlabs would keep 128 for no one, and answer none
			if _, err := ch.SendRequest("signal", false, gossh.Marshal(struct{ Name string }{"INT"})); err != nil {
				return err
			}
		}
		if err := ask("signal", true, gossh.Marshal(struct{ Name string }{"TERM"})); err != nil {
			return err
		}
		if ok, err := ch.SendRequest("exec", true, gossh.Marshal(struct{ Command string }{"list"})); err != nil || !ok {
			return fmt.Errorf("exec list: %v, %v", ok, err)
		}
		// Once a command runs, nothing more is started or set: the
		// requests may race its end, which refuses them all the same.
		for _, r := range []struct {
			typ     string
			payload []byte
		}{
			{"exec", gossh.Marshal(struct{ Command string }{"diff 1 2"})},
			{"shell", nil},
			{"subsystem", gossh.Marshal(struct{ Name string }{"sftp"})},
			{"pty-req", ptyReq("xterm", 80, 24, "")},
			{"env", gossh.Marshal(struct{ Name, Value string }{"LANG", "C"})},
			{"window-change", gossh.Marshal(struct{ Columns, Rows, Width, Height uint32 }{80, 24, 0, 0})},
			{"eow@openssh.com", nil},
		} {
			if ok, err := ch.SendRequest(r.typ, true, r.payload); ok && err == nil {
				return fmt.Errorf("%s after exec: taken", r.typ)
			}
		}
		select {
		case b := <-out:
			if len(b) == 0 {
				return errors.New("list wrote nothing")
			}
		case <-time.After(20 * time.Second):
			return errors.New("list did not end")
		}
		select {
		case st := <-status:
			if st != 0 {
				return fmt.Errorf("list: exit status %d, want 0", st)
			}
		case <-time.After(5 * time.Second):
			return errors.New("list: no exit status")
		}
		return nil
	})},
	{"keystroke storm", keystrokeStorm},
}

// stormKeys is what the storm types, over and over: moves, views, the
// comparison's keys, a search typed and taken back, help, enter and esc,
// copy and export; never q or ctrl+c, which would end it.
const stormKeys = "jjkk\x1b[A\x1b[B\r12345vs[]\tnN/abc\x7f\x7f\x7f\r?x?\x1bGg yedu\x1b[6~\x1b[5~"

// keystrokeStorm types into a reader as fast as the server takes it for
// -storm, while a reader of another connection presses a key every 100 ms
// and times the answer: one client typing must not keep the server from
// another. With -pid it reports the server's CPU time and memory.
func keystrokeStorm() error {
	quiet, err := dial("quiet")
	if err != nil {
		return err
	}
	defer quiet.Close()
	probe, err := openReader(quiet, 80, 24)
	if err != nil {
		return err
	}
	defer probe.s.Close()
	if _, err := probe.answer(nil); err != nil {
		return fmt.Errorf("the quiet reader's first frame: %v", err)
	}
	idle, err := probe.latencies(10)
	if err != nil {
		return fmt.Errorf("before the storm: %v", err)
	}

	var loud []*reader
	for range *storms {
		c, err := dial("storm")
		if err != nil {
			return err
		}
		defer c.Close()
		var cols, rows int
		if _, err := fmt.Sscanf(*stormSize, "%dx%d", &cols, &rows); err != nil {
			return fmt.Errorf("-storm-size %q: %v", *stormSize, err)
		}
		r, err := openReader(c, cols, rows)
		if err != nil {
			return err
		}
		defer r.s.Close()
		loud = append(loud, r)
	}
	cpu0, _ := serverCPU()
	start := time.Now()
	// The first 2 MiB of each reader's keys fill its SSH window, which
	// the server takes whether or not the reader reads them: the rate
	// the reader takes its keys at is the second half's.
	var typed atomic.Int64
	var writers sync.WaitGroup
	for _, r := range loud {
		writers.Add(1)
		go func() {
			defer writers.Done()
			chunk := []byte(strings.Repeat(stormKeys, (4<<10)/len(stormKeys)))
			for time.Since(start) < *storm {
				w, err := r.in.Write(chunk)
				typed.Add(int64(w))
				if err != nil {
					break
				}
			}
		}()
	}
	var during []time.Duration
	var rss, half int64
	var halfway time.Time
	for time.Since(start) < *storm {
		l, err := probe.latencies(3)
		if err != nil {
			return fmt.Errorf("during the storm: %v", err)
		}
		during = append(during, l...)
		rss = max(rss, serverRSS())
		if halfway.IsZero() && time.Since(start) > *storm/2 {
			half, halfway = typed.Load(), time.Now()
		}
	}
	n, rate := typed.Load(), 0.0
	if !halfway.IsZero() {
		rate = float64(n-half) / 1024 / time.Since(halfway).Seconds()
	}
	writers.Wait()
	cpu1, _ := serverCPU()
	elapsed := time.Since(start)
	if _, err := io.WriteString(probe.in, "q"); err != nil {
		return err
	}
	if err := probe.s.Wait(); err != nil {
		return fmt.Errorf("the quiet reader after the storm: %v, want status 0", err)
	}
	note = fmt.Sprintf("%d typed %d KiB in %v, %.1f KiB/s taken in the second half; quiet reader's answer p50/max %v/%v (idle %v/%v)",
		len(loud), n>>10, elapsed.Round(time.Second), rate, pct(during, 50), pct(during, 100), pct(idle, 50), pct(idle, 100))
	if *pid != 0 {
		note += fmt.Sprintf("; server CPU %.1fs, peak RSS %d MiB, VmHWM %d MiB", (cpu1 - cpu0).Seconds(), rss>>20, serverHWM()>>20)
	}
	if worst := pct(during, 100); worst > 2*time.Second {
		return fmt.Errorf("the quiet reader waited %v for an answer during the storm (%s)", worst, note)
	}
	return nil
}

// reader is a reader session: its input, and a signal for each piece of
// output that comes.
type reader struct {
	s      *gossh.Session
	in     io.Writer
	output chan struct{}
}

// openReader starts a reader on c in a terminal of cols×rows.
func openReader(c *gossh.Client, cols, rows int) (*reader, error) {
	s, err := c.NewSession()
	if err != nil {
		return nil, err
	}
	in, err := s.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := s.StdoutPipe()
	if err != nil {
		return nil, err
	}
	r := &reader{s: s, in: in, output: make(chan struct{}, 1)}
	go func() {
		buf := make([]byte, 32<<10)
		for {
			if _, err := out.Read(buf); err != nil {
				return
			}
			select {
			case r.output <- struct{}{}:
			default:
			}
		}
	}()
	if err := s.RequestPty("xterm-256color", rows, cols, gossh.TerminalModes{}); err != nil {
		return nil, err
	}
	return r, s.Shell()
}

// answer types keys, if any, and waits for output, returning how long it
// took: the reader's frame after them, or without keys its first.
func (r *reader) answer(keys []byte) (time.Duration, error) {
	if keys != nil {
		// Quiet first: what came before is not the answer.
	drain:
		for quiet := time.After(50 * time.Millisecond); ; {
			select {
			case <-r.output:
			case <-quiet:
				break drain
			}
		}
	}
	start := time.Now()
	if keys != nil {
		if _, err := r.in.Write(keys); err != nil {
			return 0, err
		}
	}
	select {
	case <-r.output:
		return time.Since(start), nil
	case <-time.After(10 * time.Second):
		return 0, fmt.Errorf("no answer to %q in 10s", keys)
	}
}

// latencies presses ? (help, then help closed) 2n times, 100 ms apart,
// and returns how long each answer took. The reader is left as it was:
// help open would take the q that ends it.
func (r *reader) latencies(n int) ([]time.Duration, error) {
	var out []time.Duration
	for range 2 * n {
		d, err := r.answer([]byte("?"))
		if err != nil {
			return out, err
		}
		out = append(out, d)
		time.Sleep(100 * time.Millisecond)
	}
	return out, nil
}

// pct is the p-th percentile of ds, rounded for reading.
func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)].Round(time.Millisecond)
}

// serverCPU is the user and system time the server (-pid) has used.
func serverCPU() (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", *pid))
	if *pid == 0 || err != nil {
		return 0, err
	}
	// The fields after the command's closing bracket; utime and stime are
	// the 14th and 15th of the line.
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	var ut, st int64
	_, _ = fmt.Sscan(f[11], &ut)
	_, _ = fmt.Sscan(f[12], &st)
	return time.Duration(ut+st) * time.Second / 100, nil // USER_HZ
}

// serverRSS and serverHWM are the server's resident memory now and at
// its peak, in bytes (0 without -pid).
func serverRSS() int64 { return procStatus("VmRSS:") }
func serverHWM() int64 { return procStatus("VmHWM:") }

func procStatus(field string) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", *pid))
	if *pid == 0 || err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, field); ok {
			var kb int64
			_, _ = fmt.Sscan(rest, &kb)
			return kb << 10
		}
	}
	return 0
}

// ptyReq is a pty-req payload.
func ptyReq(term string, columns, rows uint32, modes string) []byte {
	return gossh.Marshal(struct {
		Term                         string
		Columns, Rows, Width, Height uint32
		Modes                        string
	}{term, columns, rows, 0, 0, modes})
}
