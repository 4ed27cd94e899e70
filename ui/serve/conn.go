package serve

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gliderlabs/ssh"
)

// connKey is the ssh.Context key under which a connection's *conn lives.
type connKey struct{}

// connFrom returns the connection a gliderlabs context belongs to.
func connFrom(ctx ssh.Context) *conn {
	c, _ := ctx.Value(connKey{}).(*conn)
	return c
}

// conn is one client connection from accept to close: its limit slot, the
// timer that bounds its time without a session, the session's stop switch,
// and what its disconnect line will say. gliderlabs and x/crypto see it as
// the net.Conn, so every way a connection can end goes through Close.
type conn struct {
	net.Conn
	srv   *Server
	addr  string // the unit of the per-address limits: an IPv4 address or an IPv6 /64
	start time.Time

	// bare closes a connection that has no running session: one still in its
	// handshake, one whose session never starts, one whose client does not
	// hang up afterwards.
	bare *time.Timer
	// silent closes a connection that sends nothing; the first byte read
	// stops it.
	silent *time.Timer
	heard  atomic.Bool

	mu          sync.Mutex
	slot        slot     // which count the connection is in; guarded by srv.mu, not mu
	busy        bool     // its session was refused a slot and is only told so
	crowded     bool     // busy because its address holds MaxPerIP sessions
	user, key   string   // for the log; key is a fingerprint
	methods     []string // authentication methods that failed
	authed      bool
	opened      bool // a session channel was opened; there is never a second
	running     bool // the session handler is running
	ended       bool // the session handler has returned
	closed      bool
	reason      string                  // why the connection ended; the first one set wins
	stopSession context.CancelCauseFunc // ends the running session; nil while none can be ended
	interactive bool
	shutdown    bool        // the server is shutting down
	watchdog    *time.Timer // closes the connection if a stopped session does not end
}

// slot is which of the server's counts a connection is in.
type slot int

const (
	slotNone      slot = iota // not counted: dropped, or already forgotten
	slotHandshake             // no session yet: handshake, authentication, or told busy
	slotSession               // holding a session slot
)

// admit is the gliderlabs ConnCallback: it counts a new TCP connection among
// those in their handshake, or drops it when there are too many. A
// connection takes a session slot only once it has authenticated and opened
// its session (takeSessionSlot): a client that cannot or does not
// authenticate must not lock real readers out.
func (s *Server) admit(ctx ssh.Context, nc net.Conn) net.Conn {
	c := &conn{Conn: nc, srv: s, addr: addrKey(nc.RemoteAddr()), start: time.Now()}
	// Assigned under the lock the timer's function takes, so that it sees
	// the field set even if it fires at once.
	c.mu.Lock()
	c.bare = time.AfterFunc(s.cfg.HandshakeTimeout, c.expire)
	c.silent = time.AfterFunc(s.cfg.SilentTimeout, func() {
		if !c.heard.Load() {
			c.closeWith("sent nothing")
		}
	})
	c.mu.Unlock()

	s.mu.Lock()
	reason := ""
	switch {
	case s.closing:
		reason = "server shutdown"
	case s.handshaking >= s.cfg.MaxHandshakes:
		reason = "too many connections in their handshake"
	case s.handshakingPer[c.addr] >= s.maxHandshakesPerAddr():
		reason = "too many connections in their handshake from one address"
	}
	if reason != "" {
		s.mu.Unlock()
		c.bare.Stop()
		c.silent.Stop()
		s.log.Warn("connection dropped", "remote", nc.RemoteAddr().String(), "reason", reason)
		return nil
	}
	s.handshaking++
	s.handshakingPer[c.addr]++
	c.slot = slotHandshake
	s.conns[c] = struct{}{}
	s.mu.Unlock()

	ctx.SetValue(connKey{}, c)
	return c
}

// maxHandshakesPerAddr bounds the connections one address may have in their
// handshake: a few times what it may hold as sessions, so that a client
// reconnecting quickly is not refused, and far below MaxHandshakes, so that
// one address cannot take them all.
func (s *Server) maxHandshakesPerAddr() int {
	return min(4*s.cfg.MaxPerIP, s.cfg.MaxHandshakes)
}

