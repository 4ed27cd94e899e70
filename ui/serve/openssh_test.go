package serve

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// TestOpenSSH runs the real OpenSSH client against the server: the reader
// inside tmux, read back with capture-pane, and commands as a script would
// run them. It is skipped where ssh or tmux is missing.
func TestOpenSSH(t *testing.T) {
	if _, err := exec.LookPath("ssh"); err != nil {
		t.Skip("OpenSSH client (ssh) not on PATH; install openssh-client to run this test")
	}
	ts := startServer(t, Config{})
	_, port, _ := net.SplitHostPort(ts.addr)
	dir := t.TempDir()
	keyFile := writeOpenSSHKey(t, dir)
	// -F /dev/null keeps the user's and the system's ssh_config out of it.
	base := []string{"-F", "/dev/null", "-p", port,
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
		"-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10", "-o", "IdentityAgent=none"}
	withKey := slices.Concat(base, []string{"-i", keyFile, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes"})

	t.Run("exec", func(t *testing.T) {
		tests := []struct {
			name       string
			args       []string
			wantStdout string
			wantStderr string
			wantStatus int
		}{
			{"list", slices.Concat(withKey, []string{"localhost", "list"}), "003 The Morning Post\n004 The Evening Star\n", "", 0},
			{"diff json", slices.Concat(withKey, []string{"localhost", "diff", "003", "004", "--format", "json"}), `diff ["003" "004" "--format" "json"]` + "\n", "", 0},
			{"exit status passed through", slices.Concat(withKey, []string{"localhost", "diff", "003"}), "", "usage: diff", 2},
			{"unknown command", slices.Concat(withKey, []string{"localhost", "sh", "-c", "id"}), "", `unknown command "sh"`, 1},
			{"shell without a tty", slices.Concat(withKey, []string{"-T", "localhost"}), "", "needs a terminal", 1},
			{"keyboard-interactive", slices.Concat(base, []string{"-o", "PreferredAuthentications=keyboard-interactive",
				"-o", "PubkeyAuthentication=no", "localhost", "list"}), "003 The Morning Post\n004 The Evening Star\n", "", 0},
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

	t.Run("reader in tmux", func(t *testing.T) {
		if _, err := exec.LookPath("tmux"); err != nil {
			t.Skip("tmux not on PATH; install tmux to run this test")
		}
		tm := newTmux(t, dir)
		// The shell reports ssh's exit status on the screen and then keeps
		// the pane open so that it can still be read.
		sshCmd := "ssh -tt " + strings.Join(withKey, " ") + " localhost; echo ssh exited with $?; exec sleep 600"
		tm.run("new-session", "-d", "-s", "reader", "-x", "100", "-y", "30", sshCmd)
		tm.waitScreen("size 100x30", "profile ANSI256", "> alpha", "  bravo")

		tm.run("send-keys", "-t", "reader", "j")
		tm.waitScreen("> bravo", "  alpha")

		tm.run("resize-window", "-t", "reader", "-x", "90", "-y", "25")
		tm.waitScreen("size 90x25", strings.Repeat("-", 90))

		tm.run("send-keys", "-t", "reader", "q")
		tm.waitScreen("ssh exited with 0")
		if screen := tm.screen(); strings.Contains(screen, "> bravo") {
			t.Errorf("the reader's screen is still there after quitting; the alternate screen was not left:\n%s", screen)
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

// screen is what the pane shows now.
func (tm *tmux) screen() string {
	out, _ := tm.command("capture-pane", "-p", "-t", "reader").CombinedOutput()
	return string(out)
}

// waitScreen waits until the pane shows every want.
func (tm *tmux) waitScreen(want ...string) {
	tm.t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		screen := tm.screen()
		if containsAll(screen, want) {
			return
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("pane never showed %q; it shows:\n%s", want, screen)
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
