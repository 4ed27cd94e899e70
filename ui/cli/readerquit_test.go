package cli_test

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
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
			session := fmt.Sprintf("newsdiff-quit-%d", os.Getpid())
			tmux := func(args ...string) string {
				out, _ := exec.Command("tmux", args...).CombinedOutput()
				return string(out)
			}
			script := fmt.Sprintf(`%s ; echo EXIT=$?; sleep 60`, bin)
			if out, err := exec.Command("tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30", script).CombinedOutput(); err != nil {
				t.Fatalf("tmux: %v\n%s", err, out)
			}
			defer tmux("kill-session", "-t", session)
			deadline := time.Now().Add(15 * time.Second)
			for !strings.Contains(tmux("capture-pane", "-p", "-t", session), "Swell Digest") {
				if time.Now().After(deadline) {
					t.Fatalf("the reader never showed:\n%s", tmux("capture-pane", "-p", "-t", session))
				}
				time.Sleep(100 * time.Millisecond)
			}
			for _, k := range tt.keys {
				tmux(append([]string{"send-keys", "-t", session}, k...)...)
			}
			deadline = time.Now().Add(5 * time.Second)
			for {
				screen := tmux("capture-pane", "-p", "-t", session)
				if strings.Contains(screen, "EXIT=") {
					if !strings.Contains(screen, tt.want) {
						t.Errorf("after %s, want %s:\n%s", tt.name, tt.want, screen)
					}
					return
				}
				if time.Now().After(deadline) {
					t.Fatalf("the reader did not exit within 5 s of %s:\n%s", tt.name, screen)
				}
				time.Sleep(50 * time.Millisecond)
			}
		})
	}
}
