package serve

import (
	"context"
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

// TestReaderSession drives the reader as `newsdiff serve` runs it (the real
// reader over the embedded corpus) through a pty session: the first screen
// lists the articles, keys move the selection and open a comparison, a
// window change lays the screen out again at the new size, and q ends the
// session with status 0 and the client's terminal restored.
func TestReaderSession(t *testing.T) {
	ts := startReader(t, Config{})
	tt := ts.openTTY(t, "xterm-256color", 120, 36)

	// The comparison is aligned in the background, so it may follow the
	// list by a frame or more.
	first := tt.waitScreen("the article list and a comparison", func(s screen) bool {
		l, r := comparing(s)
		return listsAll(s) && l != "" && r != ""
	})
	if l, r := comparing(first); l != "Swell Digest" || r != "Hacked.com" {
		t.Errorf("first comparison %q vs %q, want the first two articles; header %q", l, r, first.rows[0])
	}
	if l := articleList(first); l.selected != "Swell Digest" || l.left != "Swell Digest" || l.right != "Hacked.com" {
		t.Errorf("articles pane: selected %q, left %q, right %q; want Swell Digest, Swell Digest, Hacked.com", l.selected, l.left, l.right)
	}
	raw := tt.out.String()
	if !strings.Contains(raw, "\x1b[?1049h") {
		t.Errorf("reader did not enter the alternate screen; output %q", raw)
	}
	if !strings.Contains(raw, "\x1b[?1002h") {
		t.Errorf("the ProgramOptions did not turn on the mouse for the reader; output %q", raw)
	}

	// Keys move the selection in the articles pane ...
	tt.press("\tj") // tab: the keys go to the articles pane
	tt.waitScreen("Hacked.com selected", selected("Hacked.com"))
	tt.press("jj")
	tt.waitScreen("Al Jazeera selected", selected("Al Jazeera"))
	tt.press("k")
	tt.waitScreen("Press TV selected", selected("Press TV"))

	// ... and enter picks the left side, then the right, and opens the
	// comparison.
	tt.press("j\r")
	tt.waitScreen("the prompt for the right side", func(s screen) bool {
		return strings.Contains(s.rows[0], "pick the right side") && articleList(s).left == "Al Jazeera"
	})
	tt.press("j\r")
	opened := tt.waitScreen("Al Jazeera vs TRT World", isComparing("Al Jazeera", "TRT World"))
	if bar, _ := status(opened); !strings.Contains(bar, "COMPARE") || !strings.Contains(bar, "row 1/") {
		t.Errorf("status bar %q, want the comparison at its first row", bar)
	}
	if l := articleList(opened); l.left != "Al Jazeera" || l.right != "TRT World" {
		t.Errorf("articles pane marks %q left and %q right, want Al Jazeera and TRT World", l.left, l.right)
	}
	// The comparison has the keys now: j scrolls it.
	tt.press("j")
	tt.waitScreen("the comparison scrolled", func(s screen) bool { bar, _ := status(s); return strings.Contains(bar, "row 2/") })

	// A window change lays the screen out again at the new size: the
	// status bar spans the new width, and below 100 columns the
	// comparison alone fills it. The reader keeps the passage at the top,
	// so the row is that passage's first at the new width.
	laidOut := func(width, height int, articles bool) func(screen) bool {
		return func(s screen) bool {
			bar, w := status(s)
			return len(s.rows) == height && w == width && s.widest() == width && strings.Contains(bar, "row ") &&
				listsAll(s) == articles && isComparing("Al Jazeera", "TRT World")(s)
		}
	}
	tt.resize(90, 30)
	tt.waitScreen("the comparison alone at 90x30", laidOut(90, 30, false))
	tt.resize(140, 40)
	tt.waitScreen("both panes at 140x40", laidOut(140, 40, true))

	tt.press("q")
	if got := tt.wait(); got != 0 {
		t.Errorf("exit status after q = %d, want 0", got)
	}
	if raw := tt.out.String(); !strings.Contains(raw, "\x1b[?1049l") {
		t.Errorf("terminal not restored: no exit from the alternate screen in %q", raw[max(0, len(raw)-200):])
	}
	if s := tt.vt.snapshot(); strings.Contains(s.text(), "TRT World") {
		t.Errorf("the reader's screen is still there after q:\n%s", s.text())
	}
	tt.hangUp()
	ts.waitLog(t, `reason=quit`)
	if logs := ts.logs.String(); !strings.Contains(logs, "session=pty") || !strings.Contains(logs, "user=reader") ||
		!strings.Contains(logs, `corpus="the embedded story"`) {
		t.Errorf("start or connect not logged with corpus, user and session kind:\n%s", logs)
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

// TestReaderWindowClamped checks that a client claiming an enormous window
// gets the reader laid out for 500x200, the most the server renders: on a
// screen larger than that, the status bar ends at column 500 on row 199.
func TestReaderWindowClamped(t *testing.T) {
	ts := startReader(t, Config{})
	tt := ts.openTTY(t, "xterm", 5000, 3000)
	clamped := func(right string) func(screen) bool {
		return func(s screen) bool {
			bar, w := status(s.cut(maxHeight))
			return listsAll(s) && isComparing("Swell Digest", right)(s) && strings.Contains(bar, "COMPARE") &&
				w == maxWidth && s.widest() == maxWidth && strings.Join(s.rows[maxHeight:], "") == ""
		}
	}
	tt.waitScreen("a 500x200 reader", clamped("Hacked.com"))
	tt.resize(100000, 100000)
	tt.press("]") // the next outlet on the right: a frame that shows the size again
	tt.waitScreen("a 500x200 reader comparing with Press TV", clamped("Press TV"))
	tt.quit()
}

// TestReaderUnknownWindow checks that a client whose pty reports 0×0, as
// `ssh -tt` from a script's pty does, gets the reader laid out for 80×24
// until it sends a window change, and then for that: it used to get a
// reader one cell wide, drawn as "…".
func TestReaderUnknownWindow(t *testing.T) {
	ts := startReader(t, Config{})
	tt := ts.openTTY(t, "xterm", 0, 0)
	// Below 100 columns the comparison fills the screen alone.
	laidOut := func(width, height int, articles bool) func(screen) bool {
		return func(s screen) bool {
			bar, w := status(s)
			return strings.Contains(bar, "COMPARE") && w == width && s.widest() == width &&
				len(s.rows) == height && listsAll(s) == articles
		}
	}
	tt.waitScreen("the comparison at 80x24", laidOut(80, 24, false))
	tt.resize(120, 30)
	tt.waitScreen("both panes at 120x30", laidOut(120, 30, true))
	tt.quit()
}

// TestReaderInputEnd checks that a reader whose client ends its input
// (EOF, as `ssh -tt HOST </dev/null` or a script closing it sends) ends
// with status 0, as a program reading its input ends at its end; it
// exited 1, as a failure.
func TestReaderInputEnd(t *testing.T) {
	ts := startServer(t, Config{})
	tt := ts.openTTY(t, "xterm", 80, 24)
	tt.waitFor(wantInitial...)
	if err := tt.in.Close(); err != nil {
		t.Fatal(err)
	}
	if got := tt.wait(); got != 0 {
		t.Errorf("exit status after the client's EOF = %d, want 0", got)
	}
	ts.waitLog(t, `reason="client ended its input"`)
}

func TestClampWindow(t *testing.T) {
	tests := []struct{ w, h, wantW, wantH int }{
		{80, 24, 80, 24},
		// 0 is a size the client does not know: the default, not one cell.
		{0, 0, 80, 24},
		{0, 30, 80, 30},
		{120, 0, 120, 24},
		{-5, -1, 80, 24},
		{1, 1, 1, 1},
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

// colourSGR matches an escape sequence that sets a colour, in any profile:
// "\x1b[1;95m" (ANSI), "\x1b[1;38;5;205m" (ANSI256), "\x1b[38;2;…m".
var colourSGR = regexp.MustCompile(`\x1b\[[0-9;]*(?:3[0-8]|9[0-7])[0-9;]*m`)

// Colours only the richer profiles can give: 256-colour and 24-bit ones.
var (
	colour256SGR  = regexp.MustCompile(`\x1b\[[0-9;]*[34]8;5;[0-9;]*m`)
	trueColourSGR = regexp.MustCompile(`\x1b\[[0-9;]*[34]8;2;[0-9;]*m`)
)

// TestReaderColourProfile checks that each session of the reader is styled
// for its own client's terminal, not the server's: 24-bit colour, 256
// colours, 16 colours or, for TERM=dumb and NO_COLOR, none at all.
func TestReaderColourProfile(t *testing.T) {
	ts := startReader(t, Config{})
	tests := []struct {
		term           string
		env            []string
		colour         bool
		colour256, rgb bool
	}{
		{"xterm-256color", nil, true, true, false},
		{"xterm-256color", []string{"COLORTERM=truecolor"}, true, false, true},
		{"xterm", nil, true, false, false},
		{"dumb", nil, false, false, false},
		{"xterm-256color", []string{"NO_COLOR=1"}, false, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.term+" "+strings.Join(tc.env, " "), func(t *testing.T) {
			tt := ts.openTTY(t, tc.term, 120, 30, tc.env...)
			tt.waitScreen("the article list", listsAll)
			raw := tt.out.String()
			if got := colourSGR.MatchString(raw); got != tc.colour {
				t.Errorf("colour escapes in output = %v, want %v", got, tc.colour)
			}
			if got := colour256SGR.MatchString(raw); got != tc.colour256 {
				t.Errorf("256-colour escapes in output = %v, want %v", got, tc.colour256)
			}
			if got := trueColourSGR.MatchString(raw); got != tc.rgb {
				t.Errorf("24-bit colour escapes in output = %v, want %v", got, tc.rgb)
			}
			tt.quit()
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
	const idle = time.Second
	ts := startServer(t, Config{IdleTimeout: idle})
	var tt *tty
	var lastKey time.Time
	tryUntil(t, "a client typing past the idle timeout", func() bool {
		tt = ts.openTTY(t, "xterm", 80, 24)
		tt.waitFor(wantInitial...)
		// Input keeps the session alive well past the idle timeout.
		keys, start := 0, time.Now()
		var ok bool
		if lastKey, ok = keepTyping(tt, &keys, idle, func() bool { return time.Since(start) > 2*idle }); !ok {
			tt.hangUp()
		}
		return ok
	})
	tt.waitFor("without input")
	if got := tt.wait(); got != 1 {
		t.Errorf("exit status = %d, want 1", got)
	}
	// The server read the last key after it was sent.
	if elapsed := time.Since(lastKey); elapsed < idle {
		t.Errorf("idle session closed %v after the last key was sent, before the idle timeout of %v", elapsed, idle)
	}
	tt.hangUp()
	ts.waitLog(t, `reason="idle timeout"`)
}

// keepTyping presses j and k on tt, each once the screen shows the last
// (listModel counts them), until done says so, and returns when it sent
// the last. A key that takes more than a third of idle to show is a
// machine too starved to tell whether the server rightly found the
// session idle: keepTyping then gives up and reports false. It fails the
// test if the session ends although every key showed in time, since the
// server then read no two keys in a row more than two thirds of idle
// apart.
func keepTyping(tt *tty, keys *int, idle time.Duration, done func() bool) (last time.Time, ok bool) {
	tt.t.Helper()
	for !done() {
		last = time.Now()
		*keys++
		tt.press([]string{"j", "k"}[*keys%2])
		err := tt.await(waitLimit, fmt.Sprintf("keys %d ", *keys))
		if time.Since(last) > idle/3 {
			return last, false
		}
		if err != nil {
			tt.t.Fatalf("the session ended although the client kept typing: %v", err)
		}
	}
	return last, true
}

// tryUntil calls try until it reports true, for a test that a starved
// machine may leave unable to tell (see keepTyping); it fails the test if
// no try could within waitLimit.
func tryUntil(t *testing.T, what string, try func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for !try() {
		if time.Now().After(deadline) {
			t.Fatalf("the machine was too slow for %s all through %v", what, waitLimit)
		}
	}
}

func TestMaxSession(t *testing.T) {
	const limit = time.Second
	ts := startServer(t, Config{MaxSession: limit})
	start := time.Now() // the session starts after this
	tt := ts.openTTY(t, "xterm", 80, 24)
	tt.waitFor(wantInitial...)
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
	if elapsed := time.Since(start); elapsed < limit {
		t.Errorf("session closed %v after it was asked for, before its maximum of %v", elapsed, limit)
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
			ts := startServer(t, Config{NewModel: func(_ context.Context, r *lipgloss.Renderer, w, h int) tea.Model {
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

// TestManySessions runs 50 sessions of the reader at once; each shows the
// article list, moves the selection and quits, and nothing is left running
// afterwards.
func TestManySessions(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	const n = 50
	// Fifty handshakes and readers at once under -race on a busy machine
	// can take longer than the default allows a connection to start its
	// session in.
	ts := startReader(t, Config{MaxSessions: n, MaxPerIP: n, HandshakeTimeout: manyLimit})
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

// manyLimit bounds the waits of TestManySessions, which has fifty sessions
// to serve at once.
const manyLimit = 3 * waitLimit

// oneSession is one client of TestManySessions; it reports instead of
// failing because it runs off the test goroutine. Each session has a width
// of its own, and its screen must be laid out for it.
func oneSession(ts *testServer, t *testing.T, i int) error {
	client, err := ts.tryDial(t)
	if err != nil {
		return fmt.Errorf("session %d: dial: %w", i, err)
	}
	defer client.Close()
	width := 100 + i
	tt, err := startTTY(t, client, "xterm-256color", width, 24)
	if err != nil {
		return fmt.Errorf("session %d: %w", i, err)
	}
	if _, err := tt.awaitScreen(manyLimit, "the article list", func(s screen) bool {
		_, w := status(s)
		return listsAll(s) && w == width
	}); err != nil {
		return fmt.Errorf("session %d: %w", i, err)
	}
	if _, err := tt.in.Write([]byte("\tj")); err != nil {
		return err
	}
	if _, err := tt.awaitScreen(manyLimit, "Hacked.com selected", selected("Hacked.com")); err != nil {
		return fmt.Errorf("session %d: %w", i, err)
	}
	if _, err := tt.in.Write([]byte("q")); err != nil {
		return err
	}
	select {
	case <-tt.done:
	case <-time.After(manyLimit):
		return fmt.Errorf("session %d did not end after q", i)
	}
	if tt.err != nil {
		return fmt.Errorf("session %d ended with %v, want exit status 0", i, tt.err)
	}
	return nil
}

// stuckModel blocks in Update on any key until release is closed, as a
// reader with a bug might, and says so on stuck.
type stuckModel struct {
	tea.Model
	stuck   chan<- struct{}
	release <-chan struct{}
}

func (m stuckModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyMsg); ok {
		select {
		case m.stuck <- struct{}{}:
		default:
		}
		<-m.release
	}
	return m, nil
}

// TestStuckSessionLosesItsChannel checks that a session that cannot be
// ended (its model never returns from Update) has its channel closed once
// the grace period after it was told to end is over, so that its client
// is let go, and is a regression test: its whole connection was closed,
// and with it every other session OpenSSH's connection sharing ran over
// it. The session is told to end by its client ending its input, once its
// model is stuck: an idle timeout short enough for the test could come
// before the key that makes it stuck, on a loaded machine.
func TestStuckSessionLosesItsChannel(t *testing.T) {
	const grace = 300 * time.Millisecond
	release := make(chan struct{})
	defer close(release) // lets the stuck handler finish before the leak check
	stuck := make(chan struct{}, 1)
	ts := startServer(t, Config{ShutdownGrace: grace,
		NewModel: func(_ context.Context, r *lipgloss.Renderer, w, h int) tea.Model {
			return stuckModel{Model: testModel(context.Background(), r, w, h), stuck: stuck, release: release}
		}})
	client := ts.dial(t)
	tt := openTTYOn(t, client, "xterm", 80, 24)
	tt.waitFor(wantInitial...)
	tt.press("j")
	select {
	case <-stuck:
	case <-time.After(waitLimit):
		t.Fatal("the model never got the key")
	}
	if err := tt.in.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-tt.done:
	case <-time.After(waitLimit):
		t.Fatal("the stuck session was never let go")
	}
	if stdout, stderr, status := runOn(t, client, "list"); status != 0 || stdout != wantList {
		t.Errorf("command after the stuck session on its connection: status %d, stdout %q, stderr %q", status, stdout, stderr)
	}
	ts.waitLog(t, `reason="did not end within 300ms of client ended its input; its channel was closed"`)
}

// TestEndMessagesSayDurationsAsTyped is a regression test: a session
// ended by a limit told its client "closing the session after 15m0s
// without input" and "the maximum of 8h0m0s", Go's way of writing the
// durations that serve --help gives, and the user types, as 15m and 8h.
func TestEndMessagesSayDurationsAsTyped(t *testing.T) {
	s := &Server{cfg: Config{IdleTimeout: 15 * time.Minute, MaxSession: 8 * time.Hour, WriteTimeout: 90 * time.Second}}
	tests := []struct {
		cause error
		want  string
	}{
		{errIdle, "closing the session after 15m without input"},
		{errMaxSession, "closing the session: it reached the maximum of 8h"},
		{errStalled, "closing the session: your terminal read nothing of it for 1m30s"},
	}
	for _, tt := range tests {
		if got := s.endOutcome(tt.cause).message; got != tt.want {
			t.Errorf("%v: %q, want %q", tt.cause, got, tt.want)
		}
	}
	s.cfg.IdleTimeout, s.cfg.MaxSession = 90*time.Minute, 2*time.Second
	for cause, want := range map[error]string{errIdle: "after 1h30m without", errMaxSession: "maximum of 2s"} {
		if got := s.endOutcome(cause).message; !strings.Contains(got, want) {
			t.Errorf("%v: %q, want it to say %q", cause, got, want)
		}
	}
}

// interruptModel is testModel with a ctrl+c that marks it interrupted, as
// the reader's does, and quits only once released: the program is still
// running when the client's input ends after it.
type interruptModel struct {
	tea.Model
	interrupted bool
	got         chan<- struct{}
	release     <-chan struct{}
}

func (m interruptModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyCtrlC {
		m.interrupted = true
		select {
		case m.got <- struct{}{}:
		default:
		}
		release := m.release
		return m, func() tea.Msg { <-release; return tea.Quit() }
	}
	var cmd tea.Cmd
	m.Model, cmd = m.Model.Update(msg)
	return m, cmd
}

func (m interruptModel) Interrupted() bool { return m.interrupted }

// TestReaderInterruptedThenInputEnds is a regression test: a client that
// pressed ctrl+c and then ended its input (printf '\x03' | ssh -tt HOST)
// got 0, the status of an input that ended, whenever the end came before
// the program had quit, though the reader had taken the ctrl+c first; it
// gets 130, as it does when its input stays open.
func TestReaderInterruptedThenInputEnds(t *testing.T) {
	release := make(chan struct{})
	defer close(release) // lets the quit command finish before the leak check
	got := make(chan struct{}, 1)
	ts := startServer(t, Config{
		NewModel: func(_ context.Context, r *lipgloss.Renderer, w, h int) tea.Model {
			return interruptModel{Model: testModel(context.Background(), r, w, h), got: got, release: release}
		}})
	tt := ts.openTTY(t, "xterm", 80, 24)
	tt.waitFor(wantInitial...)
	tt.press("\x03")
	select {
	case <-got:
	case <-time.After(waitLimit):
		t.Fatal("the model never got the ctrl+c")
	}
	if err := tt.in.Close(); err != nil {
		t.Fatal(err)
	}
	if status := tt.wait(); status != 130 {
		t.Errorf("exit status after ctrl+c and the client's EOF = %d, want 130", status)
	}
	ts.waitLog(t, `reason=interrupted`)
}
