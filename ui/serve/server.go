package serve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"slices"
	"sync"
	"time"

	"github.com/gliderlabs/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/newsdiff/newsdiff/ui/internal/plural"
)

// forceWait bounds how long Shutdown waits, after closing every connection,
// for the session handlers to notice. Only a model stuck in its own code
// takes longer, and such a session is abandoned rather than waited for.
const forceWait = 2 * time.Second

// Server is a generic host for a Bubble Tea model over SSH. It knows nothing
// about the model or the commands it runs. They are injected through
// [Config]: NewModel builds the Bubble Tea model for one interactive
// session from the session's own lipgloss renderer, and Exec runs one
// non-interactive command with the session as its stdout and stderr. The
// caller wires them up and runs the server until SIGINT or SIGTERM:
//
//	srv, err := serve.New(serve.Config{
//		NewModel: func(ctx context.Context, r *lipgloss.Renderer, width, height int) tea.Model {
//			return newReader(r) // the reader, styled with the session's renderer
//		},
//		Exec: func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
//			return runCommand(ctx, args, stdout, stderr) // the CLI, without access to files
//		},
//		CorpusSize: "1 story, 5 articles",
//		Logger:     slog.Default(),
//	})
//	if err != nil {
//		return err
//	}
//	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
//	defer stop()
//	return srv.Run(ctx) // nil after a clean shutdown
//
// The model also receives a tea.WindowSizeMsg with the pty size when the
// program starts, as it would in a local terminal.
//
// The server is a thin layer over gliderlabs/ssh. A connection without a
// running session (in its handshake, authenticating, between sessions)
// counts against MaxHandshakes, four times MaxPerIP of them from one
// address; beyond that, new connections are dropped unanswered. A session
// takes a session slot once its connection has authenticated and it has
// asked for a shell or a command (at most MaxSessions in all and MaxPerIP
// from one address, an IPv6 /64 counting as one), and gives it back when
// it ends; a session over the limit of all is told "server busy", and one
// over its address's limit that its address has too many, and closed. A
// connection carries any number of sessions, one after another and up to
// MaxPerConn at once, as OpenSSH's connection sharing (ControlMaster)
// opens them; each takes its own slot and has its own timers, and a
// session channel that starts nothing within HandshakeTimeout is closed.
//
// Every session request whose payload gliderlabs reads (pty-req,
// window-change, env, exec, ...) is first decoded with gossh.Unmarshal into
// its RFC 4254 struct and refused if it does not decode exactly, so that no
// client message reaches gliderlabs' own decoders malformed. An exec
// command over 4 KiB is refused before it is split into words. What
// gliderlabs keeps of a channel's requests is bounded: a session's
// environment to 32 variables and 16 KiB, a pty request to 4 KiB; signals,
// which nothing here takes, are refused. A channel's input is read as it
// comes and kept only for a reader, 4 KiB of it at most (typed ahead of
// the session, or waiting for the program), so that input nothing reads
// holds no memory; a bracketed paste reaches the reader cut to 4 KiB. A
// key whose bytes come in two reads reaches it whole: input that ends in
// the middle of one waits up to 50 ms for the rest, as a terminal program
// waits, so a lone Esc comes that much later than other keys.
//
// A session is one of:
//
//   - a shell with a pty: the reader. Its lipgloss renderer takes its colour
//     profile from the client's TERM and environment (TERM=dumb or NO_COLOR
//     give plain text), the program runs in the alternate screen, window
//     changes arrive as tea.WindowSizeMsg clamped to 500×200 (only the latest
//     of a burst: they are never queued), a pty of 0×0 (a size the
//     client does not know) is laid out as 80×24 until a window change
//     says otherwise, and the program is killed when the session ends for
//     any reason;
//   - an exec of an allowed command (Config.ExecCommands, "diff" and "list" by
//     default): Exec's output and exit status are passed through unchanged,
//     but for the line ends of both its streams, "\r\n" with a pty, as a
//     terminal's; and with a pty Exec learns the client's terminal width
//     (TerminalWidth) and its TERM and environment (TerminalEnv);
//   - anything else (a shell without a pty, another command): a one-line
//     message and exit status 1.
//
// Subsystems such as sftp, port forwarding in both directions, agent and X11
// forwarding, and every other global request or channel type are refused at
// the protocol level. A client that asks for a subsystem (sftp, scp) on a
// channel that has started nothing is first told on stderr that there are
// none, and its disconnect line says which it asked for. Passwords are
// never offered: without AuthorizedKeysPath any public key or a
// keyboard-interactive exchange with no questions gets in; with it, only
// the listed keys do, and a key whose options the server cannot hold it
// to (from=, command=, ...) keeps it from starting, and so does a file
// or folder another user could write (see Config.AuthorizedKeysPath).
// The file is read again when it changes: a key added or removed counts
// from the next authentication, and while the file is bad none gets in.
//
// HandshakeTimeout bounds any time a connection spends without a running
// session: the handshake, authentication and starting the first session,
// and the time after its last running session ended and the client closed
// it, before the client starts another or hangs up. A client that has not
// closed a session that ended may still be taking its output (OpenSSH
// closes the channel once it has written the output out, to a pipe that
// may be a pager) and has IdleTimeout to. IdleTimeout (no input
// from the client) and MaxSession end interactive sessions with a message;
// exec sessions get MaxSession as their context deadline; each session
// has its own, and a connection's later sessions start theirs afresh. A
// client whose input ends (EOF) ends its reader with status 0, once it
// has handled the keys that came before, as a program reading its input
// ends at its end. Output that has waited
// WriteTimeout for a client that reads nothing of it ends its session
// (status 1) and no other: each session has its own SSH window, and a
// client sharing a connection may read one session and not another. A
// reader so ended is sent, after the rest, what gives its client's
// terminal back (normal screen, cursor, mouse and paste modes off) and
// why it ended, if the client reads again within HandshakeTimeout. A
// connection that takes no data at all for WriteTimeout is closed. A panic in the
// model (Init, Update, View or a command it returns), in NewModel or in Exec
// is recovered, logged with its stack, and ends only that session. A session
// that does not end within ShutdownGrace of being told to has its channel
// closed, which lets its client go; its connection's other sessions go on.
//
// Shutdown stops accepting, ends every interactive session with a message,
// lets running exec sessions finish, closes each connection once its client
// has closed its sessions' channels, waits up to ShutdownGrace and then
// closes whatever is left.
//
// Logs go to Config.Logger (log/slog): the start (address, host-key
// fingerprint, corpus size), every session's start ("connect") and end
// ("session end": its number on the connection, exit status, duration,
// reason), and every disconnect (remote address, user, key fingerprint,
// sessions carried, duration, reason), and the authorized keys file read
// again with another set of keys ("authorized keys reloaded") or found
// bad, once for each reason ("authorized keys refused", the file's name
// escaped). Whatever the client chose (user,
// command, TERM) is cut to 200 bytes and escaped. Article text and keys are
// never logged. So that a client cannot fill the log by connecting in a
// loop, connections dropped over MaxHandshakes are logged one by one up to
// 5 a minute from each address, and so, in a count of their own, are the
// disconnects of connections that never authenticated (a key that is not
// listed, a client that hangs up or times out before it gets in); the rest
// of the minute's are one line an address and reason with their number,
// once the minute is over or the server shuts down. Each address has its
// own allowance, so that one client in a loop does not hide the others'
// lines; a minute follows 32 addresses, and any further ones share one
// more allowance. The lines of sessions and of connections that got in
// (connect, session end, disconnect, a panic or a stuck session, and at
// debug level each request or channel refused) are
// limited the same way, to 60 a minute from each address and 600 from
// all, since one connection may open and close channels for as long as
// it likes; the first of each kind from an address (a session that ran,
// a subsystem refused, a command over a limit, ...) is logged even past
// them, and the rest are a "log lines suppressed" line an address and
// message with their number.
//
// Create a Server with New; it is safe for concurrent use, and any number
// can run in one process.
type Server struct {
	cfg         Config
	log         *slog.Logger
	ssh         *ssh.Server
	hostKey     gossh.Signer
	authorized  *authorizedKeys // nil: anyone may connect
	execAllowed map[string]bool

	mu        sync.Mutex
	listeners []net.Listener
	conns     map[*conn]struct{}
	// Connections without a running session that holds a slot (in their
	// handshake, authenticating, between sessions, or being told the
	// server is busy) are counted in handshaking, which MaxHandshakes
	// bounds as they are admitted; sessions holding a slot are counted in
	// sessions, bounded by MaxSessions. Both are also counted per address
	// (addrKey).
	handshaking    int
	handshakingPer map[string]int
	sessions       int
	perAddr        map[string]int
	closing        bool
	stopping       chan struct{} // closed as closing is set
	drained        chan struct{} // closed once closing and every connection is gone
	drainOnce      sync.Once

	drops    dropLog // the connections dropped before their handshake
	unauthed dropLog // the disconnects of connections that never got in
	clients  dropLog // the lines of sessions and of connections that got in
}

