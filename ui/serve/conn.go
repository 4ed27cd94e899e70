package serve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gliderlabs/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/newsdiff/newsdiff/ui/internal/duration"
)

// connKey is the ssh.Context key under which a connection's *conn lives.
type connKey struct{}

// connFrom returns the connection a gliderlabs context belongs to.
func connFrom(ctx ssh.Context) *conn {
	c, _ := ctx.Value(connKey{}).(*conn)
	return c
}

// conn is one client connection from accept to close: its session slots,
// the timer that bounds its time without a running session, its sessions,
// and what its disconnect line will say. gliderlabs and x/crypto see it as
// the net.Conn, so every way a connection can end goes through Close.
//
// A connection carries any number of sessions one after another, and up to
// MaxPerConn session channels at once: OpenSSH's connection sharing
// (ControlMaster) runs every ssh command to the host over one connection.
// Each session that runs takes its own session slot, and the connection
// counts among those in their handshake whenever none of its sessions holds
// one.
type conn struct {
	net.Conn
	srv   *Server
	addr  string // the unit of the per-address limits: an IPv4 address or an IPv6 /64
	start time.Time

	// bare closes a connection that has no running session: one still in its
	// handshake, one whose session never starts, one whose client does not
	// hang up after its sessions ended.
	bare *time.Timer
	// silent closes a connection that sends nothing; the first byte read
	// stops it.
	silent *time.Timer
	heard  atomic.Bool

	// slots is how many session slots its sessions hold; guarded by srv.mu,
	// not mu. While it is 0 and the connection is open, the connection is
	// in the handshake count, and inHandshake says so.
	slots       int
	inHandshake bool // guarded by srv.mu
	// hungUp is set, under srv.mu, as the server closes the connection,
	// before its socket closes: from then on it holds no place in the
	// handshake count, so that a client that sees its connection end can
	// connect again at once.
	hungUp bool

	mu        sync.Mutex
	user, key string   // for the log; key is a fingerprint
	methods   []string // authentication methods that failed, fit for the log
	authed    bool
	channels  int                   // session channels open now
	draining  int                   // sessions ended whose client has not closed their channel yet
	opened    int                   // session channels opened so far: the next one's number
	started   int                   // sessions whose handler started
	running   map[*session]struct{} // sessions whose handler is running
	closed    bool
	done      chan struct{} // closed with the connection
	reason    string        // why the connection ended; the first one set wins
	shutdown  bool          // the server is shutting down
}

// session is one session channel of a connection, from its opening until
// the client's close: its slot, the timer that closes it when it never
// starts, its stop switch and the watchdog behind it.
type session struct {
	c     *conn
	n     int // its number on the connection, from 1, for the log
	start time.Time
	// ctx is the session's own context, under the connection's: it ends
	// when the channel closes.
	ctx    context.Context
	cancel context.CancelCauseFunc
	// window holds the newest window size the client sent (pty-req, then
	// window-change), for the reader; the request filter puts them there.
	window *latestWindow
	// width is the newest width in columns the client sent, as it sent
	// it (0: unknown), for TerminalWidth.
	width atomic.Int64

	slot bool // it holds a session slot; guarded by srv.mu

	// Guarded by c.mu.
	ch          gossh.Channel // once accepted
	input       *channelInput // the channel's input, once accepted
	unstarted   *time.Timer   // closes the channel if no shell or exec comes in time
	began       bool          // its handler started
	ended       bool          // its handler returned
	gone        bool          // the client's close has arrived (closeChannel)
	draining    bool          // ended, and counted in c.draining until the client's close
	stopSession context.CancelCauseFunc
	interactive bool
	watchdog    *time.Timer // closes the connection if a stopped session does not end
	reason      string      // why a session that never started ended (a refused subsystem)
}

// admit is the gliderlabs ConnCallback: it counts a new TCP connection among
// those in their handshake, or drops it when there are too many. A
// connection's session takes a session slot only once it has authenticated
// and started its session (takeSessionSlot): a client that cannot or does
// not authenticate must not lock real readers out.
func (s *Server) admit(ctx ssh.Context, nc net.Conn) net.Conn {
	c := &conn{Conn: nc, srv: s, addr: addrKey(nc.RemoteAddr()), start: time.Now(), running: make(map[*session]struct{}),
		done: make(chan struct{})}
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
		s.logDrop(nc.RemoteAddr().String(), c.addr, reason)
		return nil
	}
	s.enterHandshakeLocked(c)
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

