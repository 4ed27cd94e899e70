package serve

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"time"
)

// A flood of connections dropped before their handshake (over
// MaxHandshakes, or during shutdown) would write a log line for each: the
// first dropLogFull of a dropLogWindow from each address are logged each
// on its line, and the rest counted and logged as one line an address and
// reason once the window is over, so that the log says how many, and from
// where, without growing with the flood. The disconnects of connections
// that never authenticated (a client retrying a key that is not listed,
// or connecting and hanging up, in a loop) are limited the same way, in
// windows of their own.
//
// Each address (addrKey: an IPv4 address or an IPv6 /64) has its own
// allowance, so that one client in a loop does not use up the lines that
// name everyone else. A window tracks at most dropLogAddrs addresses; the
// connections of any further address share one more allowance, logged as
// dropLogOthers, so that the memory and the lines a window takes stay
// bounded however many addresses a flood comes from.
const (
	dropLogFull   = 5
	dropLogWindow = time.Minute
	dropLogAddrs  = 32
	dropLogOthers = "other addresses"
)

// dropLog decides which dropped connections the log names one by one, and
// counts the others.
type dropLog struct {
	mu      sync.Mutex
	now     func() time.Time    // time.Now when nil
	onDue   func()              // called once a window with counts is over
	start   time.Time           // when the window began
	addrs   map[string]*addrLog // the addresses seen in it, at most dropLogAddrs
	others  addrLog             // every further address's
	pending bool                // some connection is counted and not flushed; onDue is set
	timer   *time.Timer         // calls onDue
}

// addrLog is what a window holds of one address: how many of its
// connections were named, and how many counted, by reason.
type addrLog struct {
	logged int
	more   map[string]int
}

// dropCount is how many connections a window dropped from one address
// (or dropLogOthers) for one reason without naming them.
type dropCount struct {
	addr   string
	reason string
	n      int
}

// note counts a connection from addr dropped for reason and reports
// whether to log it on a line of its own. The first it does not, in a
// window, sets onDue to be called when the window is over, in due: the
// counts are then to be flushed. A window opens with the first connection
// dropped once the last is over and its counts flushed.
func (d *dropLog) note(addr, reason string) (full bool, due time.Duration, armed bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	now := time.Now()
	if d.now != nil {
		now = d.now()
	}
	if !d.pending && (d.start.IsZero() || now.Sub(d.start) >= dropLogWindow) {
		d.start = now
		clear(d.addrs)
		d.others = addrLog{}
	}
	a := d.addrs[addr]
	if a == nil {
		if d.addrs == nil {
			d.addrs = map[string]*addrLog{}
		}
		if len(d.addrs) < dropLogAddrs {
			a = &addrLog{}
			d.addrs[addr] = a
		} else {
			a = &d.others
		}
	}
	if a.logged < dropLogFull {
		a.logged++
		return true, 0, false
	}
	if a.more == nil {
		a.more = map[string]int{}
	}
	a.more[reason]++
	if d.pending {
		return false, 0, false
	}
	d.pending = true // the window's first counted sets onDue
	due = max(d.start.Add(dropLogWindow).Sub(now), 0)
	if d.onDue != nil {
		d.timer = time.AfterFunc(due, d.onDue)
	}
	return false, due, true
}

// flush returns the connections counted and not named since the last
// flush, by address and reason in order (dropLogOthers last), and forgets
// them.
func (d *dropLog) flush() []dropCount {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []dropCount
	for _, addr := range slices.Sorted(maps.Keys(d.addrs)) {
		out = append(out, d.addrs[addr].take(addr)...)
	}
	out = append(out, d.others.take(dropLogOthers)...)
	d.pending = false
	if d.timer != nil {
		d.timer.Stop()
		d.timer = nil
	}
	return out
}

// take returns a's counts, as addr's, by reason in order, and forgets them.
func (a *addrLog) take(addr string) []dropCount {
	var out []dropCount
	for _, r := range slices.Sorted(maps.Keys(a.more)) {
		out = append(out, dropCount{addr, r, a.more[r]})
	}
	a.more = nil
	return out
}

// logDrop logs a connection dropped before its handshake, or counts it
// (see dropLog).
func (s *Server) logDrop(remote, addr, reason string) {
	if full, _, _ := s.drops.note(addr, reason); full {
		s.log.Warn("connection dropped", "remote", remote, "reason", reason)
	}
}

// logDropCounts logs how many connections were dropped and not named,
// for each address and reason, when the window they were dropped in is
// over or the server shuts down.
func (s *Server) logDropCounts() {
	for _, c := range s.drops.flush() {
		s.log.Warn("connections dropped, not logged one by one", "n", c.n, "remote", c.addr, "reason", c.reason,
			"window", dropLogWindow.String())
	}
}

// logUnauthed reports whether the disconnect of a connection from addr
// that never authenticated, for reason, is to be logged on its line; if
// not, it is counted (see dropLog). Counts are kept by reason with the
// failed methods left out, since the client names those: a client varying
// them must not make a summary line of each.
func (s *Server) logUnauthed(addr, reason string) bool {
	if strings.HasPrefix(reason, authFailed) {
		reason = authFailed
	}
	full, _, _ := s.unauthed.note(addr, reason)
	return full
}

// logUnauthedCounts logs how many disconnects of connections that never
// authenticated were not logged one by one, for each address and reason,
// when the window they ended in is over or the server shuts down.
func (s *Server) logUnauthedCounts() {
	for _, c := range s.unauthed.flush() {
		s.log.Info("disconnects not logged one by one", "n", c.n, "remote", c.addr, "reason", c.reason,
			"window", dropLogWindow.String())
	}
}
