package cli_test

import (
	"bufio"
	"errors"
	"os/exec"
	"regexp"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// TestServeLogReaderGone is a regression test: with its log (stderr) a
// pipe whose reader had gone (newsdiff serve 2>&1 | head, a log collector
// restarted), the server died of SIGPIPE at the next line it logged, that
// is as soon as a client connected: any client could end it, and with it
// every session. The log's lines are lost; the server serves on, and
// stops on SIGTERM as it always does.
func TestServeLogReaderGone(t *testing.T) {
	cmd, logR, exited := startServeBinary(t)
	// The address the server listens on, from its "serving" line; then
	// the log's reader goes.
	addrLine := regexp.MustCompile(`msg=serving addr=(\S+)`)
	lines := bufio.NewScanner(logR)
	addr := ""
	for addr == "" && lines.Scan() {
		if m := addrLine.FindStringSubmatch(lines.Text()); m != nil {
			addr = m[1]
		}
	}
	logR.Close()
	if addr == "" {
		t.Fatalf("no serving line in the log: %v", lines.Err())
	}

	config := anyKeyConfig(t, 10*time.Second)
	for i := range 3 {
		client, err := gossh.Dial("tcp", addr, config)
		if err != nil {
			t.Fatalf("connection %d: %v", i+1, err)
		}
		sess, err := client.NewSession()
		if err != nil {
			t.Fatalf("connection %d: session: %v", i+1, err)
		}
		out, err := sess.Output("list")
		client.Close()
		if err != nil || len(out) == 0 {
			t.Fatalf("connection %d: list: %v, %d bytes", i+1, err, len(out))
		}
	}
	select {
	case err := <-exited:
		exited <- err
		t.Fatalf("the server ended once its log's reader had gone: %v", err)
	case <-time.After(200 * time.Millisecond):
	}
	_ = cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-exited:
		exited <- err
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			t.Errorf("after SIGTERM the server exited with %v, want 0", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the server did not stop on SIGTERM")
	}
}
