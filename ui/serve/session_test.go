package serve

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"go.uber.org/goleak"
)

func TestReaderSession(t *testing.T) {
	ts := startServer(t, Config{})
	tt := ts.openTTY(t, "xterm-256color", 80, 24)

	tt.waitFor(wantInitial...)
	if raw := tt.out.String(); !strings.Contains(raw, "\x1b[?1049h") {
		t.Errorf("reader did not enter the alternate screen; output %q", raw)
	}

	tt.press("j")
	tt.waitFor("> bravo")
	tt.press("j")
	tt.waitFor("> charlie")
	tt.press("k")
	tt.waitFor("> bravo")

	if err := tt.sess.WindowChange(30, 100); err != nil {
		t.Fatalf("window change: %v", err)
	}
	tt.waitFor("size 100x30", strings.Repeat("-", 100))

	tt.press("q")
	if got := tt.wait(); got != 0 {
		t.Errorf("exit status after q = %d, want 0", got)
	}
	if raw := tt.out.String(); !strings.Contains(raw, "\x1b[?1049l") {
		t.Errorf("terminal not restored: no exit from the alternate screen in %q", raw[max(0, len(raw)-200):])
	}
	tt.hangUp()
	ts.waitLog(t, `reason=quit`)
	if logs := ts.logs.String(); !strings.Contains(logs, "session=pty") || !strings.Contains(logs, "user=reader") {
		t.Errorf("connect not logged with user and session kind:\n%s", logs)
	}
}

func TestProgramOptions(t *testing.T) {
	ts := startServer(t, Config{ProgramOptions: []tea.ProgramOption{tea.WithMouseCellMotion()}})
	tt := ts.openTTY(t, "xterm", 80, 24)
	tt.waitFor(wantInitial...)
	if raw := tt.out.String(); !strings.Contains(raw, "\x1b[?1002h") {
		t.Errorf("mouse cell motion not enabled; output %q", raw)
	}
	tt.press("q")
	tt.wait()
}

func TestReaderWindowClamped(t *testing.T) {
	ts := startServer(t, Config{})
	tt := ts.openTTY(t, "xterm", 5000, 3000)
	tt.waitFor("size 500x200")
	if err := tt.sess.WindowChange(100000, 100000); err != nil {
		t.Fatal(err)
	}
	tt.press("j") // a frame that shows the size again
	tt.waitFor("size 500x200", "> bravo")
	tt.press("q")
	tt.wait()
}

func TestClampWindow(t *testing.T) {
	tests := []struct{ w, h, wantW, wantH int }{
		{80, 24, 80, 24},
		{0, 0, 1, 1},
		{-5, -1, 1, 1},
		{500, 200, 500, 200},
		{501, 201, 500, 200},
		{65535, 65535, 500, 200},
	}
	for _, tc := range tests {
		if w, h := clampWindow(tc.w, tc.h); w != tc.wantW || h != tc.wantH {
			t.Errorf("clampWindow(%d, %d) = %d×%d, want %d×%d", tc.w, tc.h, w, h, tc.wantW, tc.wantH)
		}
	}
}

// colourSGR matches an escape sequence that sets a foreground colour, in any
// profile: "\x1b[1;95m" (ANSI), "\x1b[1;38;5;205m" (ANSI256), "\x1b[38;2;…m".
var colourSGR = regexp.MustCompile(`\x1b\[[0-9;]*(?:3[0-8]|9[0-7])[0-9;]*m`)

