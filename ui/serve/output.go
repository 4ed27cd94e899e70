package serve

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"sync"
	"time"
)

// stallGuard bounds how long a session's output may wait for its client.
// A channel write blocks while the client's SSH window for that channel is
// full, that is while it reads nothing of that session; without a bound, a
// client that stops reading holds its session, its slot and the program
// writing to it until the idle timeout, and Bubble Tea, blocked in the
// write, answers no key. The window is the channel's own: a connection
// shared by several sessions (OpenSSH's ControlMaster) goes on carrying
// the others, and so must the server.
//
// When a write has made no progress within the timeout, the guard gives
// up on it: that write returns errStalled, so does every later one, and
// onStall runs (it ends the session). x/crypto lets a waiting write go
// only when the channel or the whole connection closes, and closing the
// connection would end every session on it; so writes are made on the
// guard's own goroutine, from a copy of their bytes, and the one that
// stalled is left waiting there until the client closes the channel or
// the connection ends. A connection that takes no data at all is closed
// by its own write deadline (conn.Write).
type stallGuard struct {
	mu      sync.Mutex // one write at a time
	timeout time.Duration
	onStall func()
	timer   *time.Timer
	writes  chan pendingWrite // to the writing goroutine, one at a time
	results chan writeResult
	buf     []byte // the copy being written; only reused once its write is done
	err     error  // once set (stalled, stopped), every write fails with it
	stopped bool
	// pending is set while a write given up on (stalled, or by
	// writeAfterStall) still waits for the client: its result is yet to
	// come on results.
	pending bool
}

type pendingWrite struct {
	w io.Writer
	p []byte
}

type writeResult struct {
	n   int
	err error
}

// errOutputDone fails writes to a session whose handler has returned.
var errOutputDone = errors.New("session output closed")

// stallChunk is the most one write hands the channel at a time: a write
// must make progress, this much of it, within the timeout, so a client on
// a slow link that reads a long output steadily is not cut off.
const stallChunk = 32 << 10

// newStallGuard returns a guard whose writers call onStall when a write
// makes no progress for timeout. stop must be called once the session's
// output is done.
func newStallGuard(timeout time.Duration, onStall func()) *stallGuard {
	g := &stallGuard{timeout: timeout, onStall: onStall, timer: time.NewTimer(timeout),
		writes: make(chan pendingWrite), results: make(chan writeResult, 1)}
	g.timer.Stop()
	go g.run()
	return g
}

// run makes the writes, one after another, until stop.
func (g *stallGuard) run() {
	for pw := range g.writes {
		n, err := pw.w.Write(pw.p)
		g.results <- writeResult{n, err}
	}
}

// writer wraps w so that every write is under the guard's deadline.
func (g *stallGuard) writer(w io.Writer) io.Writer { return guardedWriter{g: g, w: w} }

// stop ends the guard once the session's output is done: later writes
// fail, and its goroutine ends (a stalled write's once x/crypto lets it
// go).
func (g *stallGuard) stop() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.stopped {
		return
	}
	g.stopped = true
	if g.err == nil {
		g.err = errOutputDone
	}
	close(g.writes)
}

type guardedWriter struct {
	g *stallGuard
	w io.Writer
}

// Write implements io.Writer: p goes out a chunk at a time, each of which
// must be taken within the timeout.
func (gw guardedWriter) Write(p []byte) (int, error) {
	g := gw.g
	g.mu.Lock()
	written := 0
	for g.err == nil && written < len(p) {
		chunk := p[written:min(len(p), written+stallChunk)]
		g.buf = append(g.buf[:0], chunk...)
		g.writes <- pendingWrite{gw.w, g.buf}
		g.timer.Reset(g.timeout)
		select {
		case r := <-g.results:
			g.timer.Stop()
			written += min(r.n, len(chunk))
			if r.err != nil {
				g.mu.Unlock()
				return written, r.err
			}
		case <-g.timer.C:
			g.err, g.pending = errStalled, true
			g.buf = nil // the stalled write keeps it
			g.mu.Unlock()
			g.onStall()
			return written, errStalled
		}
	}
	err := g.err
	g.mu.Unlock()
	if written == len(p) && written > 0 {
		return written, nil
	}
	return written, err
}

// stalled reports whether a write stalled: every later one fails, and
// only writeAfterStall reaches the client.
func (g *stallGuard) stalled() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.err == errStalled
}

// writeAfterStall writes p to w once the write that stalled has gone out,
// that is once the client reads again, and reports whether p went out
// whole. It waits at most limit for both, and no longer once quit is
// closed, so that a client that never reads again costs the caller that
// long and no more; the bytes then stay unsent, and the guard's goroutine
// ends with the stalled write, once the channel or the connection closes.
// The bytes come after everything the session wrote before, in order: the
// write that stalled, possibly cut in the middle of an escape sequence,
// goes out first.
func (g *stallGuard) writeAfterStall(w io.Writer, p []byte, limit time.Duration, quit <-chan struct{}) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.err != errStalled || g.stopped {
		return false
	}
	deadline := time.NewTimer(limit)
	defer deadline.Stop()
	if g.pending {
		select {
		case r := <-g.results:
			g.pending = false
			if r.err != nil {
				return false // the channel is gone
			}
		case <-deadline.C:
			return false
		case <-quit:
			return false
		}
	}
	// The writing goroutine is free: the send does not wait.
	g.writes <- pendingWrite{w, slices.Clone(p)}
	select {
	case r := <-g.results:
		return r.err == nil && r.n == len(p)
	case <-deadline.C:
		g.pending = true
		return false
	case <-quit:
		g.pending = true
		return false
	}
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

// terminalLines writes to w with every line ended as a terminal ends it,
// "\r\n", as a pty's output processing (onlcr) would: what goes to a
// client's terminal raw, whose own processing is off while ssh runs,
// would otherwise start each line where the one above ended. A "\r\n"
// already there stays one.
type terminalLines struct{ w io.Writer }

// Write implements io.Writer.
func (t terminalLines) Write(p []byte) (int, error) {
	out := bytes.ReplaceAll(p, []byte("\n"), []byte("\r\n"))
	out = bytes.ReplaceAll(out, []byte("\r\r\n"), []byte("\r\n"))
	n, err := t.w.Write(out)
	if n >= len(out) {
		return len(p), err
	}
	return min(n, len(p)), err // part of it, with err: no more of p than went out
}
