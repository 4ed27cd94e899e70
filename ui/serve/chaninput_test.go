package serve

import (
	"bytes"
	"context"
	"io"
	"strings"
	"sync"
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

// TestTypedAheadCutAtKeys sends a session not started yet more input than
// it keeps, arrow keys, and then q once it has started: the drop beyond
// maxPendingInput cut the last arrow kept after its escape, which reached
// the program as an Esc nobody pressed, or with a key that came soon
// after, as alt with it: alt+q, and the reader went on (the stall tests,
// whose flood came before their session started, 4 runs in 30 under the
// race detector). Now a key the drop cuts short is dropped whole.
func TestTypedAheadCutAtKeys(t *testing.T) {
	in := &channelInput{}
	in.cond = sync.NewCond(&in.mu)
	arrows := strings.Repeat("\x1b[B", 2000)
	q := &gated{asked: make(chan struct{}), open: make(chan struct{}), rest: "q"}
	go in.pump(io.MultiReader(strings.NewReader(arrows), q))
	<-q.asked // the arrows are all taken, as the session was not started
	in.setMode(inputReader)
	close(q.open)
	got, err := io.ReadAll(in)
	if err != nil {
		t.Fatal(err)
	}
	kept := maxPendingInput / 3 * 3 // the whole arrows that fit
	if want := arrows[:kept] + "q"; string(got) != want {
		t.Errorf("got %d bytes ending %q, want %d ending %q", len(got), got[max(0, len(got)-5):], len(want), want[len(want)-5:])
	}
}

// gated is input that comes once the test opens it: asked is closed when
// it is first read, and rest is what it then gives.
type gated struct {
	asked, open chan struct{}
	rest        string
	once        sync.Once
}

func (g *gated) Read(p []byte) (int, error) {
	g.once.Do(func() { close(g.asked) })
	<-g.open
	if g.rest == "" {
		return 0, io.EOF
	}
	n := copy(p, g.rest)
	g.rest = g.rest[n:]
	return n, nil
}