// New loads the host key (creating it on first start), reads the authorized
// keys if configured, and returns a server ready for Serve, ListenAndServe or
// Run.
func New(cfg Config) (*Server, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	// The authorized keys first: a server they keep from starting
	// must not leave behind the host key it would have created.
	var authorized *authorizedKeys
	if cfg.AuthorizedKeysPath != "" {
		if authorized, err = newAuthorizedKeys(cfg.AuthorizedKeysPath, cfg.Logger); err != nil {
			return nil, err
		}
	}
	hostKey, created, err := loadOrCreateHostKey(cfg.HostKeyPath)
	if err != nil {
		return nil, err
	}
	if created {
		cfg.Logger.Info("created host key", "path", cfg.HostKeyPath)
	}
	s := &Server{
		cfg:            cfg,
		log:            cfg.Logger,
		hostKey:        hostKey,
		authorized:     authorized,
		execAllowed:    make(map[string]bool),
		conns:          make(map[*conn]struct{}),
		handshakingPer: make(map[string]int),
		perAddr:        make(map[string]int),
		stopping:       make(chan struct{}),
		drained:        make(chan struct{}),
	}
	s.drops.onDue = s.logDropCounts
	s.unauthed.onDue = s.logUnauthedCounts
	s.clients.perAddr, s.clients.overall, s.clients.firsts = clientLogPerAddr, clientLogOverall, true
	s.clients.onDue = s.logClientCounts
	for _, name := range cfg.ExecCommands {
		s.execAllowed[name] = true
	}
	s.ssh = &ssh.Server{
		HostSigners:          []ssh.Signer{hostKey},
		Version:              "newsdiff",
		PublicKeyHandler:     s.allowPublicKey,
		ConnCallback:         s.admit,
		ServerConfigCallback: s.serverConfig,
		// Explicit, non-nil maps: gliderlabs would otherwise copy its
		// package-level defaults, which any other code in the process may
		// have extended. Empty request and subsystem maps refuse
		// tcpip-forward, every other global request, and sftp.
		// Each session channel gets a handler of its own (openSession), so
		// the server-wide Handler is never called.
		ChannelHandlers: map[string]ssh.ChannelHandler{
			"session": s.openSession,
			"default": s.rejectChannel,
		},
		RequestHandlers:   map[string]ssh.RequestHandler{},
		SubsystemHandlers: map[string]ssh.SubsystemHandler{},
	}
	if s.authorized == nil {
		s.ssh.KeyboardInteractiveHandler = s.allowKeyboardInteractive
	}
	return s, nil
}

