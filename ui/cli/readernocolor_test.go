package cli_test

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// sgr is a Select Graphic Rendition sequence: a colour or an attribute.
var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// TestReaderColourOff runs the reader in tmux with colour off each way
// the README names, and reads the screen with its attributes (tmux
// capture-pane -e): --no-color and --color never must draw as NO_COLOR
// does, with no colour and no attribute, changes bracketed. --no-color
// kept bold, dim and reverse video while NO_COLOR dropped them.
func TestReaderColourOff(t *testing.T) {
	bin := newsdiffBinary(t)
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	for _, tt := range []struct{ name, command string }{
		{"NO_COLOR", "env TERM=xterm-256color NO_COLOR=1 " + bin},
		{"--no-color", "env -u NO_COLOR TERM=xterm-256color " + bin + " --no-color"},
		{"--color never", "env -u NO_COLOR TERM=xterm-256color " + bin + " --color never"},
		{"TERM=dumb", "env -u NO_COLOR TERM=dumb " + bin},
		{"TERM unset", "env -u NO_COLOR -u TERM " + bin},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tmux := readerInTmux(t, "newsdiff-nocolor", tt.command)
			// The list shows before the first comparison is drawn: on a
			// loaded machine, a capture taken at once held an empty
			// comparison pane, and so no brackets.
			tmux.waitFor(t, "the first comparison", func(screen string) bool {
				return strings.Contains(screen, "[-") && strings.Contains(screen, "{+")
			})
			screen := tmux.run("capture-pane", "-e", "-p", "-t", string(tmux))
			if seqs := sgr.FindAllString(screen, 5); len(seqs) > 0 {
				t.Errorf("with %s the reader drew attributes %q:\n%s", tt.name, seqs, screen)
			}
			if !strings.Contains(screen, "[-") || !strings.Contains(screen, "{+") {
				t.Errorf("with %s the changes are not bracketed:\n%s", tt.name, screen)
			}
		})
	}
	// The check above can fail: with colour on, the same capture holds
	// attributes — however colour came to be on. A set CI (termenv takes
	// it to mean no terminal) and --color always over NO_COLOR drew a
	// colourless reader while saying colour was on; so did a TERM termenv
	// has no palette for (screen, GNU screen's and tmux's default; dumb
	// under --color always), where diff coloured the same terminal.
	for _, tt := range []struct{ name, command string }{
		{"colour on", "env -u NO_COLOR -u CI TERM=xterm-256color " + bin},
		{"colour on with CI set", "env -u NO_COLOR CI=true TERM=xterm-256color " + bin},
		{"--color always over NO_COLOR", "env NO_COLOR=1 TERM=xterm-256color " + bin + " --color always"},
		{"TERM=screen", "env -u NO_COLOR -u COLORTERM TERM=screen " + bin},
		{"--color always with TERM=dumb", "env -u NO_COLOR -u COLORTERM TERM=dumb " + bin + " --color always"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tmux := readerInTmux(t, "newsdiff-nocolor", tt.command)
			if screen := tmux.run("capture-pane", "-e", "-p", "-t", string(tmux)); !sgr.MatchString(screen) {
				t.Errorf("with %s the capture holds no attribute:\n%s", tt.name, screen)
			}
		})
	}
}
