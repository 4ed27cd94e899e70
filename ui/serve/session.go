package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/anmitsu/go-shlex"
	"github.com/charmbracelet/x/ansi"
	"github.com/gliderlabs/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/newsdiff/newsdiff/ui/internal/digits"
	"github.com/newsdiff/newsdiff/ui/internal/duration"
	"github.com/newsdiff/newsdiff/ui/internal/plural"
)

// Why the server ends a session. They are context causes: the session's
// context is cancelled with one of them, and the handler turns it into a log
// reason and a message for the client.
var (
	errIdle       = errors.New("idle timeout")
	errMaxSession = errors.New("maximum session length")
	errShutdown   = errors.New("server shutdown")
	errPanic      = errors.New("panic")
	errClientGone = errors.New("client closed the session")
	errInputEnded = errors.New("client ended its input")
	errStalled    = errors.New("client stopped reading")
)

// outcome is how a session ended: the exit status the client gets, the line
// it is told (if any) and the reason that is logged.
type outcome struct {
	status  int
	message string
	reason  string
}

// handleSession is the gliderlabs handler for shell and exec requests, for
// the session ss of its connection. It decides what the session is, runs
// it, and always ends it with an exit status, so that `ssh host cmd; echo
// $?` means something.
func (s *Server) handleSession(sess ssh.Session, ss *session) {
	key := ""
	if pk := sess.PublicKey(); pk != nil {
		key = gossh.FingerprintSHA256(pk)
	}
	// A stalled write ends this session only: the connection may carry
	// others, which the client still reads.
	stall := newStallGuard(s.cfg.WriteTimeout, func() { ss.stop(errStalled) })
	defer stall.stop()
	_, _, isPty := sess.Pty()
	// gliderlabs ends the lines of a pty session's stdout as a terminal
	// does, and leaves its stderr's bare: a command's usage error, run
	// with ssh -t, stepped down the client's terminal.
	var stderr io.Writer = sess.Stderr()
	if isPty {
		stderr = terminalLines{stderr}
	}
	streams := sessionIO{stdout: stall.writer(sess), stderr: stall.writer(stderr), pty: isPty,
		guard: stall, raw: sess}
	if !ss.beginSession(sess.User(), key) {
		s.finish(sess, ss, streams, "shutdown", outcome{1, "the server is shutting down", "server shutdown"})
		return
	}

	var out outcome
	kind := "busy"
	defer func() {
		// Anything that escaped the more specific recovery below is the
		// server's own fault; it still must not take other sessions down.
		if v := recover(); v != nil {
			s.logClient(slog.LevelError, ss.c.addr, "session panic", "", "remote", sess.RemoteAddr().String(),
				"panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			out = outcome{1, "internal error; the session was closed", "panic"}
		}
		s.finish(sess, ss, streams, kind, out)
	}()

	// Limits first, then the cheap length check, and only then the parse:
	// go-shlex takes time quadratic in the command's length, and a client
	// over a limit or with a 100 KB command must not get to spend it.
	raw := sess.RawCommand()
	var args []string
	var splitErr error
	busy, crowded := s.takeSessionSlot(ss)
	switch {
	case busy && crowded:
		kind = "crowded"
	case busy:
	case len(raw) > maxCommand:
		kind = "long"
	default:
		// Split here, not by sess.Command, which drops the error: a
		// quote left open ran what came before it and the quote's
		// words ("diff 003 '004" ran diff 003 004), where a shell
		// refuses the line and runs nothing.
		args, splitErr = shlex.Split(raw, true)
		switch {
		case splitErr != nil:
			kind = "unsplit"
		case len(args) == 0 && raw != "":
			// A command that splits to no words (`ssh host '""'`, `ssh
			// host ' '`) asks for a command, not a shell: as a shell
			// request, with -t it opened the reader.
			kind = "empty"
		case len(args) == 0 && isPty:
			kind = "pty"
		case len(args) == 0:
			kind = "shell"
		default:
			kind = "exec"
		}
	}
	attrs := []any{"remote", sess.RemoteAddr().String(), "user", logField(sess.User()), "key", orNone(key), "n", ss.n, "session", kind}
	if raw != "" {
		attrs = append(attrs, "command", logField(raw))
	}
	if pty, _, ok := sess.Pty(); ok {
		attrs = append(attrs, "term", logField(pty.Term))
	}
	s.logClient(slog.LevelInfo, ss.c.addr, "connect", kind, attrs...)

	switch kind {
	case "busy":
		out = outcome{1, "server busy, try again later", "server busy"}
	case "crowded":
		// The server is not busy: this address has its sessions.
		out = outcome{1, fmt.Sprintf("too many sessions from your address (at most %s at once): close one and try again", digits.Group(s.cfg.MaxPerIP)),
			"too many sessions from one address"}
	case "long":
		out = outcome{1, fmt.Sprintf("command too long (%s; at most %s)", plural.Count(len(raw), "byte", "bytes"), digits.Group(maxCommand)), "refused: command too long"}
	case "unsplit":
		// A usage error, as an unknown command is.
		out = outcome{2, "the command " + unsplitReason(splitErr) + "; nothing was run", "refused: unsplittable command"}
	case "empty":
		// A usage error, as an unknown command is.
		out = outcome{2, "empty command; available: " + s.commandList(), "refused: empty command"}
	case "pty":
		out = s.runReader(sess, ss, streams)
	case "shell":
		out = outcome{1, "the reader needs a terminal: connect with ssh -t, or run a command (" + s.commandList() + ")", "refused: shell without pty"}
	default:
		out = s.runExec(sess, ss, streams, args)
	}
}

// unsplitReason says why a command line could not be split into words.
func unsplitReason(err error) string {
	if errors.Is(err, shlex.ErrNoEscaped) {
		return "ends in a backslash that escapes nothing"
	}
	return "has a quote that is not closed"
}

// maxCommand bounds an exec request's command line, in bytes. The longest
// real command is a diff of two article ids with a format and a story name,
// well under a hundred bytes.
const maxCommand = 4 << 10

// finish logs the session's end, tells the client why it ended, gives back
// its slot, sends the exit status and closes the channel. The connection
// itself is left for the client to close or to run another session on,
// because closing it under unread data would reset it and lose output the
// client has not read yet; the bare timer closes it if the client does
// neither.
func (s *Server) finish(sess ssh.Session, ss *session, streams sessionIO, kind string, out outcome) {
	// Logged first: a client hangs up as soon as it has the exit status.
	c := ss.c
	s.logClient(slog.LevelInfo, c.addr, "session end", kind+" "+out.reason, "remote", c.RemoteAddr().String(),
		"user", logField(sess.User()), "n", ss.n, "session", kind, "status", max(out.status, 0),
		"duration", time.Since(ss.start).Round(time.Millisecond), "reason", out.reason)
	stalled := streams.guard.stalled()
	if out.message != "" && !stalled {
		streams.tell(out.message)
	}
	// The slot is given back before the client has the exit status: a
	// client sharing the connection starts its next command as soon as it
	// has it, and would otherwise find this slot still taken.
	ss.endSession(stalled)
	if stalled && kind == "pty" {
		s.restoreTerminal(streams, out.message)
	}
	_ = sess.Exit(max(out.status, 0))
}

// terminalRestore gives a client's terminal back as the reader found it,
// as Bubble Tea does when it ends: CAN first, which ends an escape
// sequence a stalled write may have cut in two, then the attributes
// reset, bracketed paste, mouse and focus reporting off, the normal screen
// back and the cursor shown. Modes the reader did not set are already
// off, and turning them off again changes nothing.
const terminalRestore = "\x18" + ansi.ResetStyle +
	ansi.ResetModeBracketedPaste + ansi.ResetModeMouseNormal + ansi.ResetModeMouseButtonEvent +
	ansi.ResetModeMouseAnyEvent + ansi.ResetModeMouseExtSgr + ansi.ResetModeFocusEvent +
	ansi.ResetModeAltScreenSaveCursor + ansi.ShowCursor

// restoreTerminal ends a reader whose client stopped reading: Bubble
// Tea's last writes, which give the terminal back, failed with the stalled
// one, and without them the client's terminal would stay on the alternate
// screen with its cursor hidden and its mouse reported. They are sent,
// with the message, after what the session wrote, if the client reads
// again within HandshakeTimeout: as long as a connection left without a
// running session is kept. Only the session's handler waits, its slot
// given back; Shutdown, and the channel or connection closing (the
// client, the bare timer), end the wait at once.
//
// A client that reads again later finds the session closed (and, on a
// connection that carried no other session, the connection too), and its
// terminal left as a lost connection leaves it (OpenSSH gives back its
// modes, not its screen). The wait is no longer, even on a
// connection that other sessions keep open: it holds the session's
// goroutines and the write that stalled, for a client that has read
// nothing for WriteTimeout, the client the limits are there to let go;
// and a connection without another session is closed by the bare timer
// by then (a client that stopped reading is not given IdleTimeout to
// close the session, as one taking its output is).
func (s *Server) restoreTerminal(streams sessionIO, message string) {
	out := terminalRestore
	if message != "" {
		out += "\rnewsdiff: " + message + "\n" // the session turns \n into \r\n
	}
	streams.guard.writeAfterStall(streams.raw, []byte(out), s.cfg.HandshakeTimeout, s.stopping)
}

// tell writes a one-line message from the server. In a pty session it goes
// to stdout: the pty merges the two streams anyway, and stdout keeps it after
// the reader's last frame and the terminal reset, whereas stderr may overtake
// them and land on the alternate screen, which is then cleared. Otherwise it
// goes to stderr so that stdout stays exactly what the command wrote.
func (streams sessionIO) tell(msg string) {
	line := "newsdiff: " + msg + "\n"
	if streams.pty {
		_, _ = streams.stdout.Write([]byte("\r" + line)) // the session turns \n into \r\n
		return
	}
	_, _ = streams.stderr.Write([]byte(line))
}

// sessionIO is where a session's output goes: the session's two streams,
// each write bounded by the session's stall guard.
type sessionIO struct {
	stdout, stderr io.Writer
	pty            bool // the client asked for a terminal
	guard          *stallGuard
	raw            io.Writer // the session's stdout, for guard.writeAfterStall
}

// endOutcome turns the cause a session's context ended with into its outcome.
func (s *Server) endOutcome(cause error) outcome {
	switch {
	case errors.Is(cause, errIdle):
		return outcome{1, "closing the session after " + duration.Short(s.cfg.IdleTimeout) + " without input", "idle timeout"}
	case errors.Is(cause, errMaxSession):
		return outcome{1, "closing the session: it reached the maximum of " + duration.Short(s.cfg.MaxSession), "maximum session length"}
	case errors.Is(cause, errShutdown):
		return outcome{1, "the server is shutting down; goodbye", "server shutdown"}
	case errors.Is(cause, errPanic):
		return outcome{1, "internal error; the session was closed", "panic"}
	case errors.Is(cause, errStalled):
		// Told only if the client reads again (restoreTerminal).
		return outcome{1, "closing the session: your terminal read nothing of it for " + duration.Short(s.cfg.WriteTimeout),
			"client stopped reading for " + duration.Short(s.cfg.WriteTimeout)}
	case errors.Is(cause, errInputEnded):
		// As a program reading its input ends at its end: a reader run
		// with its input at an end (ssh -tt HOST </dev/null, a script
		// that closes it) has done what it was asked, as `ssh HOST cat
		// </dev/null` has on any server.
		return outcome{0, "", "client ended its input"}
	case errors.Is(cause, errClientGone), errors.Is(cause, context.Canceled):
		return outcome{1, "", "client closed the session"}
	default:
		return outcome{1, "", strconv.Quote(cause.Error())}
	}
}
