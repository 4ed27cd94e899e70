package cli_test

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// TestServeSecondSignal is a regression test: after the first Ctrl-C the
// server waits up to its grace period, 10 s, for its clients to leave, and
// a second Ctrl-C did not cut the wait short, as it does for most servers;
// an operator who asked twice waited the 10 s. A client that keeps its
// connection after its session ends holds the server in that wait.
func TestServeSecondSignal(t *testing.T) {
	// Two long articles with no words in common: their diff prints both,
	// megabytes, more than a channel's window.
	dir := t.TempDir()
	for _, name := range []string{"a", "b"} {
		var b strings.Builder
		for i := 0; b.Len() < 3<<20; i++ {
			fmt.Fprintf(&b, "Sentence %s%d of the article %s says little.\n\n", name, i, name)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".txt"), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd, logR, exited := startServeBinary(t, dir)
	lines := make(chan string, 100)
	go func() {
		s := bufio.NewScanner(logR)
		for s.Scan() {
			lines <- s.Text()
		}
		close(lines)
	}()
	waitFor := func(re *regexp.Regexp) []string {
		t.Helper()
		timeout := time.After(20 * time.Second)
		for {
			select {
			case line, ok := <-lines:
				if !ok {
					t.Fatalf("the log ended before a line matching %s", re)
				}
				if m := re.FindStringSubmatch(line); m != nil {
					return m
				}
			case <-timeout:
				t.Fatalf("no line matching %s in the log", re)
			}
		}
	}
	addr := waitFor(regexp.MustCompile(`msg=serving addr=(\S+)`))[1]

	client, err := gossh.Dial("tcp", addr, anyKeyConfig(t, 20*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	// A client that reads none of a long output: the command, blocked
	// on its writes once the channel's window is full, does not end,
	// and the server waits for it.
	stalled := make(chan struct{})
	defer close(stalled)
	sess.Stdout = blockingWriter(stalled)
	if err := sess.Start("diff a b"); err != nil {
		t.Fatal(err)
	}
	waitFor(regexp.MustCompile(`msg=connect `))
	time.Sleep(500 * time.Millisecond) // the window filled

	_ = cmd.Process.Signal(syscall.SIGINT)
	waitFor(regexp.MustCompile(`msg="shutting down"`))
	select {
	case err := <-exited:
		exited <- err
		t.Fatalf("the server ended at the first signal (%v) with a client still connected: the test holds no grace period", err)
	case <-time.After(300 * time.Millisecond):
	}
	sent := time.Now()
	_ = cmd.Process.Signal(syscall.SIGINT)
	select {
	case err := <-exited:
		exited <- err
		took := time.Since(sent)
		t.Logf("exited %v after the second signal: %v", took.Round(time.Millisecond), err)
		if took > 5*time.Second {
			t.Errorf("the server took %v after the second signal; want the wait cut short", took)
		}
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 130 {
			t.Errorf("exit %v, want status 130: sessions were cut off", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the server did not stop after a second signal")
	}
	var rest strings.Builder
	for line := range lines {
		rest.WriteString(line + "\n")
	}
	if !strings.Contains(rest.String(), "shutdown cut short") {
		t.Errorf("the log does not say the shutdown was cut short:\n%s", rest.String())
	}
}

// blockingWriter is a writer whose writes wait until release is closed.
type blockingWriter chan struct{}

func (w blockingWriter) Write(p []byte) (int, error) {
	<-w
	return len(p), nil
}