// TestReaderColourProfile checks that each session is styled for its own
// client's terminal, not the server's.
func TestReaderColourProfile(t *testing.T) {
	ts := startServer(t, Config{})
	tests := []struct {
		term    string
		env     []string
		profile string
		colour  bool
	}{
		{"xterm-256color", nil, "ANSI256", true},
		{"xterm-256color", []string{"COLORTERM=truecolor"}, "TrueColor", true},
		{"xterm", nil, "ANSI", true},
		{"dumb", nil, "Ascii", false},
		{"xterm-256color", []string{"NO_COLOR=1"}, "Ascii", false},
	}
	for _, tc := range tests {
		t.Run(tc.term+" "+strings.Join(tc.env, " "), func(t *testing.T) {
			tt := ts.openTTY(t, tc.term, 80, 24, tc.env...)
			tt.waitFor("profile " + tc.profile)
			if got := colourSGR.MatchString(tt.out.String()); got != tc.colour {
				t.Errorf("colour escape in output = %v, want %v", got, tc.colour)
			}
			tt.press("q")
			tt.wait()
		})
	}
}

func TestShellWithoutPtyRefused(t *testing.T) {
	ts := startServer(t, Config{})
	sess, err := ts.dial(t).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr syncBuffer
	sess.Stdout, sess.Stderr = &stdout, &stderr
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	if got := exitStatus(t, sess.Wait()); got != 1 {
		t.Errorf("exit status = %d, want 1", got)
	}
	if got := stderr.String(); !strings.Contains(got, "needs a terminal") || strings.Count(got, "\n") != 1 {
		t.Errorf("stderr = %q, want one line saying a terminal is needed", got)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout = %q, want nothing", stdout.String())
	}
}

func TestIdleTimeout(t *testing.T) {
	const idle = 300 * time.Millisecond
	ts := startServer(t, Config{IdleTimeout: idle})
	tt := ts.openTTY(t, "xterm", 80, 24)
	tt.waitFor(wantInitial...)

	// Input keeps the session alive well past the idle timeout.
	for i := range 6 {
		time.Sleep(idle / 3)
		if tt.ended() {
			t.Fatalf("session ended although the client kept typing; screen:\n%s", tt.screen())
		}
		tt.press([]string{"j", "k"}[i%2])
	}
	start := time.Now()
	tt.waitFor("without input")
	if got := tt.wait(); got != 1 {
		t.Errorf("exit status = %d, want 1", got)
	}
	if elapsed := time.Since(start); elapsed > idle+2*time.Second {
		t.Errorf("idle session closed after %v, want about %v", elapsed, idle)
	}
	tt.hangUp()
	ts.waitLog(t, `reason="idle timeout"`)
}

func TestMaxSession(t *testing.T) {
	const limit = 400 * time.Millisecond
	ts := startServer(t, Config{MaxSession: limit})
	tt := ts.openTTY(t, "xterm", 80, 24)
	tt.waitFor(wantInitial...)
	start := time.Now()
	stop := make(chan struct{})
	var typing sync.WaitGroup
	typing.Add(1)
	go func() { // a busy reader is still ended at the maximum
		defer typing.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
				_, _ = tt.in.Write([]byte{"jk"[i%2]})
			}
		}
	}()
	defer func() { close(stop); typing.Wait() }()
	tt.waitFor("maximum of " + limit.String())
	if got := tt.wait(); got != 1 {
		t.Errorf("exit status = %d, want 1", got)
	}
	if elapsed := time.Since(start); elapsed < limit/2 || elapsed > limit+2*time.Second {
		t.Errorf("session closed after %v, want about %v", elapsed, limit)
	}
	tt.hangUp()
	ts.waitLog(t, `reason="maximum session length"`)
}

