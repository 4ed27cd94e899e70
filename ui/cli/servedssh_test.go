package cli

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// openSSH is the OpenSSH client, as a reader or a script runs it against
// a server started by a test.
type openSSH struct {
	t    *testing.T
	dir  string
	args []string // every option, up to the host
}

// newOpenSSH readies the OpenSSH client for s, with a key of its own
// and no configuration but the command line's; it skips t where ssh is
// missing.
func newOpenSSH(t *testing.T, s *sshServer) *openSSH {
	t.Helper()
	if _, err := exec.LookPath("ssh"); err != nil {
		t.Skip("OpenSSH client (ssh) not on PATH; install openssh-client to run this test")
	}
	dir := t.TempDir()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "newsdiff test client")
	if err != nil {
		t.Fatal(err)
	}
	key := filepath.Join(dir, "id_ed25519")
	if err := os.WriteFile(key, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	_, port, _ := net.SplitHostPort(s.addr)
	// -F /dev/null keeps the user's and the system's ssh_config out of it.
	return &openSSH{t: t, dir: dir, args: []string{"-F", "/dev/null", "-p", port,
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
		"-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10", "-o", "IdentityAgent=none",
		"-i", key, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes"}}
}

// sshRun is what a command run over ssh gave back.
type sshRun struct {
	stdout, stderr string
	status         int
	err            error // ssh could not be run
}

// run runs the command args over ssh, as a script does.
func (o *openSSH) run(args ...string) sshRun {
	cmd := exec.Command("ssh", append(append(append([]string{}, o.args...), "localhost"), args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := sshRun{stdout: stdout.String(), stderr: stderr.String()}
	if exit, ok := errors.AsType[*exec.ExitError](err); ok {
		r.status = exit.ExitCode()
	} else {
		r.err = err
	}
	return r
}

// runSoon runs args over ssh and returns what it gave back, failing t
// when ssh has not returned within sshWait, a guard against a hang.
func (o *openSSH) runSoon(args ...string) sshRun {
	o.t.Helper()
	done := make(chan sshRun, 1)
	go func() { done <- o.run(args...) }()
	select {
	case r := <-done:
		if r.err != nil {
			o.t.Fatalf("ssh %s: %v", strings.Join(args, " "), r.err)
		}
		return r
	case <-time.After(sshWait):
		o.t.Fatalf("ssh %s did not return within %s", strings.Join(args, " "), sshWait)
		return sshRun{}
	}
}

// sshTmux runs readers over ssh in a private tmux server, each in a
// pane of its own, read back with capture-pane.
type sshTmux struct {
	t      *testing.T
	ssh    *openSSH
	socket string
}

// newSSHTmux starts no tmux server yet; it skips t where tmux is
// missing, and kills the server when t ends.
func newSSHTmux(t *testing.T, o *openSSH) *sshTmux {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not on PATH; install tmux to run this test")
	}
	tm := &sshTmux{t: t, ssh: o, socket: "newsdiff-cli-test-" + strconv.Itoa(os.Getpid()) + "-" + strconv.FormatInt(time.Now().UnixNano(), 36)}
	t.Cleanup(func() { _ = tm.command("kill-server").Run() })
	return tm
}

func (tm *sshTmux) command(args ...string) *exec.Cmd {
	cmd := exec.Command("tmux", append([]string{"-L", tm.socket, "-f", "/dev/null"}, args...)...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TMUX=") { // a server of our own even inside tmux
			cmd.Env = append(cmd.Env, kv)
		}
	}
	return cmd
}

func (tm *sshTmux) tmux(args ...string) string {
	tm.t.Helper()
	out, err := tm.command(args...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// reader opens the reader over ssh in a 120×30 pane named name; the pane
// says ssh's exit status when it ends, and stays to be read.
func (tm *sshTmux) reader(name string) {
	tm.t.Helper()
	cmd := "ssh -tt " + strings.Join(tm.ssh.args, " ") + " localhost; echo ssh exited with $?; exec sleep 600"
	tm.tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "30", cmd)
}

// exec runs args over ssh -t in a pane name, width columns wide and 40
// rows high, as a person runs a command; the pane says ssh's exit status
// when it ends, and stays to be read.
func (tm *sshTmux) exec(name string, width int, args ...string) {
	tm.t.Helper()
	cmd := "ssh -t " + strings.Join(tm.ssh.args, " ") + " localhost " + strings.Join(args, " ") + "; echo ssh exited with $?; exec sleep 600"
	tm.tmux("new-session", "-d", "-s", name, "-x", strconv.Itoa(width), "-y", "40", cmd)
}

// screen is what the pane name shows now.
func (tm *sshTmux) screen(name string) string {
	out, _ := tm.command("capture-pane", "-p", "-t", name).CombinedOutput()
	return string(out)
}

// waitFor waits until the pane name shows want, and fails t when it has
// not within sshWait.
func (tm *sshTmux) waitFor(name, want string) {
	tm.t.Helper()
	deadline := time.Now().Add(sshWait)
	for !strings.Contains(tm.screen(name), want) {
		if time.Now().After(deadline) {
			tm.t.Fatalf("pane %s never showed %q; it shows:\n%s", name, want, tm.screen(name))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// keys types keys into the pane name.
func (tm *sshTmux) keys(name string, keys ...string) {
	tm.t.Helper()
	tm.tmux(append([]string{"send-keys", "-t", name}, keys...)...)
}

// refreshLog is a server's log that keeps the records of its refreshes,
// each with the soft heap limit in force as it was written. With hold,
// the first is held until release is called: clients then come while a
// refresh is under way, however fast the machine refreshes.
type refreshLog struct {
	hold    bool
	held    chan struct{} // closed once the first record is held
	release func()        // lets it go on
	done    chan struct{} // closed at the first "refreshed"

	mu        sync.Mutex
	records   []refreshRecord
	releaseCh chan struct{}
	doneOnce  sync.Once
}

type refreshRecord struct {
	level slog.Level
	msg   string
	attrs map[string]string
	limit int64
}

func newRefreshLog(t *testing.T, hold bool) *refreshLog {
	l := &refreshLog{hold: hold, held: make(chan struct{}), done: make(chan struct{}), releaseCh: make(chan struct{})}
	l.release = sync.OnceFunc(func() { close(l.releaseCh) })
	// A test that fails while it holds a refresh lets it go, so that
	// the server can stop.
	t.Cleanup(l.release)
	return l
}

func (l *refreshLog) logger() *slog.Logger { return slog.New(l) }

func (l *refreshLog) Enabled(context.Context, slog.Level) bool { return true }

func (l *refreshLog) WithAttrs([]slog.Attr) slog.Handler { return l }

func (l *refreshLog) WithGroup(string) slog.Handler { return l }

// Handle keeps the records of the served folder's refreshes, and
// leaves the others (connections, sessions).
func (l *refreshLog) Handle(_ context.Context, r slog.Record) error {
	if !strings.HasPrefix(r.Message, "refresh") && r.Message != "served folder" {
		return nil
	}
	rec := refreshRecord{level: r.Level, msg: r.Message, attrs: map[string]string{}, limit: debug.SetMemoryLimit(-1)}
	r.Attrs(func(a slog.Attr) bool {
		rec.attrs[a.Key] = a.Value.String()
		return true
	})
	l.mu.Lock()
	first := len(l.records) == 0
	l.records = append(l.records, rec)
	l.mu.Unlock()
	if first && l.hold {
		close(l.held)
		<-l.releaseCh
	}
	if r.Message == "refreshed" {
		l.doneOnce.Do(func() { close(l.done) })
	}
	return nil
}

// kept returns the records kept so far.
func (l *refreshLog) kept() []refreshRecord {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]refreshRecord(nil), l.records...)
}

// refreshed runs list over s until the log says a refresh was done:
// the first client to come after the files changed may find a look at
// them under way that began before, and saw none.
func (l *refreshLog) refreshed(t *testing.T, s *sshServer) {
	t.Helper()
	deadline := time.Now().Add(sshWait)
	for {
		select {
		case <-l.done:
			return
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the served folder was not refreshed within %s; its log: %+v", sshWait, l.kept())
		}
		s.run(t, "list")
		select {
		case <-l.done:
			return
		case <-time.After(10 * time.Millisecond):
		}
	}
}