// takeSessionSlot moves an authenticated connection that opens its session
// from the handshake count to a session slot. When none is free, or its
// address holds MaxPerIP already, the connection is marked busy and stays
// in the handshake count while it is told so.
func (s *Server) takeSessionSlot(c *conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.slot != slotHandshake {
		return
	}
	if s.sessions >= s.cfg.MaxSessions || s.perAddr[c.addr] >= s.cfg.MaxPerIP {
		c.mu.Lock()
		c.busy = true
		c.crowded = s.sessions < s.cfg.MaxSessions
		c.mu.Unlock()
		return
	}
	s.leaveHandshakeLocked(c)
	s.sessions++
	s.perAddr[c.addr]++
	c.slot = slotSession
}

// isBusy reports whether the connection's session was refused a slot, and
// whether it was for its address's sessions rather than the server's.
func (c *conn) isBusy() (busy, crowded bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.busy, c.crowded
}

// leaveHandshakeLocked takes c out of the handshake count; s.mu is held.
func (s *Server) leaveHandshakeLocked(c *conn) {
	s.handshaking--
	if s.handshakingPer[c.addr]--; s.handshakingPer[c.addr] <= 0 {
		delete(s.handshakingPer, c.addr)
	}
}

// forget gives back a connection's slot once it is closed and its session
// handler, if any, has returned: only then are its resources really free.
func (s *Server) forget(c *conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.conns[c]; !ok {
		return
	}
	delete(s.conns, c)
	switch c.slot {
	case slotHandshake:
		s.leaveHandshakeLocked(c)
	case slotSession:
		s.sessions--
		if s.perAddr[c.addr]--; s.perAddr[c.addr] <= 0 {
			delete(s.perAddr, c.addr)
		}
	}
	c.slot = slotNone
	if s.closing && len(s.conns) == 0 {
		s.drainOnce.Do(func() { close(s.drained) })
	}
}

// addrKey is the unit of the per-address limits for a remote address: the
// IPv4 address, or the /64 an IPv6 address belongs to, since one IPv6
// client is usually given a whole /64 and could otherwise take a new address
// for every connection.
func addrKey(addr net.Addr) string {
	var ip netip.Addr
	if tcp, ok := addr.(*net.TCPAddr); ok {
		ip, _ = netip.AddrFromSlice(tcp.IP)
	} else if ap, err := netip.ParseAddrPort(addr.String()); err == nil {
		ip = ap.Addr()
	} else {
		return addr.String()
	}
	ip = ip.Unmap().WithZone("")
	if ip.Is6() {
		return netip.PrefixFrom(ip, 64).Masked().String()
	}
	return ip.String()
}

// Read reads from the client; the first bytes it reads stop the silent
// timer.
func (c *conn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 && !c.heard.Load() {
		c.heard.Store(true)
		c.mu.Lock()
		c.silent.Stop()
		c.mu.Unlock()
	}
	return n, err
}

// Close closes the connection once and logs its end. gliderlabs, x/crypto and
// the server's own timers all call it.
func (c *conn) Close() error {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil
	}
	c.closed = true
	c.bare.Stop()
	c.silent.Stop()
	if c.watchdog != nil {
		c.watchdog.Stop()
	}
	reason := c.reason
	if reason == "" {
		reason = c.defaultReasonLocked()
	}
	user, key, done := c.user, c.key, !c.running
	c.mu.Unlock()

	err := c.Conn.Close()
	c.srv.log.Info("disconnect",
		"remote", c.RemoteAddr().String(),
		"user", logField(user),
		"key", orNone(key),
		"duration", time.Since(c.start).Round(time.Millisecond),
		"reason", reason)
	if done {
		c.srv.forget(c)
	}
	return err
}

