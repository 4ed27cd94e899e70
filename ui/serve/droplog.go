package serve

import (
	"context"
	"log/slog"
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
// counts the others. Its allowances are set before its first use; the zero
// value has the drops' own.
type dropLog struct {
	// perAddr is how many lines each address may have in a window
	// (dropLogFull when 0), and overall how many all of them together
	// may (no bound when 0). firsts lets past both the first line of each
	// kind from an address in a window: the first of what a client does,
	// a refused subsystem beside a thousand channels closed, is what
	// tells the log what it tried. Kinds are the server's words, never
	// the client's, so that there are few of them.
	perAddr, overall int
	firsts           bool

	mu      sync.Mutex
	now     func() time.Time    // time.Now when nil
	onDue   func()              // called once a window with counts is over
	start   time.Time           // when the window began
	addrs   map[string]*addrLog // the addresses seen in it, at most dropLogAddrs
	others  addrLog             // every further address's
	logged  int                 // lines named in the window, for overall
	pending bool                // some connection is counted and not flushed; onDue is set
	timer   *time.Timer         // calls onDue
}

// addrLog is what a window holds of one address: how many of its
// connections were named, the kinds named (when firsts), and how many
// counted, by reason.
type addrLog struct {
	logged int
	kinds  map[string]bool
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
	return d.noteKind(addr, reason, reason)
}

// noteKind is note for a line of kind, counted under reason when it is
// not named: a kind may say more than its count needs to.
func (d *dropLog) noteKind(addr, kind, reason string) (full bool, due time.Duration, armed bool) {
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
		d.logged = 0
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
	perAddr := d.perAddr
	if perAddr == 0 {
		perAddr = dropLogFull
	}
	first := d.firsts && !a.kinds[kind]
	if first || (a.logged < perAddr && (d.overall == 0 || d.logged < d.overall)) {
		a.logged++
		d.logged++
		if d.firsts {
			if a.kinds == nil {
				a.kinds = map[string]bool{}
			}
			a.kinds[kind] = true
		}
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

// A client that gets in may write the log as fast as it can open and close
// what it is allowed to: a channel opened and closed is a "session end"
// line, a command refused (unknown, over a limit) a "connect" and a
// "session end", a connection opened and closed a "disconnect", a
// request or channel refused a debug line, and one connection may open
// channels one after another, and send requests, for as long as it
// likes. The lines of sessions and of connections that got in are
// limited, in windows of dropLogWindow as the drops are, to
// clientLogPerAddr from each address and clientLogOverall from all of
// them, with the first line of each kind from an address always logged
// (dropLog.firsts). Those over are counted, and logged as one line an
// address and message with their number once the window is over. A
// reader's session is three lines, and a busy public server starts a few
// a minute: only a client in a loop goes over.
const (
	clientLogPerAddr = 60
	clientLogOverall = 600
)

// logClient logs a line of a session's or of an authenticated connection's,
// from the address addr (addrKey), or counts it (see clientLogPerAddr).
// Its kind is msg and what reason says of why, up to the first word the
// client chose: reasons quote those, or list them in brackets. A line the
// logger would drop for its level is neither logged nor counted, so that
// the debug lines of a refused request, say, use up no allowance where
// nobody reads them.
func (s *Server) logClient(level slog.Level, addr, msg, reason string, attrs ...any) {
	if !s.log.Enabled(context.Background(), level) {
		return
	}
	if i := strings.IndexAny(reason, `"(`); i >= 0 {
		reason = reason[:i]
	}
	kind := msg + ": " + strings.TrimSpace(reason)
	if full, _, _ := s.clients.noteKind(addr, kind, msg); full {
		s.log.Log(context.Background(), level, msg, attrs...)
	}
}

// logClientCounts logs how many lines of sessions and authenticated
// connections were not logged, for each address and message, when the
// window they came in is over or the server shuts down.
func (s *Server) logClientCounts() {
	for _, c := range s.clients.flush() {
		s.log.Warn("log lines suppressed", "n", c.n, "remote", c.addr, "line", c.reason,
			"window", dropLogWindow.String())
	}
}
