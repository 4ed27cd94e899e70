package cli

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestOpeningShowsProgress is a regression test: index drew its progress
// bar, but list, the story commands and diff --dir indexed a new archive
// in silence, a blank terminal for 5 s at 10,000 articles. On a terminal,
// opening an archive that takes progressDelay now draws the bar on
// stderr and erases it before the output; to a log or a pipe, or when
// opening is quick, nothing is drawn.
func TestOpeningShowsProgress(t *testing.T) {
	was := progressDelay
	t.Cleanup(func() { progressDelay = was })
	progressDelay = 0
	for _, tt := range []struct {
		name       string
		stderrTerm bool
		term       string
		bar        bool
	}{
		{"stderr a terminal", true, "xterm-256color", true},
		{"stderr to a log", false, "xterm-256color", false},
		{"TERM=dumb", true, "dumb", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := archiveDir(t, 3)
			le := newLocalEnv(t, true, "")
			le.vars["TERM"] = tt.term
			le.Local.StderrTerminal = tt.stderrTerm
			if code := le.run("list", dir); code != 0 {
				t.Fatalf("exit %d: %s", code, le.errb)
			}
			stderr := le.errb.String()
			if drawn := strings.Contains(stderr, "reading"); drawn != tt.bar {
				t.Errorf("progress drawn %v, want %v: %q", drawn, tt.bar, stderr)
			}
			if tt.bar && !strings.Contains(stderr, "\r\x1b[K") {
				t.Errorf("the bar is not erased before the output: %q", stderr)
			}
			if !strings.Contains(le.out.String(), "articles") && !strings.Contains(le.out.String(), "ID") {
				t.Errorf("no listing: %q", le.out.String())
			}
			// Indexed already and unchanged: nothing to show.
			le.errb.Reset()
			if code := le.run("list", dir); code != 0 {
				t.Fatalf("exit %d: %s", code, le.errb)
			}
			if s := le.errb.String(); strings.Contains(s, "reading") || strings.Contains(s, "\r") {
				t.Errorf("an unchanged archive drew progress: %q", s)
			}
		})
	}
}

// barStderr is a terminal's stderr that interrupts the command the first
// time a progress bar is drawn on it, and holds the drawing a moment
// longer, as a refresh goes on between two frames.
type barStderr struct {
	mu        sync.Mutex
	b         strings.Builder
	interrupt func()
}

func (w *barStderr) Write(p []byte) (int, error) {
	w.mu.Lock()
	w.b.Write(p)
	first := w.interrupt != nil && strings.Contains(string(p), "reading")
	interrupt := w.interrupt
	if first {
		w.interrupt = nil
	}
	w.mu.Unlock()
	if first {
		interrupt()
		time.Sleep(300 * time.Millisecond)
	}
	return len(p), nil
}

func (w *barStderr) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// TestOpeningInterruptedErasesProgress is a regression test: Ctrl-C
// while list indexed a new archive exited 130 at once, as a printing
// command does, and left the bar on the terminal, "98% reading
// 9,909/10,100" with the shell's prompt after it: the erasing was the
// body's, which the interrupt does not wait for.
func TestOpeningInterruptedErasesProgress(t *testing.T) {
	was := progressDelay
	t.Cleanup(func() { progressDelay = was })
	progressDelay = 0
	dir := archiveDir(t, 3)
	le := newLocalEnv(t, true, "")
	le.vars["TERM"] = "xterm-256color"
	le.Local.StderrTerminal = true
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	stderr := &barStderr{interrupt: func() { cancel(interrupted{os.Interrupt}) }}
	le.Stderr = stderr
	code := Run(ctx, []string{"list", dir}, le.Env)
	got := stderr.String()
	if code != 130 {
		t.Errorf("exit %d, want 130", code)
	}
	bar := strings.LastIndex(got, "reading")
	if bar < 0 || !strings.Contains(got[bar:], "\r\x1b[K") {
		t.Errorf("the bar is left on the terminal: %q", got)
	}
	// Whatever the body does after, it draws no more.
	time.Sleep(400 * time.Millisecond)
	if after := stderr.String(); strings.Count(after, "reading") != strings.Count(got, "reading") {
		t.Errorf("the bar was drawn after the command ended: %q", after[len(got):])
	}
}

// TestQuietDiffDrawsNoProgress is a regression test: diff -q, which
// prints nothing and answers by its status alone, drew the index's bar
// on a terminal's stderr for as long as a new archive was indexed, where
// index -q draws none.
func TestQuietDiffDrawsNoProgress(t *testing.T) {
	was := progressDelay
	t.Cleanup(func() { progressDelay = was })
	progressDelay = 0
	for _, tt := range []struct {
		flag string
		bar  bool
	}{
		{"-q", false},
		{"--exit-code", true},
	} {
		dir := archiveDir(t, 3)
		le := newLocalEnv(t, true, "")
		le.vars["TERM"] = "xterm-256color"
		le.Local.StderrTerminal = true
		le.run("diff", tt.flag, "--dir", dir, "z00", "z01")
		if drawn := strings.Contains(le.errb.String(), "reading"); drawn != tt.bar {
			t.Errorf("diff %s: progress drawn %v, want %v: %q", tt.flag, drawn, tt.bar, le.errb)
		}
	}
}
