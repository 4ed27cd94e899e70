package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/archive"
	"github.com/newsdiff/newsdiff/ui/internal/duration"
	"github.com/newsdiff/newsdiff/ui/serve"
)

func init() { register("serve", false, serveCommand) }

// ServeSettings are serve's flags: the SSH server's address, keys and
// limits.
type ServeSettings struct {
	Listen         string
	HostKey        string // "" for the default place
	AuthorizedKeys string // "" lets anyone in
	MaxSessions    int
	MaxPerIP       int
	IdleTimeout    time.Duration
	MaxSession     time.Duration
}

// ServeRequest is what the SSH server serves: a corpus, or an archive.
type ServeRequest struct {
	Settings ServeSettings
	Corpus   *corpus.Corpus
	// Archive, set in place of Corpus, is the folder named on the command
	// line, opened through its index and refreshed, as the reader and
	// the printing commands open it, and kept up to date while served.
	Archive  *ServedArchive
	Cache    *analysis.Cache
	Problems []string // load warnings, each one safe line, for the reader
}

func serveCommand(a *app) *cobra.Command {
	s := ServeSettings{
		Listen:      serve.DefaultListen,
		MaxSessions: serve.DefaultMaxSessions,
		MaxPerIP:    serve.DefaultMaxPerIP,
		IdleTimeout: serve.DefaultIdleTimeout,
		MaxSession:  serve.DefaultMaxSession,
	}
	cmd := &cobra.Command{
		Use:   "serve [flags] [DIR]",
		Short: "Serve the reader over SSH",
		Long: `Serve the reader over SSH on DIR (or the built-in story). A session with a
terminal gets the reader; a command runs one of the printing commands over
the served corpus, never with access to the server's files. DIR is opened
through its index, brought up to date on start, and in the background when
its files change, as the reader and the printing commands open it: over
SSH it shows the same stories as they do on the machine itself. A session
never waits for a refresh: until it is done, sessions get DIR as it was.
The server runs until SIGINT or SIGTERM, then tells every session it is
going down.

With --authorized-keys only the public keys in that file get in. As sshd
checks it, the file and its folder must be owned by you or root and
writable by no one else, or serve does not start: whoever could write it
could let themselves in. It is read again when it changes, as sshd reads
it at each login: a key added or removed counts from the next login, with
no restart. While it is gone or wrong (its modes, a key serve cannot
take) no key gets in, and the log says why, once; the server runs on.`,
		Example: `  newsdiff serve
  newsdiff serve --listen :2222 --authorized-keys ~/.ssh/readers ~/stories
  ssh -p 2222 localhost diff 003 004 --format json`,
		Args:              dirArgs,
		ValidArgsFunction: completeFilesUpTo(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l := a.env.Local
			if l == nil {
				return errors.New("the SSH server is not available here")
			}
			// From the start, not once the server runs: the first
			// index of DIR is built before it, its progress said on
			// stderr, and a reader gone by then (serve DIR 2>&1 |
			// head -1) ended the process with SIGPIPE (see runServer).
			keepBrokenPipe(a.env.Stderr)
			if err := s.check(); err != nil {
				return err
			}
			run := l.Serve
			if run == nil {
				run = a.runServer
			}
			if dir := dirOf(args); a.isArchive(dir) {
				sa, err := a.openServed(cmd.Context(), dir)
				if err != nil {
					return err
				}
				defer sa.Close()
				return run(cmd.Context(), ServeRequest{Settings: s, Archive: sa, Cache: a.env.Cache})
			}
			c, probs, err := a.loadCorpus(dirOf(args))
			if err != nil {
				return err
			}
			problems := problemLines(probs)
			for _, p := range problems {
				fmt.Fprintf(a.env.Stderr, "newsdiff: warning: %s\n", p)
			}
			return run(cmd.Context(), ServeRequest{Settings: s, Corpus: c, Cache: a.env.Cache, Problems: problems})
		},
	}
	f := cmd.Flags()
	f.StringVar(&s.Listen, "listen", s.Listen, "listen on `ADDR`, host:port or :port")
	f.StringVar(&s.HostKey, "host-key", s.HostKey, "the host key file at `PATH`, created on first start (default: newsdiff/host_ed25519 in the user config directory)")
	f.StringVar(&s.AuthorizedKeys, "authorized-keys", s.AuthorizedKeys, "only let in the public keys in the authorized_keys file at `PATH`, read again when it changes (default: anyone)")
	f.IntVar(&s.MaxSessions, "max-sessions", s.MaxSessions, "at most `N` sessions at once")
	f.IntVar(&s.MaxPerIP, "max-per-ip", s.MaxPerIP, "at most `N` sessions at once from one address")
	f.DurationVar(&s.IdleTimeout, "idle-timeout", s.IdleTimeout, "close a session after `D` (such as 90s, 15m or 1h30m) without input")
	f.DurationVar(&s.MaxSession, "max-session", s.MaxSession, "close a session after `D` (such as 8h)")
	// Go writes 15 minutes as 15m0s.
	f.Lookup("idle-timeout").DefValue = duration.Short(s.IdleTimeout)
	f.Lookup("max-session").DefValue = duration.Short(s.MaxSession)
	return cmd
}

