package serve

import (
	"io"
	"testing"

	"github.com/muesli/termenv"
)

func TestNewRenderer(t *testing.T) {
	tests := []struct {
		env     environ
		profile termenv.Profile
		dark    bool
	}{
		{environ{"TERM=xterm-256color"}, termenv.ANSI256, true},
		{environ{"TERM=xterm"}, termenv.ANSI, true},
		{environ{"TERM=dumb"}, termenv.Ascii, true},
		{environ{""}, termenv.Ascii, true},
		// Regression: termenv has no palette for screen (GNU screen's
		// and tmux's default TERM), and a client in tmux read a
		// colourless reader.
		{environ{"TERM=screen"}, termenv.ANSI, true},
		{environ{"NO_COLOR=1", "TERM=screen"}, termenv.Ascii, true},
		{environ{"COLORTERM=truecolor", "TERM=xterm-256color"}, termenv.TrueColor, true},
		{environ{"NO_COLOR=1", "TERM=xterm-256color"}, termenv.Ascii, true},
		{environ{"CLICOLOR=0", "TERM=xterm-256color"}, termenv.Ascii, true},
		// The pty's TERM comes last and wins over an "env" request's.
		{environ{"TERM=dumb", "TERM=xterm-256color"}, termenv.ANSI256, true},
		{environ{"TERM=xterm-256color", "COLORFGBG=0;15"}, termenv.ANSI256, false},
		{environ{"TERM=xterm-256color", "COLORFGBG=15;0"}, termenv.ANSI256, true},
		{environ{"TERM=xterm-256color", "COLORFGBG=15;default;0"}, termenv.ANSI256, true},
		{environ{"TERM=xterm-256color", "COLORFGBG=garbage"}, termenv.ANSI256, true},
		// Regression: a terminal that takes no escape sequences (TERM
		// dumb or unset: Emacs's shell, a script) was drawn in 24-bit
		// colour when the client also sent COLORTERM, as Debian's
		// ssh_config does, from the terminal the dumb one ran in.
		{environ{"COLORTERM=truecolor", "TERM=dumb"}, termenv.Ascii, true},
		{environ{"COLORTERM=24bit", "TERM="}, termenv.Ascii, true},
		{environ{"COLORTERM=yes", "TERM=dumb"}, termenv.Ascii, true},
		{environ{"GOOGLE_CLOUD_SHELL=true", "TERM=dumb"}, termenv.Ascii, true},
		// CLICOLOR_FORCE asks for colour even there.
		{environ{"CLICOLOR_FORCE=1", "TERM=dumb"}, termenv.ANSI, true},
		{environ{"CLICOLOR_FORCE=1", "COLORTERM=truecolor", "TERM=dumb"}, termenv.TrueColor, true},
		{environ{"CLICOLOR_FORCE=0", "COLORTERM=truecolor", "TERM=dumb"}, termenv.Ascii, true},
	}
	for _, tc := range tests {
		r := newRenderer(io.Discard, tc.env)
		if got := r.ColorProfile(); got != tc.profile {
			t.Errorf("%q: profile %s, want %s", tc.env, got.Name(), tc.profile.Name())
		}
		if got := r.HasDarkBackground(); got != tc.dark {
			t.Errorf("%q: dark background %v, want %v", tc.env, got, tc.dark)
		}
	}
}
