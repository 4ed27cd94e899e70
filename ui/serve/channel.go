package serve

import (
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/gliderlabs/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/newsdiff/newsdiff/ui/internal/digits"
)

// maxEnv bounds the environment variables a session may set. gliderlabs keeps
// every one it is sent, so without a bound a client could fill the server's
// memory one "env" request at a time; real clients send a handful.
const maxEnv = 32

// maxEnvBytes bounds the bytes of names and values a session's environment
// variables may take together, and maxPtyRequest a pty request's payload
// (its TERM and terminal modes): gliderlabs keeps both for as long as the
// channel lasts, and one SSH packet may carry a quarter of a megabyte.
// Real clients send a few dozen bytes of each.
const (
	maxEnvBytes   = 16 << 10
	maxPtyRequest = 4 << 10
)

// openSession is the handler for "session" channels. Each goes to
// gliderlabs with its requests filtered, and with a handler of its own that
// knows which session of the connection it runs; one over the connection's
// MaxPerConn is rejected. It returns once the channel is closed.
func (s *Server) openSession(srv *ssh.Server, sc *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	c := connFrom(ctx)
	if c == nil {
		_ = nc.Reject(gossh.Prohibited, "no connection")
		return
	}
	ss, ok := c.openChannel(ctx)
	if !ok {
		s.logClient(slog.LevelDebug, c.addr, "channel refused", "too many sessions on one connection",
			"remote", ctx.RemoteAddr().String(), "type", "session", "reason", "too many sessions on one connection")
		_ = nc.Reject(gossh.ResourceShortage, fmt.Sprintf("too many sessions on one connection (at most %s at once)", digits.Group(s.cfg.MaxPerConn)))
		return
	}
	defer ss.closeChannel()
	// DefaultSessionHandler reads these four fields of its server and no
	// other; a server of its own per channel is how the handler learns
	// which session it runs.
	perSession := &ssh.Server{
		Handler:                func(sess ssh.Session) { s.handleSession(sess, ss) },
		SubsystemHandlers:      srv.SubsystemHandlers,
		PtyCallback:            srv.PtyCallback,
		SessionRequestCallback: srv.SessionRequestCallback,
	}
	ssh.DefaultSessionHandler(perSession, sc, filteredChannel{NewChannel: nc, srv: s, ctx: ctx, ss: ss}, ctx)
}

// rejectChannel refuses every other channel type: port forwarding in both
// directions (direct-tcpip, forwarded-tcpip, streamlocal), X11 channels and
// anything newer. There is nothing behind this server a client should reach.
// The refusal names the type quoted and cut short, as every word a client
// chose is in what the server tells it: the type is any bytes the client
// likes, up to a packet's size, and a client prints the refusal.
func (s *Server) rejectChannel(_ *ssh.Server, _ *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	s.logClient(slog.LevelDebug, addrKey(ctx.RemoteAddr()), "channel refused", "not supported",
		"remote", ctx.RemoteAddr().String(), "type", logField(nc.ChannelType()))
	_ = nc.Reject(gossh.Prohibited, quoteShort(nc.ChannelType())+" channels are not supported")
}

// filteredChannel hands gliderlabs a session channel whose requests have
// been screened. gliderlabs says yes to agent forwarding and keeps every
// environment variable; neither is acceptable on a public server, and
// gliderlabs has no hook to refuse them, so the requests are filtered on
// their way in.
type filteredChannel struct {
	gossh.NewChannel
	srv *Server
	ctx ssh.Context
	ss  *session
}

// Accept accepts the channel, starts reading its input (channelInput) and
// starts the filter.
func (f filteredChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, in, err := f.NewChannel.Accept()
	if err != nil {
		return nil, nil, err
	}
	input := newChannelInput(ch)
	f.ss.accepted(ch, input)
	out := make(chan *gossh.Request)
	go f.filter(ch, in, out)
	return inputChannel{Channel: ch, in: input}, out, nil
}

// filter passes allowed requests on and refuses the rest, telling a client
// that asked for a subsystem why. It ends when the channel's request
// stream does, which x/crypto closes with the channel.
//
// Window sizes (pty-req's, then every window-change) go to the session's
// own latest-size holder and window changes no further: gliderlabs queues
// them on a channel of one that only a running reader drains, so one
// window change before the shell, or during a command run with -t, stopped
// gliderlabs' request loop for good, and with it the filter and the
// channel's end.
func (f filteredChannel) filter(ch gossh.Channel, in <-chan *gossh.Request, out chan<- *gossh.Request) {
	defer close(out)
	env, envBytes := 0, 0
	pty, started, told := false, false, false
	for req := range in {
		payload, ok := decodeRequest(req.Type, req.Payload)
		refuse := !ok
		switch req.Type {
		case "auth-agent-req@openssh.com", "x11-req", "subsystem":
			refuse = true
		case "signal":
			// Nothing here takes a signal: gliderlabs would keep up to
			// 128 of them for no one, and never answer one.
			refuse = true
		case "env":
			env++
			if !refuse {
				e := payload.(*envRequest)
				n := len(e.Name) + len(e.Value)
				refuse = env > maxEnv || envBytes+n > maxEnvBytes
				if !refuse {
					envBytes += n
				}
			}
		case "pty-req":
			// gliderlabs refuses these too; the filter must, or their
			// sizes would reach the session.
			refuse = refuse || pty || started || len(req.Payload) > maxPtyRequest
		case "window-change":
			if !refuse && pty {
				w := payload.(*windowChange)
				f.ss.resized(w.Columns, w.Rows)
				_ = req.Reply(true, nil)
				continue
			}
			refuse = true
		}
		if refuse {
			// The first of each type the filter knows is logged past
			// the allowances; any other type is the client's word.
			kind := ""
			if _, known := filteredTypes[req.Type]; known {
				kind = req.Type
			}
			f.srv.logClient(slog.LevelDebug, f.ss.c.addr, "request refused", kind, "remote", f.ctx.RemoteAddr().String(),
				"type", logField(req.Type))
			// Only a channel that has started nothing is told why:
			// a running command's stderr is its own, and written by
			// its session, never beside it.
			if req.Type == "subsystem" && !told && !started {
				told = true
				f.tellNoSubsystem(ch, req.Payload, pty)
			}
			_ = req.Reply(false, nil)
			continue
		}
		switch req.Type {
		case "pty-req":
			pty = true
			p := payload.(*ptyRequest)
			f.ss.resized(p.Columns, p.Rows)
		case "shell", "exec":
			started = true
		}
		out <- req
	}
}

