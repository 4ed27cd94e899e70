package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// Config configures a Server. Zero values take the documented defaults.
type Config struct {
	// Listen is the TCP address ListenAndServe and Run listen on (see
	// Listen); default ":2222".
	Listen string

	// HostKeyPath is the server's private host key. It is created (ed25519,
	// mode 0600, parent directories 0700) when missing and refused when group
	// or others may access it. Default: newsdiff/host_ed25519 under
	// os.UserConfigDir.
	HostKeyPath string

	// AuthorizedKeysPath names an OpenSSH authorized_keys file. Empty means
	// anyone may connect with any public key or with a keyboard-interactive
	// exchange that asks nothing; set, only the listed keys get in. A key
	// whose options narrow who may use it, from where or for what (from=,
	// command=, expiry-time=, no-pty, ...) is refused at start, as the
	// server cannot hold it to them; the rest it keeps by what it is.
	// The file and its folder must be owned by the user the server runs
	// as, or root, and writable by no one else (as sshd's StrictModes
	// has it: whoever could write the file could let themselves in), or
	// New returns an *AuthorizedKeysModeError. The file is read again
	// when a client offers a key after it changed (its size, time of
	// change, mode, or another file in its place), as sshd reads it at
	// each authentication; its modes are checked at each offer. While it
	// is bad (gone, open to others, a key with such an option, no key)
	// no key gets in, and the server logs why, once, and runs on.
	// Passwords are never accepted.
	AuthorizedKeysPath string

	// MaxSessions bounds sessions at once; default 64. A session takes a
	// slot only once its connection has authenticated and it has asked for
	// a shell or a command, and gives it back when it ends. A connection
	// may carry several sessions, one after another and at once (OpenSSH's
	// connection sharing does); each takes its own slot.
	MaxSessions int
	// MaxPerIP bounds sessions at once from one address (an IPv6 /64 counts
	// as one address); default 8.
	MaxPerIP int
	// MaxPerConn bounds the session channels one connection may have open
	// at once, started or not; default 10, as OpenSSH's sshd allows. A
	// channel over it is refused. A channel that asks for neither a shell
	// nor a command within HandshakeTimeout is closed.
	MaxPerConn int
	// MaxHandshakes bounds connections without a session slot: in their
	// handshake, authenticating, or being told the server is busy; default
	// 1024. One address may have four times MaxPerIP of them. Beyond either,
	// a new connection is closed unanswered.
	MaxHandshakes int
	// SilentTimeout closes a connection that has sent nothing at all, not
	// even its SSH version, for this long after connecting; default 3s. An
	// SSH client sends its version at once, so only a connection held open
	// to take a place waits longer.
	SilentTimeout time.Duration

	// IdleTimeout ends an interactive session that has had no input or window
	// change for this long; default 15m. It is also how long a client may
	// keep a session that ended open, taking its output (ssh closes it
	// once it has written all of it out, to a pager maybe), before its
	// connection is closed.
	IdleTimeout time.Duration
	// MaxSession ends any session that has lasted this long; default 8h.
	MaxSession time.Duration
	// HandshakeTimeout bounds the time a connection may spend without a
	// running session, from accept until its first session starts and again
	// whenever its last running one ended and was closed by the client, and
	// the time a session channel may stay open without asking for a shell
	// or a command; default 10s.
	HandshakeTimeout time.Duration
	// WriteTimeout bounds how long output may wait for a client; default
	// 30s. A session whose client reads nothing of it for this long while
	// its output waits (the session's SSH window is full) is ended, and
	// its slot is free again; the other sessions its connection carries
	// go on. A reader so ended gives its client's terminal back if the
	// client reads again within HandshakeTimeout, and not later. A
	// connection that takes no data at all for this long, on any session,
	// is closed.
	WriteTimeout time.Duration
	// ShutdownGrace is how long Shutdown waits for sessions to end before it
	// closes their connections; default 10s.
	ShutdownGrace time.Duration

	// Logger receives the server's logs; nil discards them.
	Logger *slog.Logger

	// NewModel builds the reader for one interactive session. The renderer is
	// the session's own (colour profile from the client's TERM and pty,
	// dark or light background from its environment), width and height the
	// initial pty size. The server enables the alternate screen itself. Nil
	// refuses interactive sessions.
	//
	// A model that has an Interrupted() bool method, true once it was
	// quit with ctrl+c, ends its session with status 130, as a program
	// interrupted on the command line exits; one quit otherwise, with 0.
	NewModel func(ctx context.Context, r *lipgloss.Renderer, width, height int) tea.Model

	// ExactFrames promises that every frame NewModel's models draw is
	// exactly the window's size: each line as wide as the window and no
	// more lines than it is high. The renderer then neither cuts nor
	// measures lines to cut them, which under load is a large share of
	// each session's CPU time. A model that breaks the promise leaves
	// stale cells (a short line) or a wrapped, scrolled screen (a long
	// one).
	ExactFrames bool

	// ProgramOptions are added to every interactive session's tea.Program,
	// e.g. tea.WithMouseCellMotion(). The server's own options (the session
	// as input and output, its context, the alternate screen, no signal
	// handler) come after them and win.
	ProgramOptions []tea.ProgramOption

	// Exec runs one non-interactive command such as
	// ["diff", "003", "004", "--format", "json"] or ["list"], writing to stdout
	// and stderr and returning the exit status. ctx ends when the client goes
	// away or the session reaches MaxSession. When the client asked for a
	// terminal (ssh -t), TerminalWidth(ctx) is its width, for output to be
	// fitted to as on a local terminal, and TerminalEnv(ctx) its TERM and
	// the environment the client sent, for output to be coloured by. Nil
	// refuses every command.
	Exec func(ctx context.Context, args []string, stdout, stderr io.Writer) int

	// ExecCommands are the command names a client may run through Exec;
	// default "diff" and "list". Everything else is refused before Exec sees it.
	ExecCommands []string

	// CorpusSize is logged at start, e.g. "1 story, 5 articles".
	CorpusSize string
}

