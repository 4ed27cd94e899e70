package cli_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReaderNeedsStdoutTerminal is a regression test: run on a terminal
// with stdout redirected to a file or a pipe, the reader drew its screens
// there, escape sequences and all, while the terminal stayed blank until
// q was pressed blind, and exited 0. It now says in one line that it
// needs a terminal, and what prints instead, and exits 1, writing nothing.
func TestReaderNeedsStdoutTerminal(t *testing.T) {
	bin := newsdiffBinary(t)
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	out := filepath.Join(t.TempDir(), "out")
	session := commandInTmux(t, "newsdiff-stdout", fmt.Sprintf("env TERM=xterm-256color %s > %s", bin, out))
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(session.screen(), "EXIT=") {
		if time.Now().After(deadline) {
			// The old reader waits, drawing into the file, for a q.
			session.sendKeys("q")
			time.Sleep(time.Second)
			b, _ := os.ReadFile(out)
			t.Fatalf("the reader did not exit on its own; it wrote %d bytes to the file:\n%s", len(b), session.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
	screen := session.screen()
	if !strings.Contains(screen, "EXIT=1") || !strings.Contains(screen, "newsdiff: the reader needs stdout to be a terminal") {
		t.Errorf("want one line saying the reader needs a terminal and EXIT=1:\n%s", screen)
	}
	if b, err := os.ReadFile(out); err != nil || len(b) != 0 {
		t.Errorf("the file holds %q (%v), want nothing", b, err)
	}
}