// takeSessionSlot gives a session that starts a session slot. When none is
// free (busy), or its address holds MaxPerIP already (crowded too), it gets
// none and is only told so. A connection's first slot takes it out of the
// handshake count.
func (s *Server) takeSessionSlot(ss *session) (busy, crowded bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := ss.c
	if _, open := s.conns[c]; !open || c.hungUp || ss.slot {
		return true, false // closed already: it has no one to serve
	}
	if s.sessions >= s.cfg.MaxSessions || s.perAddr[c.addr] >= s.cfg.MaxPerIP {
		return true, s.sessions < s.cfg.MaxSessions
	}
	if c.slots == 0 {
		s.leaveHandshakeLocked(c)
	}
	c.slots++
	s.sessions++
	s.perAddr[c.addr]++
	ss.slot = true
	return false, false
}

// releaseSlot gives back a session's slot once its handler has returned.
// A connection left without one, and still open, counts among those in
// their handshake again, as it did before its first session: it may be
// over MaxHandshakes then, which bounds the connections admitted, not these.
func (s *Server) releaseSlot(ss *session) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !ss.slot {
		return
	}
	ss.slot = false
	c := ss.c
	s.sessions--
	if s.perAddr[c.addr]--; s.perAddr[c.addr] <= 0 {
		delete(s.perAddr, c.addr)
	}
	if c.slots--; c.slots == 0 {
		if _, open := s.conns[c]; open && !c.hungUp {
			s.enterHandshakeLocked(c)
		}
	}
}

// enterHandshakeLocked counts c among the connections in their handshake;
// s.mu is held.
func (s *Server) enterHandshakeLocked(c *conn) {
	if c.inHandshake {
		return
	}
	c.inHandshake = true
	s.handshaking++
	s.handshakingPer[c.addr]++
}

// leaveHandshakeLocked takes c out of the handshake count; s.mu is held.
func (s *Server) leaveHandshakeLocked(c *conn) {
	if !c.inHandshake {
		return
	}
	c.inHandshake = false
	s.handshaking--
	if s.handshakingPer[c.addr]--; s.handshakingPer[c.addr] <= 0 {
		delete(s.handshakingPer, c.addr)
	}
}

// hangUp takes a connection the server is closing out of the handshake
// count before its socket closes. Its sessions' slots stay taken until their
// handlers return (releaseSlot), and the connection stays among those
// Shutdown waits for until forget.
func (s *Server) hangUp(c *conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c.hungUp = true
	s.leaveHandshakeLocked(c)
}

// forget takes a connection out of the server's counts once it is closed
// and no session handler of it is running: only then are its resources
// really free. The slot of a session whose handler is just returning is
// released by that handler.
func (s *Server) forget(c *conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.conns[c]; !ok {
		return
	}
	delete(s.conns, c)
	s.leaveHandshakeLocked(c)
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

// Write writes to the client under WriteTimeout. Each session's output
// has its own bound (stallGuard), since a client may read one session and
// not another; a write here that cannot finish means the client takes
// nothing on any of them, or is gone without a word, and the connection
// is closed.
func (c *conn) Write(p []byte) (int, error) {
	timeout := c.srv.cfg.WriteTimeout
	_ = c.Conn.SetWriteDeadline(time.Now().Add(timeout))
	n, err := c.Conn.Write(p)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		c.closeWith("connection took no data for " + timeout.String())
	}
	return n, err
}

// SetDeadline sets the read deadline only: the write deadline is Write's.
// gliderlabs calls SetDeadline before every read and every write, for
// timeouts this server leaves unset, and so with no deadline at all; each
// read then cleared the deadline of a write waiting for the client, and a
// client that read nothing but went on sending kept that write, and its
// connection, for as long as it liked.
func (c *conn) SetDeadline(t time.Time) error {
	return c.Conn.SetReadDeadline(t)
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
	close(c.done)
	c.bare.Stop()
	c.silent.Stop()
	reason := c.reason
	if reason == "" {
		reason = c.defaultReasonLocked()
	}
	user, key, started, done := c.user, c.key, c.started, len(c.running) == 0
	// A connection that never got in is the client's to repeat as fast
	// as it likes: its lines are rate-limited (logUnauthed).
	unauthed := !c.authed && started == 0
	c.mu.Unlock()

	c.srv.hangUp(c)
	err := c.Conn.Close()
	attrs := []any{"remote", c.RemoteAddr().String(), "user", logField(user), "key", orNone(key), "sessions", started,
		"duration", time.Since(c.start).Round(time.Millisecond), "reason", reason}
	switch {
	case !unauthed:
		c.srv.logClient(slog.LevelInfo, c.addr, "disconnect", reason, attrs...)
	case c.srv.logUnauthed(c.addr, reason):
		c.srv.log.Info("disconnect", attrs...)
	}
	if done {
		c.srv.forget(c)
	}
	return err
}

// authFailed begins the reason of a connection whose client tried to
// authenticate and failed; the methods it tried follow in brackets.
const authFailed = "authentication failed"

