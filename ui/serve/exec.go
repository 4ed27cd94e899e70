package serve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/gliderlabs/ssh"
)

// runExec runs one allowed command through Config.Exec. Its output goes to
// the client unchanged and its exit status becomes the session's. Unlike an
// interactive session it is not ended by Shutdown, only by the grace period:
// a diff already on its way into someone's file should arrive whole.
func (s *Server) runExec(sess ssh.Session, ss *session, streams sessionIO, args []string) outcome {
	name := args[0]
	if name == "scp" && !s.execAllowed[name] {
		// scp -O, the protocol before sftp, runs "scp -t PATH" or "scp
		// -f PATH": told, as the sftp subsystem is (tellNoSubsystem),
		// that nothing is transferred here.
		return outcome{2, "scp refused: this server offers no file transfer, so no sftp or scp; " +
			"connect with ssh -t, or run a command (" + s.commandList() + ")", "refused: scp"}
	}
	if !s.execAllowed[name] {
		// A usage error, as the command line's own unknown command is.
		return outcome{2, fmt.Sprintf("unknown command %s; available: %s", quoteShort(name), s.commandList()),
			"refused: unknown command " + quoteShort(name)}
	}
	// A command takes no input.
	ss.takeInput(inputDiscard)
	ctx, cancel := context.WithCancelCause(ss.ctx)
	defer cancel(nil)
	ss.attach(cancel, false)
	deadline := time.AfterFunc(s.cfg.MaxSession, func() { ss.stop(errMaxSession) })
	defer deadline.Stop()

	t := terminal{env: environ(sess.Environ())}
	if pty, _, ok := sess.Pty(); ok {
		// The newest width the client sent: the request filter keeps
		// window changes from gliderlabs, whose pty still has the first.
		t = terminal{clampWidth(int(ss.width.Load())), clientEnv(sess, pty), true}
	}
	ctx = context.WithValue(ctx, terminalKey{}, t)
	status, ok := s.callExec(ctx, sess, streams, args)
	switch {
	case !ok:
		return s.endOutcome(errPanic)
	case errors.Is(context.Cause(ctx), errMaxSession), errors.Is(context.Cause(ctx), errStalled):
		return s.endOutcome(context.Cause(ctx))
	}
	return outcome{status, "", "exec " + name + " exited " + strconv.Itoa(status)}
}

// terminalKey holds, in an exec session's context, what the client sent
// of its environment, and its terminal when it asked for one.
type terminalKey struct{}

// terminal is what a command learns of the client's terminal: its width
// and its environment, and whether it asked for one (pty).
type terminal struct {
	width int
	env   environ
	pty   bool
}

// TerminalWidth is, in the context Config.Exec is given, the width in
// columns of the client's terminal when the client asked for one (ssh -t),
// as its pty request or a window change before the command gave it; 0
// when it did not, when its pty gave no width, and in any other context.
// It is the width the command starts with, as
// a command run in a local terminal reads it once: window changes while
// it runs are not followed.
func TerminalWidth(ctx context.Context) int {
	t, _ := ctx.Value(terminalKey{}).(terminal)
	return t.width
}

// TerminalEnv is, in the context Config.Exec is given, the environment of
// the client's terminal when the client asked for one (ssh -t): getenv
// reads what the client sent (env requests, OpenSSH's SendEnv and SetEnv),
// with TERM its pty's, as the reader's renderer reads them, never the
// server's own environment. ok is false, and getenv finds nothing, when
// it asked for no terminal, and in any other context. A command colours
// its output by them as a command run in a local terminal does.
func TerminalEnv(ctx context.Context) (getenv func(string) string, ok bool) {
	t, _ := ctx.Value(terminalKey{}).(terminal)
	if !t.pty {
		return environ(nil).Getenv, false
	}
	return t.env.Getenv, true
}

// ClientEnv is, in the context Config.Exec is given, what the client sent
// of its environment (env requests, OpenSSH's SendEnv and SetEnv), with
// TERM its pty's when it asked for a terminal, whether or not it did; in
// any other context, nothing. Some of it matters without a terminal too:
// CLICOLOR_FORCE asks for colour in a pipe.
func ClientEnv(ctx context.Context) func(string) string {
	t, _ := ctx.Value(terminalKey{}).(terminal)
	return t.env.Getenv
}

// clampWidth bounds a width a client claims to maxWidth, as the reader's
// window is bounded; one that is not positive is none.
func clampWidth(w int) int {
	return min(max(w, 0), maxWidth)
}

// callExec calls Exec, recovering a panic in it; ok is false after a panic.
func (s *Server) callExec(ctx context.Context, sess ssh.Session, streams sessionIO, args []string) (status int, ok bool) {
	defer func() {
		if v := recover(); v != nil {
			s.logClient(slog.LevelError, addrKey(sess.RemoteAddr()), "exec panic", "", "remote", sess.RemoteAddr().String(),
				"user", logField(sess.User()), "command", logField(args[0]), "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			status, ok = 1, false
		}
	}()
	return s.cfg.Exec(ctx, args, streams.stdout, streams.stderr), true
}

// commandList names the commands a client may run, for refusal messages.
func (s *Server) commandList() string {
	if len(s.cfg.ExecCommands) == 0 {
		return "none"
	}
	return strings.Join(s.cfg.ExecCommands, ", ")
}

// quoteShort quotes a client-supplied word for a message or a log line,
// cut short so that a client cannot write a novel into either.
func quoteShort(word string) string {
	const limit = 32
	if r := []rune(word); len(r) > limit {
		word = string(r[:limit]) + "…"
	}
	return strconv.Quote(word)
}