// HostKey returns the server's public host key, e.g. for a client's
// known_hosts or for gossh.FixedHostKey in tests.
func (s *Server) HostKey() gossh.PublicKey { return s.hostKey.PublicKey() }

// Addr returns the address of the first listener being served, or nil
// before Serve has started; with Listen ":0" it tells which port was chosen.
func (s *Server) Addr() net.Addr {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.listeners) == 0 {
		return nil
	}
	return s.listeners[0].Addr()
}

// Serve accepts connections on ln until Shutdown, then returns nil. Any other
// error from ln is returned. Serve closes ln.
func (s *Server) Serve(ln net.Listener) error {
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		_ = ln.Close()
		return nil
	}
	s.listeners = append(s.listeners, ln)
	s.mu.Unlock()

	auth := "open"
	if s.authorized != nil {
		auth = plural.Count(s.authorized.count(), "authorized key", "authorized keys")
	}
	s.log.Info("serving", "addr", ln.Addr().String(), "host_key", gossh.FingerprintSHA256(s.HostKey()),
		"corpus", s.cfg.CorpusSize, "auth", auth)

	err := s.ssh.Serve(ln)

	s.mu.Lock()
	closing := s.closing
	s.listeners = slices.DeleteFunc(s.listeners, func(l net.Listener) bool { return l == ln })
	s.mu.Unlock()
	if closing || errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return fmt.Errorf("serve: %w", err)
}

// Listen listens on addr as Run and ListenAndServe do, for a caller that
// listens before New and serves with RunListener. An IP address is
// listened on in its own family alone, as sshd's ListenAddress takes it:
// 0.0.0.0:2222 on every IPv4 address and no IPv6 one, [::]:2222 on every
// IPv6 address. Go's "tcp" listened on 0.0.0.0 in IPv6 too, so a server
// its operator had kept to IPv4 took IPv6 clients as well, and logged
// that it served [::]. A port alone (":2222") or a host name is listened
// on as Go does, on both families.
func Listen(addr string) (net.Listener, error) {
	ln, err := net.Listen(listenNetwork(addr), addr)
	if oe, ok := errors.AsType[*net.OpError](err); ok {
		// Said as before, and as the user thinks of it: "listen tcp
		// 127.0.0.1:2222: bind: address already in use", not "tcp4".
		oe.Net = "tcp"
	}
	return ln, err
}