// defaultReasonLocked explains an end nobody gave a reason for.
func (c *conn) defaultReasonLocked() string {
	switch {
	case c.authed || c.started > 0:
		return "client closed the connection"
	case len(c.methods) > 0:
		return authFailed + " (" + strings.Join(c.methods, ", ") + ")"
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

// expire is the bare timer's action: the connection has no running
// session, and has had none for HandshakeTimeout, or for IdleTimeout while
// its client has not closed a session that ended (bareWaitLocked).
func (c *conn) expire() {
	c.mu.Lock()
	running, draining, authed, started := len(c.running) > 0, c.draining > 0, c.authed, c.started > 0
	c.mu.Unlock()
	switch {
	case running:
		// A session started just as the timer fired; it has its own timers.
	case draining:
		c.closeWith("client did not close an ended session in " + duration.Short(c.srv.cfg.IdleTimeout))
	case started:
		c.closeWith("no new session in time")
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
	c.methods = append(c.methods, logField(method)) // the client names it
}

// openChannel admits a new session channel, unless the connection is
// closed or has MaxPerConn open already. Its timer closes it if it does not
// start within HandshakeTimeout: a channel opened and left alone must not
// hold a place for ever.
func (c *conn) openChannel(ctx context.Context) (*session, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed || c.channels >= c.srv.cfg.MaxPerConn {
		return nil, false
	}
	c.channels++
	c.opened++
	ss := &session{c: c, n: c.opened, start: time.Now(), window: newLatestWindow()}
	ss.ctx, ss.cancel = context.WithCancelCause(ctx)
	// Assigned under the lock its function takes.
	ss.unstarted = time.AfterFunc(c.srv.cfg.HandshakeTimeout, ss.expire)
	return ss, true
}

// accepted records the accepted channel, which expire closes, and its
// input.
func (ss *session) accepted(ch gossh.Channel, input *channelInput) {
	ss.c.mu.Lock()
	ss.ch, ss.input = ch, input
	ss.c.mu.Unlock()
}

// takeInput says what becomes of the channel's input from now on.
func (ss *session) takeInput(m inputMode) {
	ss.c.mu.Lock()
	input := ss.input
	ss.c.mu.Unlock()
	if input != nil {
		input.setMode(m)
	}
}

// expire is the unstarted timer's action: a channel that has asked for
// neither a shell nor a command in time is closed.
func (ss *session) expire() {
	c := ss.c
	c.mu.Lock()
	if ss.began {
		c.mu.Unlock()
		return
	}
	if ss.reason == "" {
		ss.reason = "no shell or command asked for in time"
	}
	ch := ss.ch
	c.mu.Unlock()
	if ch != nil {
		_ = ch.Close()
	}
}

// resized records a window size the client sent, in its pty-req or a
// window change: clamped for the reader, and its width as sent for
// TerminalWidth.
func (ss *session) resized(columns, rows uint32) {
	ss.window.put(clampWindow(int(columns), int(rows)))
	ss.width.Store(int64(columns))
}

// setReason records why a session that never starts ends, unless a reason
// is already set.
func (ss *session) setReason(reason string) {
	ss.c.mu.Lock()
	if ss.reason == "" {
		ss.reason = reason
	}
	ss.c.mu.Unlock()
}

// closeChannel is called once the client's close has arrived (or the
// connection is gone): the channel's place on the connection is free, the
// session's context ends, and a session that never started logs its end.
// A connection left without a running session, and without a session
// whose output its client may still be taking, has HandshakeTimeout from
// now to start another. During Shutdown, a connection left with no
// channel is closed.
func (ss *session) closeChannel() {
	c := ss.c
	c.mu.Lock()
	c.channels--
	ss.gone = true
	ss.unstarted.Stop()
	if ss.draining {
		ss.draining = false
		if c.draining--; c.draining == 0 && len(c.running) == 0 && !c.closed {
			c.bare.Reset(c.bareWaitLocked())
		}
	}
	began, reason, user := ss.began, ss.reason, c.user
	// The client has closed its last channel, so it has all the output
	// it was sent: a connection the server would only tell it is
	// shutting down need not wait for it to hang up.
	finished := c.shutdown && c.channels == 0 && len(c.running) == 0
	c.mu.Unlock()
	if finished {
		defer c.closeWith("server shutdown")
	}
	ss.cancel(errClientGone)
	if began {
		return // its handler logged its end
	}
	if reason == "" {
		reason = "closed before it started"
	}
	c.srv.logClient(slog.LevelInfo, c.addr, "session end", reason, "remote", c.RemoteAddr().String(), "user", logField(user),
		"n", ss.n, "session", "none", "duration", time.Since(ss.start).Round(time.Millisecond), "reason", reason)
}

// beginSession marks the session handler as running. It reports false when
// the server is already shutting down, in which case the session must only
// say so and end.
func (ss *session) beginSession(user, key string) bool {
	c := ss.c
	c.mu.Lock()
	defer c.mu.Unlock()
	ss.unstarted.Stop()
	ss.began = true
	c.bare.Stop()
	c.running[ss] = struct{}{}
	c.started++
	c.authed = true
	c.user, c.key = user, key
	return !c.shutdown
}

// attach hands the session the switch that ends it, so that timers and
// Shutdown can use it. If Shutdown came first, an interactive session is
// ended at once.
func (ss *session) attach(stop context.CancelCauseFunc, interactive bool) {
	c := ss.c
	c.mu.Lock()
	ss.stopSession, ss.interactive = stop, interactive
	pending := c.shutdown && interactive
	c.mu.Unlock()
	if pending {
		ss.stop(errShutdown)
	}
}

// stop ends the running session for cause; it does nothing once the
// session has ended or before it has attached its switch. A session that
// has not ended ShutdownGrace later (a model stuck in Update, a command
// that heeds neither its context nor its failing writes) has its channel
// closed: its client is let go, and whatever the session waits on of the
// client (its input, its window) ends. The connection is left to the
// other sessions it carries; output that waits for a client that reads
// nothing is the stall guard's, and a connection that takes nothing at
// all is closed by its write deadline.
func (ss *session) stop(cause error) {
	c := ss.c
	c.mu.Lock()
	defer c.mu.Unlock()
	if ss.stopSession == nil || ss.ended {
		return
	}
	ss.stopSession(cause)
	if ss.watchdog == nil {
		grace, ch := c.srv.cfg.ShutdownGrace, ss.ch
		ss.watchdog = time.AfterFunc(grace, func() {
			c.mu.Lock()
			user := c.user
			c.mu.Unlock()
			c.srv.logClient(slog.LevelWarn, c.addr, "session stuck", "", "remote", c.RemoteAddr().String(), "user", logField(user),
				"n", ss.n, "reason", fmt.Sprintf("did not end within %s of %s; its channel was closed", grace, cause))
			_ = ch.Close()
		})
	}
}

// endSession marks the session handler as returned and gives back its
// slot. A connection left with no running session gets HandshakeTimeout
// to start another or hang up, or IdleTimeout while the client has not
// closed this session (bareWaitLocked), if it is taking its output: one
// that stopped reading it (stalled) is not waited for.
func (ss *session) endSession(stalled bool) {
	// Nothing reads the channel's input any more.
	ss.takeInput(inputDiscard)
	c := ss.c
	c.mu.Lock()
	ss.ended, ss.stopSession = true, nil
	if ss.watchdog != nil {
		ss.watchdog.Stop()
	}
	delete(c.running, ss)
	if !ss.gone && !ss.draining && !stalled {
		ss.draining = true
		c.draining++
	}
	idle, closed := len(c.running) == 0, c.closed
	if idle && !closed {
		c.bare.Reset(c.bareWaitLocked())
	}
	c.mu.Unlock()
	c.srv.releaseSlot(ss)
	if idle && closed {
		c.srv.forget(c)
	}
}

// bareWaitLocked is how long a connection without a running session is
// kept; c.mu is held. Its client has HandshakeTimeout to start another
// session or hang up, once it has closed every session that ended. Until
// then it may still be taking their output: the exit status and the
// channel's close come right after the last bytes, and OpenSSH closes
// the channel only once it has written them all out, to a pipe that may
// be slow (`ssh HOST diff A B | less`, read for minutes). Closing the
// connection then cut the output, and ssh still exited 0. Such a client
// is given IdleTimeout, as one at a reader is, with no session slot.
func (c *conn) bareWaitLocked() time.Duration {
	if c.draining > 0 {
		return c.srv.cfg.IdleTimeout
	}
	return c.srv.cfg.HandshakeTimeout
}

// beginShutdown tells the connection the server is going down: interactive
// sessions are ended with a message, exec sessions may finish, and a
// connection without a running session, whose client has closed every
// session that ended, is closed now; another, once its client has closed
// them (closeChannel).
func (c *conn) beginShutdown() {
	c.mu.Lock()
	c.shutdown = true
	var interactive []*session
	for ss := range c.running {
		if ss.interactive {
			interactive = append(interactive, ss)
		}
	}
	// A client still taking the output of a session that ended is let
	// finish, as a running command is.
	busy := len(c.running) > 0 || c.draining > 0
	c.mu.Unlock()
	if !busy {
		c.closeWith("server shutdown")
		return
	}
	for _, ss := range interactive {
		ss.stop(errShutdown)
	}
}

// orNone keeps empty log values readable.
func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
