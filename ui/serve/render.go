package serve

import (
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/gliderlabs/ssh"
	"github.com/muesli/termenv"

	"github.com/newsdiff/newsdiff/ui/internal/colorfgbg"
)

// The largest window a session is laid out for. A client can claim any size;
// rendering for 65535×65535 would cost the server memory and time for
// nothing a person can see.
const (
	maxWidth  = 500
	maxHeight = 200
)

// The window a session is laid out for while its client has not said how
// large its window is: a pty request of 0×0, as from a script's pty or a
// terminal that cannot tell (RFC 4254 lets a client send 0 for a dimension
// it does not know), drew a reader one cell wide, all "…". It is the size
// terminals open at.
const (
	defaultWidth  = 80
	defaultHeight = 24
)

// clampWindow keeps a client's window size within 1×1 and
// maxWidth×maxHeight; a dimension of 0 or less is unknown, and takes the
// default until a window change gives it.
func clampWindow(width, height int) (int, int) {
	if width <= 0 {
		width = defaultWidth
	}
	if height <= 0 {
		height = defaultHeight
	}
	return min(width, maxWidth), min(height, maxHeight)
}

// environ is a client's environment as termenv reads it. Later entries win,
// so the pty's TERM can be appended to override an "env" request's.
type environ []string

// Environ implements termenv.Environ.
func (e environ) Environ() []string { return e }

// Getenv implements termenv.Environ.
func (e environ) Getenv(key string) string {
	for i := len(e) - 1; i >= 0; i-- {
		if k, v, ok := strings.Cut(e[i], "="); ok && k == key {
			return v
		}
	}
	return ""
}

// clientEnv is the environment of the terminal a client asked for: what
// it sent in env requests, with TERM its pty's.
func clientEnv(sess ssh.Session, pty ssh.Pty) environ {
	return environ(append(sess.Environ(), "TERM="+pty.Term))
}

// newRenderer builds a session's lipgloss renderer. The colour profile comes
// from the client's TERM and environment, never the server's: TERM=dumb
// or unset (whatever COLORTERM says, unless CLICOLOR_FORCE is set and not
// 0), NO_COLOR or CLICOLOR=0 give Ascii, xterm-256color gives ANSI256, COLORTERM
// =truecolor gives TrueColor. The output is assumed to be a terminal because
// the client asked for a pty. A TERM termenv cannot place (screen, which
// GNU screen and tmux set by default) gets the 16 ANSI colours, as it
// does in the local reader: termenv gave it none, and a client in tmux
// read a colourless reader.
//
// The background is set explicitly rather than left to termenv, which would
// otherwise try to ask the terminal: over SSH that question and its answer
// would travel through the same stream Bubble Tea reads keys from. COLORFGBG,
// when the client sends it, decides; otherwise dark is assumed, as most
// terminals are.
func newRenderer(w io.Writer, env environ) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(w, termenv.WithEnvironment(env), termenv.WithTTY(true))
	p := r.Output().EnvColorProfile()
	term := env.Getenv("TERM")
	smart := term != "" && term != "dumb"
	forced := env.Getenv("CLICOLOR_FORCE") != "" && env.Getenv("CLICOLOR_FORCE") != "0"
	switch {
	case !smart && !forced:
		// termenv reads COLORTERM (and GOOGLE_CLOUD_SHELL) before TERM:
		// a dumb terminal whose client sent COLORTERM=truecolor, as
		// Debian's ssh_config sends it from the terminal the dumb one
		// (Emacs's shell) runs in, was drawn in 24-bit colour.
		p = termenv.Ascii
	case p == termenv.Ascii && !r.Output().EnvNoColor() && smart:
		p = termenv.ANSI
	}
	r.SetColorProfile(p)
	r.SetHasDarkBackground(!colorfgbg.Light(env.Getenv("COLORFGBG")))
	return r
}