// openServed opens the folder dir for serve as the printing commands open
// it: through its index, refreshed, the index's note, warnings and the
// files skipped said on stderr as list says them, and kept for the
// readers, which show them as the reader on dir does. A folder with no
// article is an error, as for list.
func (a *app) openServed(ctx context.Context, dir string) (*ServedArchive, error) {
	restore := a.boundMemory()
	defer restore()
	// A first index of a large folder takes minutes: its progress is
	// shown as index shows it, a bar on a terminal, else a line a tenth.
	shown := a.stderrProgress("newsdiff serve")
	isNew := newIndexFolder(dir)
	ar, err := openInterruptible(ctx, dir, archive.Options{Progress: shown.show})
	shown.done()
	if ctx.Err() != nil {
		return nil, context.Cause(ctx)
	}
	if err != nil {
		return nil, archiveError(dir, err)
	}
	// What opening dir has to say is the folder's, not serve's own: it
	// is headed "newsdiff:", as list heads it. The readers list the
	// files' problems of it (see servedLines).
	probs := asNamed(dir, ar.Problems())
	if len(ar.Stories()) == 0 {
		writeEmptyNotes(a.env.Stderr, ar, warnedBefore(probs))
		closeEmpty(ar, dir, isNew)
		return nil, noArticles(dir, probs)
	}
	writeOpenNotes(a.env.Stderr, ar, probs)
	// Refreshing made garbage several times the listing's size: hand it
	// back before the sessions come.
	debug.FreeOSMemory()
	return newServedArchive(dir, ar, servedLines(dir, ar.Problems()), a.boundMemory), nil
}

// boundMemory holds the process's heap to archiveMemoryLimit while an
// archive is opened for serve, on start and on every refresh: refreshing
// the index of a large folder reads and groups every new article, and the
// heap is held as list holds it while it does. The limit is the
// process's, and a server's heap grows with its sessions: the function
// boundMemory returns puts back the limit there was.
func (a *app) boundMemory() (restore func()) {
	prev := debug.SetMemoryLimit(-1)
	a.limitMemory()
	return func() { debug.SetMemoryLimit(prev) }
}

// check reports a usage error for a bound of none or less: the server
// would take it as its default, and "--idle-timeout 0" read as "no
// timeout" would still close sessions after 15 minutes.
func (s ServeSettings) check() error {
	if err := checkListen(s.Listen); err != nil {
		return err
	}
	for _, n := range []struct {
		flag string
		v    int
	}{{"--max-sessions", s.MaxSessions}, {"--max-per-ip", s.MaxPerIP}} {
		if n.v < 1 {
			return usagef("%s must be at least 1, got %d", n.flag, n.v)
		}
	}
	for _, d := range []struct {
		flag string
		v    time.Duration
	}{{"--idle-timeout", s.IdleTimeout}, {"--max-session", s.MaxSession}} {
		if d.v <= 0 {
			return usagef("%s must be longer than 0, got %s", d.flag, d.v)
		}
	}
	return nil
}

