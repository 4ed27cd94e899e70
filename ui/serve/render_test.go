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
