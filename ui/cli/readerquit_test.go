package cli_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestReaderQuitStatus runs the reader in tmux and quits it with a key:
// q is a quit (0), ctrl+c an interruption (130, as the README's exit
// statuses say and SIGINT gives), also while a query is being typed. The
// reader exited 0 on ctrl+c, so "newsdiff DIR && next" went on to next.
func TestReaderQuitStatus(t *testing.T) {
	bin := newsdiffBinary(t)
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	for _, tt := range []struct {
		name string
		keys [][]string // tmux send-keys arguments, one call each
		want string
	}{
		{"q", [][]string{{"q"}}, "EXIT=0"},
		{"ctrl+c", [][]string{{"C-c"}}, "EXIT=130"},
		{"ctrl+c while typing", [][]string{{"/"}, {"-l", "russ"}, {"C-c"}}, "EXIT=130"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tmux := readerInTmux(t, "newsdiff-quit", bin)
			for _, k := range tt.keys {
				tmux.sendKeys(k...)
			}
			if screen := tmux.exitScreen(t, tt.name); !strings.Contains(screen, tt.want) {
				t.Errorf("after %s, want %s:\n%s", tt.name, tt.want, screen)
			}
		})
	}
}