// defaultReasonLocked explains an end nobody gave a reason for.
func (c *conn) defaultReasonLocked() string {
	switch {
	case c.authed || c.ended:
		return "client closed the connection"
	case len(c.methods) > 0:
		return "authentication failed (" + strings.Join(c.methods, ", ") + ")"
	default:
		return "client left during the handshake"
	}
}

// closeWith closes the connection, first recording why.
func (c *conn) closeWith(reason string) {
	c.setReason(reason)
	_ = c.Close()
}

// setReason records why the connection ends, unless a reason is already set:
// the first cause is the true one, later ones are its consequences.
func (c *conn) setReason(reason string) {
	c.mu.Lock()
	if c.reason == "" {
		c.reason = reason
	}
	c.mu.Unlock()
}

// expire is the bare timer's action.
func (c *conn) expire() {
	c.mu.Lock()
	running, authed, ended := c.running, c.authed, c.ended
	c.mu.Unlock()
	switch {
	case running:
		// The session started just as the timer fired; it has its own timers.
	case ended:
		_ = c.Close() // keeps the session's reason
	case authed:
		c.closeWith("no session started in time")
	default:
		c.closeWith("handshake timeout")
	}
}

// noteUser records who is authenticating, for the log.
func (c *conn) noteUser(user, key string) {
	c.mu.Lock()
	c.user, c.key = user, key
	c.mu.Unlock()
}

// noteAuth records an authentication attempt's outcome.
func (c *conn) noteAuth(method string, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if ok {
		c.authed = true
		return
	}
	c.methods = append(c.methods, method)
}

// claimSession lets the first session channel of a connection through and
// no other: one session per connection is what makes a connection slot a
// session slot, and what keeps MaxSession from being reset by opening more.
func (c *conn) claimSession() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.opened {
		return false
	}
	c.opened = true
	return true
}

// beginSession marks the session handler as running. It reports false when
// the server is already shutting down, in which case the session must only
// say so and end.
func (c *conn) beginSession(user, key string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.bare.Stop()
	c.running = true
	c.authed = true
	c.user, c.key = user, key
	return !c.shutdown
}

// attach hands the connection the switch that ends its session, so that
// timers and Shutdown can use it. If Shutdown came first, an interactive
// session is ended at once.
func (c *conn) attach(stop context.CancelCauseFunc, interactive bool) {
	c.mu.Lock()
	c.stopSession, c.interactive = stop, interactive
	pending := c.shutdown && interactive
	c.mu.Unlock()
	if pending {
		c.stop(errShutdown)
	}
}

// stop ends the running session for cause; it does nothing when no session
// is running. A session that has not ended ShutdownGrace later (a model stuck
// in Update, a client that stopped reading) loses its connection, which
// unblocks everything it waits on.
func (c *conn) stop(cause error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopSession == nil || !c.running {
		return
	}
	c.stopSession(cause)
	if c.watchdog == nil {
		c.watchdog = time.AfterFunc(c.srv.cfg.ShutdownGrace, func() {
			c.closeWith(fmt.Sprintf("session did not end within %s of %s", c.srv.cfg.ShutdownGrace, cause))
		})
	}
}

// endSession marks the session handler as returned and gives a client that
// does not hang up HandshakeTimeout to do so.
func (c *conn) endSession() {
	c.mu.Lock()
	c.running, c.ended, c.stopSession = false, true, nil
	if c.watchdog != nil {
		c.watchdog.Stop()
	}
	closed := c.closed
	if !closed {
		c.bare.Reset(c.srv.cfg.HandshakeTimeout)
	}
	c.mu.Unlock()
	if closed {
		c.srv.forget(c)
	}
}

// beginShutdown tells the connection the server is going down: an
// interactive session is ended with a message, an exec session may finish,
// and a connection without a session is closed now.
func (c *conn) beginShutdown() {
	c.mu.Lock()
	c.shutdown = true
	running, interactive := c.running, c.interactive
	c.mu.Unlock()
	switch {
	case !running:
		c.closeWith("server shutdown")
	case interactive:
		c.stop(errShutdown)
	}
}

// orNone keeps empty log values readable.
func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