// filteredTypes are the session request types the filter decides on by
// name.
var filteredTypes = map[string]struct{}{
	"auth-agent-req@openssh.com": {}, "x11-req": {}, "subsystem": {}, "signal": {}, "env": {}, "pty-req": {},
	"window-change": {}, "exec": {}, "shell": {}, "break": {},
}

// tellNoSubsystem says on the channel's stderr, before a subsystem
// request is refused, that the server offers none: sftp and scp, which ask
// for the sftp subsystem, said only "subsystem request failed", as if the
// server had failed. The refusal itself is the protocol's answer, and
// stays. OpenSSH's client drops stderr that reaches it with the refusal,
// so the message is followed by a keepalive, and the refusal waits for
// the client's answer to it: by then the client has taken in the message.
// The disconnect line says what was refused, escaped.
//
// The wait holds the channel's requests, and once x/crypto has queued a
// few behind it, the whole connection's reading: it lasts at most
// WriteTimeout, and ends with the connection. The message and the
// keepalive go out on a goroutine of their own, which a client that takes
// neither leaves waiting until the channel closes; x/crypto can close the
// channel only once its reading goes on.
func (f filteredChannel) tellNoSubsystem(ch gossh.Channel, payload []byte, pty bool) {
	var r execRequest
	_ = gossh.Unmarshal(payload, &r) // a malformed one names nothing
	name := quoteShort(r.Command)
	f.ss.setReason("refused: subsystem " + name)
	msg := "newsdiff: subsystem " + name + " refused: this server offers none, so no sftp or scp; " +
		"connect with ssh -t, or run a command (" + f.srv.commandList() + ")\n"
	if pty {
		msg = strings.ReplaceAll(msg, "\n", "\r\n") // no terminal turns \n into \r\n for it
	}
	told := make(chan struct{})
	go func() {
		defer close(told)
		if _, err := ch.Stderr().Write([]byte(msg)); err != nil {
			return
		}
		_, _ = ch.SendRequest("keepalive@openssh.com", true, nil)
	}()
	limit := time.NewTimer(f.srv.cfg.WriteTimeout)
	defer limit.Stop()
	select {
	case <-told:
	case <-limit.C:
	case <-f.ss.c.done:
	}
}

// The payloads of the session requests gliderlabs acts on, as RFC 4254
// section 6 defines them. A request whose payload does not decode into its
// struct, with nothing left over, is refused before gliderlabs sees it.
type (
	ptyRequest struct {
		Term                         string
		Columns, Rows, Width, Height uint32
		Modes                        string
	}
	windowChange struct {
		Columns, Rows, Width, Height uint32
	}
	envRequest    struct{ Name, Value string }
	execRequest   struct{ Command string }
	signalRequest struct{ Signal string }
	breakRequest  struct{ Length uint32 }
)

// decodeRequest reports whether a session request's payload is what RFC
// 4254 says a request of its type carries, and returns it decoded (a
// *ptyRequest, a *windowChange, ...; nil for a type that carries nothing
// or that it does not know). gliderlabs decodes pty-req and
// window-change by hand, and its decoder panics on a string length near
// 2³² (the bounds check overflows), on a goroutine nothing recovers: one
// request would end the process and every session in it. gossh.Unmarshal
// checks lengths properly, so every payload gliderlabs reads is decoded
// with it here first. Request types gliderlabs does not act on are passed
// through for it to refuse.
func decodeRequest(typ string, payload []byte) (any, bool) {
	var v any
	switch typ {
	case "pty-req":
		v = new(ptyRequest)
	case "window-change":
		v = new(windowChange)
	case "env":
		v = new(envRequest)
	case "exec", "subsystem":
		v = new(execRequest)
	case "signal":
		v = new(signalRequest)
	case "break":
		v = new(breakRequest)
	case "shell", "auth-agent-req@openssh.com":
		return nil, len(payload) == 0
	default:
		return nil, true
	}
	if gossh.Unmarshal(payload, v) != nil {
		return nil, false
	}
	return v, true
}
