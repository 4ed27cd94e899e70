package serve

import (
	"io"
	"sync"
	"time"
)

// stallGuard bounds how long one write to a client may take. A channel write
// blocks while the client's SSH window is full, that is while it does not
// read; without a bound, a client that stops reading holds its session, its
// slot and the program writing to it until the idle timeout, and Bubble Tea,
// blocked in the write, answers no key. When a write has not completed
// within the timeout, onStall runs; it closes the connection, which makes
// the write return.
type stallGuard struct {
	mu      sync.Mutex // one write at a time, each under its own deadline
	timeout time.Duration
	timer   *time.Timer
}

// newStallGuard returns a guard whose writers call onStall when one write
// takes longer than timeout.
func newStallGuard(timeout time.Duration, onStall func()) *stallGuard {
	g := &stallGuard{timeout: timeout, timer: time.AfterFunc(timeout, onStall)}
	g.timer.Stop()
	return g
}

// writer wraps w so that every write is under the guard's deadline.
func (g *stallGuard) writer(w io.Writer) io.Writer { return guardedWriter{g: g, w: w} }

// stop disarms the guard for good once the session's output is done.
func (g *stallGuard) stop() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.timer.Stop()
}

type guardedWriter struct {
	g *stallGuard
	w io.Writer
}

// Write implements io.Writer.
func (gw guardedWriter) Write(p []byte) (int, error) {
	gw.g.mu.Lock()
	defer gw.g.mu.Unlock()
	gw.g.timer.Reset(gw.g.timeout)
	n, err := gw.w.Write(p)
	gw.g.timer.Stop()
	return n, err
}

// latestWindow holds the newest window size a client has sent and no other.
// Window changes are not queued: only the last one matters, and a client
// sending thousands of them must cost one resize of the reader, not one per
// request. Putting never blocks, so the session's request filter (and
// behind it x/crypto's loop, which also carries the client's window
// adjustments) always moves on, even while the program is stuck writing
// or before any program runs.
type latestWindow struct {
	mu            sync.Mutex
	width, height int
	ready         chan struct{} // holds a token while a size waits to be taken
}

func newLatestWindow() *latestWindow { return &latestWindow{ready: make(chan struct{}, 1)} }

// put replaces the waiting size, if any, with width×height.
func (l *latestWindow) put(width, height int) {
	l.mu.Lock()
	l.width, l.height = width, height
	l.mu.Unlock()
	select {
	case l.ready <- struct{}{}:
	default: // a size is already waiting; it now reads the new one
	}
}

// next waits for a size to be put and returns it; ok is false once done is
// closed.
func (l *latestWindow) next(done <-chan struct{}) (width, height int, ok bool) {
	select {
	case <-l.ready:
	case <-done:
		return 0, 0, false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.width, l.height, true
}