// TestPanicEndsOnlyItsSession panics in every place a model can, and checks
// that the session ends with a message, the stack is logged, and the server
// goes on serving.
func TestPanicEndsOnlyItsSession(t *testing.T) {
	for _, where := range []string{"newmodel", "init", "update", "view", "cmd", "batch", "sequence"} {
		t.Run(where, func(t *testing.T) {
			var sessions atomic.Int32
			ts := startServer(t, Config{NewModel: func(r *lipgloss.Renderer, w, h int) tea.Model {
				m := newListModel(r, w, h)
				if sessions.Add(1) == 1 { // only the first session misbehaves
					if where == "newmodel" {
						panic("listModel: panic in NewModel")
					}
					m.panicAt = where
				}
				return m
			}})
			bad := ts.openTTY(t, "xterm", 80, 24)
			if where != "newmodel" && where != "init" {
				bad.waitFor(wantInitial...)
				bad.press("!")
			}
			bad.waitFor("internal error")
			if got := bad.wait(); got != 1 {
				t.Errorf("exit status = %d, want 1", got)
			}
			ts.waitLog(t, "session panic")
			if logs := ts.logs.String(); !strings.Contains(logs, "listModel: panic in") || !strings.Contains(logs, "goroutine ") {
				t.Errorf("panic logged without its value or stack:\n%s", logs)
			}

			good := ts.openTTY(t, "xterm", 80, 24)
			good.waitFor(wantInitial...)
			good.press("j")
			good.waitFor("> bravo")
			good.press("q")
			if got := good.wait(); got != 0 {
				t.Errorf("next session's exit status = %d, want 0", got)
			}
		})
	}
}

// TestManySessions runs 50 sessions at once; each renders, moves and quits,
// and nothing is left running afterwards.
func TestManySessions(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	const n = 50
	ts := startServer(t, Config{MaxSessions: n, MaxPerIP: n})
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- oneSession(ts, t, i)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	ts.shutdown(t)
}

// oneSession is one client of TestManySessions; it reports instead of
// failing because it runs off the test goroutine.
func oneSession(ts *testServer, t *testing.T, i int) error {
	client, err := ts.tryDial(t)
	if err != nil {
		return fmt.Errorf("session %d: dial: %w", i, err)
	}
	defer client.Close()
	width := 60 + i
	tt, err := startTTY(t, client, "xterm-256color", width, 24)
	if err != nil {
		return fmt.Errorf("session %d: %w", i, err)
	}
	if err := tt.await(waitLimit, fmt.Sprintf("size %dx24", width), "> alpha"); err != nil {
		return fmt.Errorf("session %d: %w", i, err)
	}
	if _, err := tt.in.Write([]byte("j")); err != nil {
		return err
	}
	if err := tt.await(waitLimit, "> bravo"); err != nil {
		return fmt.Errorf("session %d: %w", i, err)
	}
	if _, err := tt.in.Write([]byte("q")); err != nil {
		return err
	}
	select {
	case <-tt.done:
	case <-time.After(waitLimit):
		return fmt.Errorf("session %d did not end after q", i)
	}
	if tt.err != nil {
		return fmt.Errorf("session %d ended with %v, want exit status 0", i, tt.err)
	}
	return nil
}

// stuckModel blocks in Update on any key until release is closed, as a
// reader with a bug might.
type stuckModel struct {
	tea.Model
	release <-chan struct{}
}

func (m stuckModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyMsg); ok {
		<-m.release
	}
	return m, nil
}

// TestStuckSessionLosesItsConnection checks that a session that cannot be
// ended (its model never returns from Update) has its connection closed once
// the grace period after the idle timeout is over.
func TestStuckSessionLosesItsConnection(t *testing.T) {
	const grace = 300 * time.Millisecond
	release := make(chan struct{})
	defer close(release) // lets the stuck handler finish before the leak check
	ts := startServer(t, Config{IdleTimeout: 200 * time.Millisecond, ShutdownGrace: grace,
		NewModel: func(r *lipgloss.Renderer, w, h int) tea.Model {
			return stuckModel{Model: testModel(r, w, h), release: release}
		}})
	tt := ts.openTTY(t, "xterm", 80, 24)
	tt.waitFor(wantInitial...)
	tt.press("j")
	closed := make(chan error, 1)
	go func() { closed <- tt.client.Wait() }()
	select {
	case <-closed:
	case <-time.After(waitLimit):
		t.Fatal("connection of a stuck session was never closed")
	}
	ts.waitLog(t, `reason="session did not end within 300ms of idle timeout"`)
}