// Defaults for the zero values of Config.
const (
	DefaultListen           = ":2222"
	DefaultMaxSessions      = 64
	DefaultMaxPerIP         = 8
	DefaultMaxPerConn       = 10
	DefaultMaxHandshakes    = 1024
	DefaultSilentTimeout    = 3 * time.Second
	DefaultIdleTimeout      = 15 * time.Minute
	DefaultMaxSession       = 8 * time.Hour
	DefaultHandshakeTimeout = 10 * time.Second
	DefaultShutdownGrace    = 10 * time.Second
	DefaultWriteTimeout     = 30 * time.Second
)

// DefaultExecCommands returns the commands a client may run when
// Config.ExecCommands is empty. It is a function so that no caller can change
// another server's default.
func DefaultExecCommands() []string { return []string{"diff", "list"} }

// DefaultHostKeyPath returns where the host key lives when
// Config.HostKeyPath is empty.
func DefaultHostKeyPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("serve: no place for the host key (set HostKeyPath): %w", err)
	}
	return filepath.Join(dir, "newsdiff", "host_ed25519"), nil
}

// withDefaults fills in the zero values and checks what cannot be defaulted.
func (c Config) withDefaults() (Config, error) {
	if c.NewModel == nil && c.Exec == nil {
		return c, errors.New("serve: Config needs NewModel, Exec or both")
	}
	if c.Listen == "" {
		c.Listen = DefaultListen
	}
	if c.HostKeyPath == "" {
		path, err := DefaultHostKeyPath()
		if err != nil {
			return c, err
		}
		c.HostKeyPath = path
	}
	setDefault(&c.MaxSessions, DefaultMaxSessions)
	setDefault(&c.MaxPerIP, DefaultMaxPerIP)
	setDefault(&c.MaxPerConn, DefaultMaxPerConn)
	setDefault(&c.MaxHandshakes, DefaultMaxHandshakes)
	setDefault(&c.IdleTimeout, DefaultIdleTimeout)
	setDefault(&c.MaxSession, DefaultMaxSession)
	setDefault(&c.HandshakeTimeout, DefaultHandshakeTimeout)
	setDefault(&c.SilentTimeout, DefaultSilentTimeout)
	setDefault(&c.ShutdownGrace, DefaultShutdownGrace)
	setDefault(&c.WriteTimeout, DefaultWriteTimeout)
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	switch {
	case c.Exec == nil:
		c.ExecCommands = nil // nothing could run them
	case len(c.ExecCommands) == 0:
		c.ExecCommands = DefaultExecCommands()
	}
	return c, nil
}

// setDefault replaces a zero or negative limit, which would otherwise mean
// "refuse everyone" or "time out at once", with its default.
func setDefault[T int | time.Duration](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}