// listenNetwork is the network Listen listens on addr in: "tcp4" for an
// IPv4 address (one mapped into IPv6 too), "tcp6" for an IPv6 address,
// and "tcp", both, for anything else.
func listenNetwork(addr string) string {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return "tcp"
	}
	ip, err := netip.ParseAddr(host)
	switch {
	case err != nil:
		return "tcp" // a name, or no host at all
	case ip.Unmap().Is4():
		return "tcp4"
	}
	return "tcp6"
}

// ListenAndServe listens on Config.Listen and serves until Shutdown.
func (s *Server) ListenAndServe() error {
	ln, err := Listen(s.cfg.Listen)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	return s.Serve(ln)
}

// Run listens on Config.Listen and serves until ctx is done, then shuts down
// gracefully and returns nil. It is what main calls with a context from
// signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM).
func (s *Server) Run(ctx context.Context) error {
	ln, err := Listen(s.cfg.Listen)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	return s.RunListener(ctx, ln)
}

// RunListener serves ln as Run serves the listener it opens, until ctx is
// done, and closes it. A caller that listens before New, so that a port
// taken fails before a host key is created, runs the server with it.
func (s *Server) RunListener(ctx context.Context, ln net.Listener) error {
	return s.RunListenerWithin(ctx, context.Background(), ln)
}

// RunListenerWithin is RunListener whose shutdown also ends when
// shutdownCtx is done, before the grace period is over: a second Ctrl-C
// at a server that waits for its sessions. It then returns shutdownCtx's
// error.
func (s *Server) RunListenerWithin(ctx, shutdownCtx context.Context, ln net.Listener) error {
	served := make(chan error, 1)
	go func() { served <- s.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	// The caller's context is already done; the grace period and
	// shutdownCtx bound the shutdown instead.
	err := s.Shutdown(shutdownCtx)
	if serveErr := <-served; err == nil {
		err = serveErr
	}
	return err
}

// Shutdown stops accepting connections, ends every interactive session with
// a message, lets exec sessions finish, and waits for the connections to end
// for up to Config.ShutdownGrace or until ctx is done, whichever is first.
// Then it closes whatever is left. It returns ctx's error if ctx ended the
// wait, and nil otherwise; Serve returns nil once Shutdown has begun.
func (s *Server) Shutdown(ctx context.Context) error {
	// The connections dropped, and the disconnects, only counted are
	// logged before Shutdown returns, rather than when their window is
	// over.
	defer s.logClientCounts()
	defer s.logUnauthedCounts()
	defer s.logDropCounts()
	s.mu.Lock()
	if !s.closing {
		close(s.stopping)
	}
	s.closing = true
	listeners := slices.Clone(s.listeners)
	conns := s.connList()
	if len(s.conns) == 0 {
		s.drainOnce.Do(func() { close(s.drained) })
	}
	s.mu.Unlock()

	s.log.Info("shutting down", "connections", len(conns))
	for _, ln := range listeners {
		_ = ln.Close()
	}
	for _, c := range conns {
		c.beginShutdown()
	}

	grace := time.NewTimer(s.cfg.ShutdownGrace)
	defer grace.Stop()
	var err error
	select {
	case <-s.drained:
		_ = s.ssh.Close()
		return nil
	case <-grace.C:
	case <-ctx.Done():
		err = ctx.Err()
	}

	s.mu.Lock()
	conns = s.connList()
	s.mu.Unlock()
	why := "server shutdown (grace period over)"
	if err != nil {
		why = "server shutdown (cut short)"
		s.log.Warn("closing connections: shutdown cut short", "connections", len(conns))
	} else {
		s.log.Warn("closing connections after the grace period", "connections", len(conns))
	}
	for _, c := range conns {
		c.closeWith(why)
	}
	_ = s.ssh.Close()

	force := time.NewTimer(forceWait)
	defer force.Stop()
	select {
	case <-s.drained:
	case <-force.C:
		s.mu.Lock()
		left := len(s.conns)
		s.mu.Unlock()
		s.log.Error("sessions still running after shutdown", "sessions", left)
	case <-ctx.Done():
		err = ctx.Err()
	}
	return err
}

// connList returns the open connections; s.mu must be held.
func (s *Server) connList() []*conn {
	conns := make([]*conn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	return conns
}
