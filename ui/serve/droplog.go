package serve

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"time"
)

// A flood of connections dropped before their handshake (over
// MaxHandshakes, or during shutdown) would write a log line for each: the
// first dropLogFull of a dropLogWindow are logged each on its line, and
// the rest counted and logged as one line a reason once the window is
// over, so that the log says how many without growing with the flood.
// The disconnects of connections that never authenticated (a client
// retrying a key that is not listed, or connecting and hanging up, in a
// loop) are limited the same way, in windows of their own.
const (
	dropLogFull   = 5
	dropLogWindow = time.Minute
)

// dropLog decides which dropped connections the log names one by one, and
// counts the others.
type dropLog struct {
	mu     sync.Mutex
	now    func() time.Time // time.Now when nil
	onDue  func()           // called once a window with counts is over
	start  time.Time        // when the window began
	logged int              // connections named in it
	more   map[string]int   // connections counted in it, by reason; onDue is set while it has any
	timer  *time.Timer      // calls onDue
}

// dropCount is how many connections a window dropped for one reason
// without naming them.
type dropCount struct {
	reason string
	n      int
}

// note counts a connection dropped for reason and reports whether to log
// it on a line of its own. The first it does not, in a window, sets
// onDue to be called when the window is over, in due: the counts are
// then to be flushed. A window opens with the first connection dropped
// once the last is over and its counts flushed.
func (d *dropLog) note(reason string) (full bool, due time.Duration, armed bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	now := time.Now()
	if d.now != nil {
		now = d.now()
	}
	if len(d.more) == 0 && (d.start.IsZero() || now.Sub(d.start) >= dropLogWindow) {
		d.start, d.logged = now, 0
	}
	if d.logged < dropLogFull {
		d.logged++
		return true, 0, false
	}
	armed = len(d.more) == 0 // the window's first counted sets onDue
	if d.more == nil {
		d.more = map[string]int{}
	}
	d.more[reason]++
	if !armed {
		return false, 0, false
	}
	due = max(d.start.Add(dropLogWindow).Sub(now), 0)
	if d.onDue != nil {
		d.timer = time.AfterFunc(due, d.onDue)
	}
	return false, due, true
}

// flush returns the connections counted and not named since the last
// flush, by reason in order, and forgets them.
func (d *dropLog) flush() []dropCount {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []dropCount
	for r, n := range d.more {
		out = append(out, dropCount{r, n})
	}
	slices.SortFunc(out, func(a, b dropCount) int { return cmp.Compare(a.reason, b.reason) })
	d.more = nil
	if d.timer != nil {
		d.timer.Stop()
		d.timer = nil
	}
	return out
}

// logDrop logs a connection dropped before its handshake, or counts it
// (see dropLog).
func (s *Server) logDrop(remote, reason string) {
	if full, _, _ := s.drops.note(reason); full {
		s.log.Warn("connection dropped", "remote", remote, "reason", reason)
	}
}

// logDropCounts logs how many connections were dropped and not named,
// for each reason, when the window they were dropped in is over or the
// server shuts down.
func (s *Server) logDropCounts() {
	for _, c := range s.drops.flush() {
		s.log.Warn("connections dropped, not logged one by one", "n", c.n, "reason", c.reason,
			"window", dropLogWindow.String())
	}
}

// logUnauthed reports whether the disconnect of a connection that never
// authenticated, for reason, is to be logged on its line; if not, it is
// counted (see dropLog). Counts are kept by reason with the failed
// methods left out, since the client names those: a client varying them
// must not make a summary line of each.
func (s *Server) logUnauthed(reason string) bool {
	if strings.HasPrefix(reason, authFailed) {
		reason = authFailed
	}
	full, _, _ := s.unauthed.note(reason)
	return full
}

// logUnauthedCounts logs how many disconnects of connections that never
// authenticated were not logged one by one, for each reason, when the
// window they ended in is over or the server shuts down.
func (s *Server) logUnauthedCounts() {
	for _, c := range s.unauthed.flush() {
		s.log.Info("disconnects not logged one by one", "n", c.n, "reason", c.reason,
			"window", dropLogWindow.String())
	}
}
