package serve

import (
	"bytes"
	"context"
	"io"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// TestChannelInputNotKept checks that what a client sends on session
// channels nothing reads (one not started yet, one running a command) is
// not kept for it: x/crypto kept up to its 2 MiB window of each, so a
// client filling ten such channels on each connection held 20 MiB of the
// server's memory a connection, and its writes beyond the window waited.
// Now they go through, and a reader's input still reaches it.
func TestChannelInputNotKept(t *testing.T) {
	ts := startServer(t, Config{Exec: func(ctx context.Context, _ []string, _, _ io.Writer) int {
		<-ctx.Done() // a command that runs until its client goes
		return 0
	}})
	client := ts.dial(t)
	const flood = 8 << 20
	chunk := bytes.Repeat([]byte("j"), 32<<10)
	fill := func(what string, ch io.Writer) {
		t.Helper()
		done := make(chan error, 1)
		go func() {
			for range flood / len(chunk) {
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
				t.Fatalf("%s: %v", what, err)
			}
		case <-time.After(waitLimit):
			t.Fatalf("%s: %d MiB of input not taken in %v: the server keeps it", what, flood>>20, waitLimit)
		}
	}

	unstarted, reqs, err := client.OpenChannel("session", nil)
	if err != nil {
		t.Fatal(err)
	}
	go gossh.DiscardRequests(reqs)
	fill("a session not started", unstarted)

	running, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	in, err := running.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := running.Start("list"); err != nil {
		t.Fatal(err)
	}
	fill("a command's input", in)
	_ = running.Close()

	// A reader's input still reaches it.
	tt := ts.openTTY(t, "xterm", 80, 24)
	tt.waitFor(wantInitial...)
	tt.press("j")
	tt.waitFor("keys 1", "> bravo")
}
