package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
)

// TestOpenSSH runs the real OpenSSH client against the server with the real
// reader over the embedded corpus and testExec for commands: the reader
// inside tmux, read back with capture-pane, and commands as a script would
// run them. It is skipped where ssh or tmux is missing.
func TestOpenSSH(t *testing.T) {
	if _, err := exec.LookPath("ssh"); err != nil {
		t.Skip("OpenSSH client (ssh) not on PATH; install openssh-client to run this test")
	}
	ts := startReader(t, Config{})
	_, port, _ := net.SplitHostPort(ts.addr)
	dir := t.TempDir()
	keyFile := writeOpenSSHKey(t, dir)
	// -F /dev/null keeps the user's and the system's ssh_config out of it.
	base := []string{"-F", "/dev/null", "-p", port,
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
		"-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10", "-o", "IdentityAgent=none"}
	withKey := slices.Concat(base, []string{"-i", keyFile, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes"})

	t.Run("exec", func(t *testing.T) {
		list := "003 The Morning Post\n004 The Evening Star\n"
		diffJSON := `diff ["003" "004" "--format" "json"]` + "\n"
		tests := []struct {
			name       string
			args       []string
			wantStdout string
			wantStderr string
			wantStatus int
		}{
			{"list", slices.Concat(withKey, []string{"localhost", "list"}), list, "", 0},
			{"diff json", slices.Concat(withKey, []string{"localhost", "diff", "003", "004", "--format", "json"}), diffJSON, "", 0},
			{"exit status passed through", slices.Concat(withKey, []string{"localhost", "diff", "003"}), "", "usage: diff A B", 2},
			{"unknown command", slices.Concat(withKey, []string{"localhost", "sh", "-c", "id"}), "", `unknown command "sh"`, 2},
			{"shell without a tty", slices.Concat(withKey, []string{"-T", "localhost"}), "", "needs a terminal", 1},
			// As sftp and scp ask for it: ssh shows why before its own
			// "subsystem request failed", which alone seemed the
			// server's failure. It drops stderr that comes with the
			// refusal, so the server has to wait for it to take it in.
			{"sftp subsystem", slices.Concat(withKey, []string{"-s", "localhost", "sftp"}), "",
				`newsdiff: subsystem "sftp" refused: this server offers none, so no sftp or scp`, 255},
			{"keyboard-interactive", slices.Concat(base, []string{"-o", "PreferredAuthentications=keyboard-interactive",
				"-o", "PubkeyAuthentication=no", "localhost", "list"}), list, "", 0},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				cmd := exec.Command("ssh", tc.args...)
				var stdout, stderr bytes.Buffer
				cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, &stdout, &stderr
				err := cmd.Run()
				status := 0
				var exit *exec.ExitError
				if errors.As(err, &exit) {
					status = exit.ExitCode()
				} else if err != nil {
					t.Fatal(err)
				}
				if status != tc.wantStatus || stdout.String() != tc.wantStdout || !strings.Contains(stderr.String(), tc.wantStderr) {
					t.Errorf("ssh %s:\nstatus %d, stdout %q, stderr %q\nwant %d, %q, stderr containing %q",
						strings.Join(tc.args, " "), status, stdout.String(), stderr.String(), tc.wantStatus, tc.wantStdout, tc.wantStderr)
				}
			})
		}
	})

	// OpenSSH's connection sharing, as `ControlMaster auto` and
	// `ControlPersist` in ~/.ssh/config set it up: the first ssh leaves a
	// master connection behind, and every later ssh to the host runs its
	// session over it. A second session was refused ("Session open refused
	// by peer") until the server closed the connection.
	t.Run("connection sharing", func(t *testing.T) {
		if _, err := exec.LookPath("tmux"); err != nil {
			t.Skip("tmux not on PATH; install tmux to run this test")
		}
		logged := ts.logs.Len() // the sessions before this test's are not its
		control := filepath.Join(dir, "cm-%C")
		shared := slices.Concat(withKey, []string{"-o", "ControlMaster=auto", "-o", "ControlPath=" + control, "-o", "ControlPersist=30"})
		t.Cleanup(func() {
			stop := exec.Command("ssh", slices.Concat(shared, []string{"-O", "exit", "localhost"})...)
			stop.WaitDelay = waitLimit
			_ = stop.Run()
		})
		run := func(args ...string) (string, string, int) {
			t.Helper()
			cmd := exec.Command("ssh", slices.Concat(shared, []string{"localhost"}, args)...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			// The master ssh leaves behind lets go of ssh's output, but
			// a wait must not hang on it if it does not.
			cmd.WaitDelay = waitLimit
			err := cmd.Run()
			var exit *exec.ExitError
			switch {
			case errors.As(err, &exit):
				return stdout.String(), stderr.String(), exit.ExitCode()
			case err != nil:
				t.Fatal(err)
			}
			return stdout.String(), stderr.String(), 0
		}
		list := "003 The Morning Post\n004 The Evening Star\n"
		// Several commands in a row: the first starts the master.
		for i := range 3 {
			if stdout, stderr, status := run("list"); status != 0 || stdout != list {
				t.Fatalf("command %d over a shared connection: status %d, stdout %q, stderr %q", i+1, status, stdout, stderr)
			}
		}
		// The reader over the master, and commands beside it.
		tm := newTmux(t, dir)
		sshCmd := "ssh -tt " + strings.Join(shared, " ") + " localhost; echo ssh exited with $?; exec sleep 600"
		tm.run("new-session", "-d", "-s", "reader", "-x", "120", "-y", "36", sshCmd)
		tm.waitFor("the article list beside the first comparison", func(s screen) bool {
			return listsAll(s) && isComparing("Swell Digest", "Hacked.com")(s)
		})
		for i := range 2 {
			if stdout, stderr, status := run("diff", "003", "004"); status != 0 || !strings.Contains(stdout, `diff ["003" "004"]`) {
				t.Fatalf("command %d beside the reader: status %d, stdout %q, stderr %q", i+1, status, stdout, stderr)
			}
		}
		if _, stderr, status := run("sh"); status != 2 || !strings.Contains(stderr, `unknown command "sh"`) {
			t.Errorf("unknown command over a shared connection: status %d, stderr %q; want 2", status, stderr)
		}
		tm.run("send-keys", "-t", "reader", "Tab", "j", "j", "j", "Enter")
		tm.waitFor("Al Jazeera picked for the left", func(s screen) bool {
			return strings.Contains(s.rows[0], "pick the right side") && articleList(s).left == "Al Jazeera"
		})
		tm.run("send-keys", "-t", "reader", "j", "Enter")
		tm.waitFor("Al Jazeera vs TRT World", isComparing("Al Jazeera", "TRT World"))
		tm.run("send-keys", "-t", "reader", "q")
		tm.waitFor("ssh's exit status", func(s screen) bool { return strings.Contains(s.text(), "ssh exited with 0") })
		if stdout, stderr, status := run("list"); status != 0 || stdout != list {
			t.Errorf("command after the reader quit: status %d, stdout %q, stderr %q", status, stdout, stderr)
		}
		// All of it over one connection: every session came from the
		// master's address and port.
		remotes := map[string]int{}
		for line := range strings.Lines(ts.logs.String()[logged:]) {
			if strings.Contains(line, "msg=connect ") {
				_, after, _ := strings.Cut(line, " remote=")
				remote, _, _ := strings.Cut(after, " ")
				remotes[remote]++
			}
		}
		if len(remotes) != 1 {
			t.Errorf("the sessions came over connections %v; want all of them over one", remotes)
		}
		for remote, n := range remotes {
			if n != 8 {
				t.Errorf("%d sessions over %s; want 8", n, remote)
			}
		}
	})

	t.Run("reader in tmux", func(t *testing.T) {
		if _, err := exec.LookPath("tmux"); err != nil {
			t.Skip("tmux not on PATH; install tmux to run this test")
		}
		tm := newTmux(t, dir)
		// The shell reports ssh's exit status on the screen and then keeps
		// the pane open so that it can still be read.
		sshCmd := "ssh -tt " + strings.Join(withKey, " ") + " localhost; echo ssh exited with $?; exec sleep 600"
		tm.run("new-session", "-d", "-s", "reader", "-x", "120", "-y", "36", sshCmd)
		tm.waitFor("the article list beside the first comparison", func(s screen) bool {
			return listsAll(s) && isComparing("Swell Digest", "Hacked.com")(s)
		})
		// tmux-256color reaches the session's renderer: 256 colours.
		if colours, _ := tm.command("capture-pane", "-p", "-e", "-t", "reader").CombinedOutput(); !colour256SGR.Match(colours) {
			t.Errorf("the reader is not drawn in 256 colours in a tmux-256color pane:\n%q", colours)
		}

		tm.run("send-keys", "-t", "reader", "Tab", "j", "j", "j", "Enter")
		tm.waitFor("Al Jazeera picked for the left", func(s screen) bool {
			return strings.Contains(s.rows[0], "pick the right side") && articleList(s).left == "Al Jazeera"
		})
		tm.run("send-keys", "-t", "reader", "j", "Enter")
		tm.waitFor("Al Jazeera vs TRT World", isComparing("Al Jazeera", "TRT World"))

		tm.run("resize-window", "-t", "reader", "-x", "90", "-y", "30")
		tm.waitFor("the comparison alone at 90 columns", func(s screen) bool {
			return !listsAll(s) && isComparing("Al Jazeera", "TRT World")(s) && s.widest() == 90
		})

		tm.run("send-keys", "-t", "reader", "q")
		s := tm.waitFor("ssh's exit status", func(s screen) bool { return strings.Contains(s.text(), "ssh exited with 0") })
		if strings.Contains(s.text(), "TRT World") {
			t.Errorf("the reader's screen is still there after quitting; the alternate screen was not left:\n%s", s.text())
		}
	})

	// A script running a refused command in a loop over a shared
	// connection: each run was a "connect" and a "session end" line, as
	// fast as ssh could start. Every run is still refused as it was, and
	// the log takes the address's allowance and no more.
	t.Run("refused commands in a loop", func(t *testing.T) {
		// A window of its own, past the other tests' lines, and one
		// however long the loop takes.
		ts.logClientCounts()
		ts.clients.mu.Lock()
		at := time.Now().Add(2 * dropLogWindow)
		ts.clients.now = func() time.Time { return at }
		ts.clients.mu.Unlock()
		logged := ts.logs.Len()
		shared := slices.Concat(withKey, []string{"-o", "ControlMaster=auto", "-o", "ControlPath=" + filepath.Join(dir, "loop-%C"),
			"-o", "ControlPersist=30"})
		t.Cleanup(func() {
			stop := exec.Command("ssh", slices.Concat(shared, []string{"-O", "exit", "localhost"})...)
			stop.WaitDelay = waitLimit
			_ = stop.Run()
		})
		const runs = clientLogPerAddr
		for i := range runs {
			cmd := exec.Command("ssh", slices.Concat(shared, []string{"localhost", "nosuch"})...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			cmd.WaitDelay = waitLimit
			err := cmd.Run()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 2 || !strings.Contains(stderr.String(), `unknown command "nosuch"`) {
				t.Fatalf("run %d: %v, stderr %q; want status 2 and the command refused", i+1, err, stderr.String())
			}
		}
		// Each run's lines were logged or counted before it had its exit
		// status (finish).
		ts.logClientCounts()
		lines := ts.logs.String()[logged:]
		n := strings.Count(lines, "msg=connect ") + strings.Count(lines, `msg="session end"`)
		if n > clientLogPerAddr {
			t.Errorf("%d runs wrote %d lines one by one; want at most %d:\n%s", runs, n, clientLogPerAddr, lines)
		}
		if !strings.Contains(lines, `msg="log lines suppressed"`) {
			t.Errorf("no count of the lines not logged:\n%s", lines)
		}
	})
}

// tmux drives a private tmux server for one test.
type tmux struct {
	t      *testing.T
	socket string
	conf   string
}

func newTmux(t *testing.T, dir string) *tmux {
	conf := filepath.Join(dir, "tmux.conf")
	// A 256-colour TERM shows the client's terminal type reaching the
	// session's renderer.
	if err := os.WriteFile(conf, []byte("set -g default-terminal tmux-256color\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tm := &tmux{t: t, socket: "newsdiff-test-" + strconv.Itoa(os.Getpid()) + "-" + strconv.FormatInt(time.Now().UnixNano(), 36), conf: conf}
	t.Cleanup(func() { _ = tm.command("kill-server").Run() })
	return tm
}

func (tm *tmux) command(args ...string) *exec.Cmd {
	cmd := exec.Command("tmux", append([]string{"-L", tm.socket, "-f", tm.conf}, args...)...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TMUX=") { // run a server of our own even inside tmux
			cmd.Env = append(cmd.Env, kv)
		}
	}
	return cmd
}

// run runs a tmux command and returns its output, failing the test on error.
func (tm *tmux) run(args ...string) string {
	tm.t.Helper()
	out, err := tm.command(args...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// screen is what the pane shows now: its rows, without trailing blanks.
func (tm *tmux) screen() screen {
	out, _ := tm.command("capture-pane", "-p", "-t", "reader").CombinedOutput()
	var s screen
	for row := range strings.Lines(string(out)) {
		row = strings.TrimRight(row, " \n")
		s.rows = append(s.rows, row)
		s.drawn = append(s.drawn, ansi.StringWidth(row))
	}
	return s
}

// waitFor waits until the pane satisfies ok, and returns what it shows;
// what says what the test waits for.
func (tm *tmux) waitFor(what string, ok func(screen) bool) screen {
	tm.t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		s := tm.screen()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("pane never showed %s; it shows:\n%s", what, s.text())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// writeOpenSSHKey writes a new client key in OpenSSH's format with the
// mode ssh insists on, and returns its path.
func writeOpenSSHKey(t *testing.T, dir string) string {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "newsdiff test client")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "id_ed25519")
	if err := os.WriteFile(path, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(fmt.Errorf("write client key: %w", err))
	}
	return path
}

// startWriter starts a server with cfg whose every command writes out,
// and returns it and the arguments by which ssh, with a key of its own,
// runs "list" there. It skips the test where ssh is missing.
func startWriter(t *testing.T, cfg Config, out string) (*testServer, []string) {
	t.Helper()
	if _, err := exec.LookPath("ssh"); err != nil {
		t.Skip("OpenSSH client (ssh) not on PATH; install openssh-client to run this test")
	}
	cfg.Exec = func(_ context.Context, _ []string, stdout, _ io.Writer) int {
		_, _ = io.WriteString(stdout, out)
		return 0
	}
	ts := startServer(t, cfg)
	_, port, _ := net.SplitHostPort(ts.addr)
	keyFile := writeOpenSSHKey(t, t.TempDir())
	return ts, []string{"-F", "/dev/null", "-p", port, "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
		"-o", "LogLevel=ERROR", "-o", "IdentityAgent=none", "-i", keyFile, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
		"localhost", "list"}
}

// TestSlowPipeGetsAllOutput is a regression test: `ssh HOST diff A B |
// less`, read for longer than HandshakeTimeout. The command ends and its
// output is sent, but OpenSSH closes the session's channel only once it
// has written the output out to its pipe; the server closed the connection
// HandshakeTimeout after the session ended, and ssh, which had its exit
// status, exited 0 with all but what the pipe held lost.
func TestSlowPipeGetsAllOutput(t *testing.T) {
	// Far more than a pipe holds, and less than a session's SSH window,
	// so that the server sends it all at once.
	big := strings.Repeat("0123456789abcdef", 1<<16)
	ts, args := startWriter(t, Config{HandshakeTimeout: time.Second}, big)
	tryUntil(t, "ssh to get in within HandshakeTimeout", func() bool {
		logged := ts.logs.Len()
		cmd := exec.Command("ssh", args...)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// The session ends with its output sent, while the pipe holds
		// what it can of it unread; then HandshakeTimeout passes: a
		// connection opened after, left without a session, is closed.
		deadline := time.Now().Add(waitLimit)
		for !strings.Contains(ts.logs.String()[logged:], "msg=\"session end\"") {
			if time.Now().After(deadline) {
				_ = cmd.Process.Kill()
				_ = cmd.Wait()
				if stderr.Len() > 0 && !strings.Contains(ts.logs.String()[logged:], "msg=connect") {
					return false // its handshake was over HandshakeTimeout
				}
				t.Fatalf("the command's session never ended; ssh said %q; log:\n%s", stderr.String(), ts.logs.String())
			}
			time.Sleep(5 * time.Millisecond)
		}
		waitClosed(t, ts.dialRetrying(t))
		got, _ := io.ReadAll(stdout)
		err = cmd.Wait()
		if len(got) != len(big) || err != nil {
			t.Errorf("ssh took %d of %d bytes (%v, stderr %q); log:\n%s", len(got), len(big), err, stderr.String(), ts.logs.String())
		}
		return true
	})
	ts.waitLog(t, `sessions=1 duration=`)
	if strings.Contains(ts.logs.String(), "did not close an ended session") {
		t.Errorf("the connection was closed before ssh let go of it:\n%s", ts.logs.String())
	}
}

// TestUnreadPipeLetGo checks the bound on the wait TestSlowPipeGetsAllOutput
// asks for: ssh whose output is never read holds its connection for
// IdleTimeout after its session ended, and is then let go.
func TestUnreadPipeLetGo(t *testing.T) {
	big := strings.Repeat("0123456789abcdef", 1<<16)
	ts, args := startWriter(t, Config{IdleTimeout: time.Second}, big)
	cmd := exec.Command("ssh", args...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _, _ = io.Copy(io.Discard, stdout); _ = cmd.Wait() }()
	ts.waitLog(t, `reason="client did not close an ended session in 1s"`)
}

// TestShutdownLetsSlowPipeFinish is TestSlowPipeGetsAllOutput as the
// server shuts down: a connection without a running session was closed at
// once, with the output its ssh had not yet written out to its pipe.
func TestShutdownLetsSlowPipeFinish(t *testing.T) {
	big := strings.Repeat("0123456789abcdef", 1<<16)
	ts, args := startWriter(t, Config{ShutdownGrace: waitLimit}, big)
	cmd := exec.Command("ssh", args...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ts.waitLog(t, `msg="session end"`)
	shut := make(chan error, 1)
	go func() { shut <- ts.Shutdown(context.Background()) }()
	ts.waitLog(t, `msg="shutting down"`)
	got, _ := io.ReadAll(stdout)
	err = cmd.Wait()
	if len(got) != len(big) || err != nil {
		t.Errorf("ssh took %d of %d bytes (%v, stderr %q); log:\n%s", len(got), len(big), err, stderr.String(), ts.logs.String())
	}
	select {
	case err := <-shut:
		if err != nil {
			t.Errorf("Shutdown: %v", err)
		}
	case <-time.After(2 * waitLimit):
		t.Fatal("Shutdown did not return")
	}
	if strings.Contains(ts.logs.String(), "grace period over") {
		t.Errorf("Shutdown waited out its grace period for a client that had let go:\n%s", ts.logs.String())
	}
}

// TestStalledPipeNotWaitedFor checks that the wait TestSlowPipeGetsAllOutput
// asks for is not given to a client that stopped reading: its session
// ended as stalled, its connection is closed HandshakeTimeout later, not
// IdleTimeout.
func TestStalledPipeNotWaitedFor(t *testing.T) {
	// More than the session's SSH window and ssh's pipe hold.
	big := strings.Repeat("0123456789abcdef", 1<<19)
	ts, args := startWriter(t, Config{WriteTimeout: 300 * time.Millisecond, IdleTimeout: time.Hour, HandshakeTimeout: 3 * time.Second}, big)
	cmd := exec.Command("ssh", args...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _, _ = io.Copy(io.Discard, stdout); _ = cmd.Wait() }()
	ts.waitLogWithin(t, stallLimit, `reason="client stopped reading for 300ms"`)
	ts.waitLog(t, `reason="no new session in time"`)
}
