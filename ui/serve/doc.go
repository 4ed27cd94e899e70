// Package serve runs newsdiff as a public SSH server: anyone can
// `ssh -p 2222 host` and get the full reader in their own terminal, or run
// `ssh -p 2222 host diff 003 004 --format json > out.json` to get one
// command's output.
//
// The server knows nothing about the reader or the commands. They are injected
// through [Config]: NewModel builds the Bubble Tea model for one interactive
// session from the session's own lipgloss renderer, and Exec runs one
// non-interactive command with the session as its stdout and stderr. main
// wires them up and runs the server until SIGINT or SIGTERM:
//
//	srv, err := serve.New(serve.Config{
//		NewModel: func(r *lipgloss.Renderer, width, height int) tea.Model {
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
// # How a connection is handled
//
// The server is a thin layer over gliderlabs/ssh. A connection without a
// session (in its handshake, authenticating) counts against MaxHandshakes,
// four times MaxPerIP of them from one address; beyond that, new
// connections are dropped unanswered. Only once it has authenticated and
// opened its session does it take a session slot (at most MaxSessions in
// all and MaxPerIP from one address, an IPv6 /64 counting as one); a
// session over a limit is told "server busy" and closed. A connection
// carries at most one session channel, so a slot is a session.
//
// Every session request whose payload gliderlabs reads (pty-req,
// window-change, env, exec, ...) is first decoded with gossh.Unmarshal into
// its RFC 4254 struct and refused if it does not decode exactly, so that no
// client message reaches gliderlabs' own decoders malformed. An exec
// command over 4 KiB is refused before it is split into words.
//
// A session is one of:
//
//   - a shell with a pty: the reader. Its lipgloss renderer takes its colour
//     profile from the client's TERM and environment (TERM=dumb or NO_COLOR
//     give plain text), the program runs in the alternate screen, window
//     changes arrive as tea.WindowSizeMsg clamped to 500×200 (only the latest
//     of a burst: they are never queued), and the program
//     is killed when the session ends for any reason;
//   - an exec of an allowed command (Config.ExecCommands, "diff" and "list" by
//     default): Exec's output and exit status are passed through unchanged;
//   - anything else (a shell without a pty, another command): a one-line
//     message and exit status 1.
//
// Subsystems such as sftp, port forwarding in both directions, agent and X11
// forwarding, and every other global request or channel type are refused at
// the protocol level. Passwords are never offered: without
// AuthorizedKeysPath any public key or a keyboard-interactive exchange with no
// questions gets in; with it, only the listed keys do.
//
// # Timers and faults
//
// HandshakeTimeout bounds any time a connection spends without a running
// session: the handshake, authentication and opening the session, and a
// client that does not hang up after its session ended. IdleTimeout (no input
// from the client) and MaxSession end interactive sessions with a message;
// exec sessions get MaxSession as their context deadline. A write to a
// client that has not completed after WriteTimeout (the client reads
// nothing) closes the connection. A panic in the
// model (Init, Update, View or a command it returns), in NewModel or in Exec
// is recovered, logged with its stack, and ends only that session. A session
// that does not end within ShutdownGrace of being told to loses its
// connection.
//
// Shutdown stops accepting, ends every interactive session with a message,
// lets running exec sessions finish, waits up to ShutdownGrace and then
// closes whatever is left.
//
// Logs go to Config.Logger (log/slog): the start (address, host-key
// fingerprint, corpus size), and every connect and disconnect (remote address,
// user, key fingerprint, duration, reason). Whatever the client chose (user,
// command, TERM) is cut to 200 bytes and escaped. Article text and keys are
// never logged. A Server holds no package-level state, so any number of them can
// run in one process.
package serve