// runServer runs the SSH server until ctx is done, logging on stderr.
func (a *app) runServer(ctx context.Context, r ServeRequest) error {
	s := r.Settings
	chosen := s.HostKey == "" // the place is newsdiff's choice, not the user's
	if chosen {
		// The serve package names its Config field, which a user of the
		// command cannot set: with HOME unset the error said "set
		// HostKeyPath".
		p, err := serve.DefaultHostKeyPath()
		if err != nil {
			if cause := errors.Unwrap(err); cause != nil {
				err = cause
			}
			return fmt.Errorf("no place for the host key (%v): name one with --host-key FILE", err)
		}
		s.HostKey = p
	}
	cfg := serve.Config{
		Listen:             s.Listen,
		HostKeyPath:        s.HostKey,
		AuthorizedKeysPath: s.AuthorizedKeys,
		MaxSessions:        s.MaxSessions,
		MaxPerIP:           s.MaxPerIP,
		IdleTimeout:        s.IdleTimeout,
		MaxSession:         s.MaxSession,
		Logger:             slog.New(slog.NewTextHandler(a.env.Stderr, nil)),
	}
	if r.Archive != nil {
		cfg = ServeArchiveConfig(cfg, r.Archive, r.Cache)
	} else {
		cfg = ServeConfig(cfg, r.Corpus, r.Cache, r.Problems)
	}
	// Listened on before the server is made, which creates the host
	// key on first start: a port taken left a new key behind for a
	// server that never ran.
	ln, err := serve.Listen(s.Listen)
	if err != nil {
		return listenError(s.Listen, err)
	}
	srv, err := serve.New(cfg)
	if err != nil {
		ln.Close()
	}
	if hke, ok := errors.AsType[*serve.HostKeyCreateError](err); ok {
		if chosen {
			// A read-only HOME is the same dead end as no HOME: the
			// user can only go on by naming another place.
			return fmt.Errorf("cannot create the host key in %s (%v): name one with --host-key FILE", Name(hke.Dir), reasonOf(hke.Err))
		}
		// The key the user named, not the temporary file it is
		// written to first, which the message named.
		return fmt.Errorf("cannot create the host key %s (%v)", Name(s.HostKey), reasonOf(hke.Err))
	}
	// The key files are named as every command names a file: their
	// names went into the message raw, and what of them a terminal may
	// not be sent was dropped on the way, naming another file.
	if hk, ok := errors.AsType[*serve.HostKeyError](err); ok {
		return errors.New("host key " + hk.Describe(Name(hk.Path)))
	}
	if nk, ok := errors.AsType[*serve.NoAuthorizedKeysError](err); ok {
		return fmt.Errorf("authorized keys: no public key in %s", Name(nk.Path))
	}
	if me, ok := errors.AsType[*serve.AuthorizedKeysModeError](err); ok {
		return errors.New("authorized keys " + me.Describe(Name(me.Path)))
	}
	if oe, ok := errors.AsType[*serve.AuthorizedKeyOptionError](err); ok {
		return errors.New("authorized keys " + oe.Describe(Name(oe.Path)))
	}
	if pe, ok := errors.AsType[*fs.PathError](err); ok && s.AuthorizedKeys != "" && pe.Path == s.AuthorizedKeys {
		// As every command names a file it cannot read: the name as
		// given (quoted when it must be), the reason in words. Go's
		// "open PATH: …" and "read PATH: is a directory" had a name
		// whose escape sequences were dropped, another file's.
		return fmt.Errorf("authorized keys %w", pathError(s.AuthorizedKeys, err))
	}
	if err != nil {
		return unprefixed(err)
	}
	serve.TuneGC()
	// The log is stderr, and a server outlives whatever reads it: with
	// a pipe whose reader had gone (serve 2>&1 | head, a log collector
	// restarted), the next line logged, as soon as a client connected,
	// ended the process with SIGPIPE and every session in it. The
	// lines are lost instead.
	keepBrokenPipe(a.env.Stderr)
	// A second Ctrl-C ends the wait for the sessions, as it does for
	// most servers: the grace period is for the sessions, not for an
	// operator who has asked twice.
	return unprefixed(srv.RunListenerWithin(ctx, hurryOf(ctx), ln))
}

// unprefixed drops the "serve: " the serve package starts its errors with,
// as a package's errors do: the command's own "newsdiff serve: " says it,
// and the line read "newsdiff serve: serve: listen tcp …".
func unprefixed(err error) error {
	if err == nil {
		return nil
	}
	if msg, ok := strings.CutPrefix(err.Error(), "serve: "); ok {
		return errors.New(msg)
	}
	return err
}
