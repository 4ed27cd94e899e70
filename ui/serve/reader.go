package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/gliderlabs/ssh"
)

// runReader runs the reader for one pty session until the model quits or the
// session is ended (client gone, idle, maximum length, shutdown, panic). It is
// the Bubble Tea wiring wish would otherwise provide: the session is the
// program's input and output, window changes become tea.WindowSizeMsg, and
// the program is killed when the session context ends so that the client's
// terminal is restored and nothing is left running.
func (s *Server) runReader(sess ssh.Session, ss *session, streams sessionIO) outcome {
	if s.cfg.NewModel == nil {
		return outcome{1, "this server has no interactive reader; run a command (" + s.commandList() + ")", "refused: no reader"}
	}
	pty, _, _ := sess.Pty()
	ss.takeInput(inputReader)
	ctx, cancel := context.WithCancelCause(ss.ctx)
	defer cancel(nil)
	ss.attach(cancel, true)

	timers := newSessionTimers(s.cfg.IdleTimeout, s.cfg.MaxSession, ss.stop)
	defer timers.stop()

	g := &guard{onPanic: func(v any, stack []byte) {
		s.logClient(slog.LevelError, ss.c.addr, "session panic", "", "remote", sess.RemoteAddr().String(),
			"user", logField(sess.User()), "panic", fmt.Sprint(v), "stack", string(stack))
		ss.stop(errPanic)
	}}
	width, height := clampWindow(pty.Window.Width, pty.Window.Height)
	// What the model writes through its renderer's output (a copy to
	// the client's clipboard, OSC 52, from a command's goroutine) goes
	// out as the program's frames do, through the stall guard, one
	// write at a time and bounded by WriteTimeout: x/crypto's writes to
	// one channel share a packet buffer, and a copy written to the
	// session beside a frame larger than a packet reached the client
	// mixed with it; one to a client that read nothing waited for ever.
	model := g.build(func() tea.Model {
		return s.cfg.NewModel(ctx, newRenderer(streams.stdout, clientEnv(sess, pty)), width, height)
	})
	if model == nil {
		return s.endOutcome(errPanic)
	}
	exact := s.cfg.ExactFrames
	if exact {
		model = exactWindowModel{model}
	}

	// The client's input ends (EOF) after whatever keys came before it:
	// the program is asked to quit, as a program reading its input
	// ends at its end, only once it has taken every key read before.
	// Bubble Tea hands each key to the program, and reads again, only
	// once the program has taken it, so the quit, sent from that same
	// read, comes after them all, and the program draws its last frame
	// as it does after q. Cancelling the session there killed the program
	// with the keys not yet handled: ctrl+c piped in (printf '\x03' |
	// ssh -tt HOST) exited 0, and what the keys drew was never sent.
	// A program that does not take the quit within quitWait, a model
	// stuck in its Update, is stopped as any session is.
	var p *tea.Program
	var inputEnded atomic.Bool
	endInput := func() {
		inputEnded.Store(true)
		stuck := time.AfterFunc(quitWait, func() { ss.stop(errInputEnded) })
		p.Quit()
		stuck.Stop()
	}
	p = tea.NewProgram(model, append(slices.Clone(s.cfg.ProgramOptions),
		tea.WithContext(ctx),
		tea.WithInput(&activityReader{r: newBoundedInput(sess), onInput: timers.touch, onEnd: endInput}),
		tea.WithOutput(streams.stdout),
		// The reader is full-screen; the alternate screen gives the client
		// back the terminal it had when the session ends.
		tea.WithAltScreen(),
		// Signals belong to the server process, not to one session.
		tea.WithoutSignalHandler(),
	)...)
	// Window sizes are forwarded newest first and never queued: the
	// request filter keeps only the latest the client sent (the pty's,
	// then each window change) in ss.window, never waiting on anyone, and
	// this goroutine hands it to the program. The first is the pty's size,
	// which the program gets as it would in a local terminal.
	go func() {
		for {
			w, h, ok := ss.window.next(ctx.Done())
			if !ok {
				return
			}
			timers.touch()
			if exact {
				p.Send(windowMsg{w, h})
			} else {
				p.Send(tea.WindowSizeMsg{Width: w, Height: h})
			}
			// Sizes that come meanwhile replace each other, and only
			// the last is laid out: a client changing its window
			// hundreds of times a second costs a few re-layouts.
			select {
			case <-time.After(resizeInterval):
			case <-ctx.Done():
				return
			}
		}
	}()

	final, err := p.Run()
	p.Kill()

	switch cause := context.Cause(ctx); {
	case errors.Is(cause, errInputEnded) && interrupted(final):
		// The program took the client's ctrl+c before its input ended
		// (printf '\x03' | ssh -tt HOST): the keys came first, and the
		// model they left is final, however soon the end came after.
		return outcome{130, "", "interrupted"}
	case cause != nil:
		return s.endOutcome(cause)
	case errors.Is(err, tea.ErrProgramPanic):
		// Only a panic the guard could not reach ends up here, and
		// Bubble Tea has already printed its stack.
		s.logClient(slog.LevelError, ss.c.addr, "session panic", "", "remote", sess.RemoteAddr().String(),
			"panic", "recovered by bubbletea")
		return s.endOutcome(errPanic)
	case err != nil:
		return outcome{1, "", "program error: " + err.Error()}
	case interrupted(final):
		return outcome{130, "", "interrupted"}
	case inputEnded.Load():
		return s.endOutcome(errInputEnded)
	default:
		return outcome{0, "", "quit"}
	}
}

// interrupted reports whether the model a program ended with says it was
// quit with ctrl+c (see Config.NewModel): the reader's ctrl+c exited 130
// on the command line and 0 over SSH.
func interrupted(m tea.Model) bool {
	for {
		switch w := m.(type) {
		case exactWindowModel:
			m = w.model
		case guardedModel:
			m = w.model
		case interface{ Interrupted() bool }:
			return w.Interrupted()
		default:
			return false
		}
	}
}

// quitWait is how long a program whose client's input ended is given to
// take the quit it is then sent: as long as the Update it is in takes,
// which for a model that does its work off the UI goroutine is a moment.
const quitWait = time.Second

// resizeInterval is the least time between two window sizes handed to a
// session's program: two frames at Bubble Tea's 60 a second, so that a
// person dragging a window edge sees it follow, while a flood of window
// changes is laid out at most 30 times a second.
const resizeInterval = 2 * time.Second / 60

// activityReader is the program's input: it restarts the idle timer on every
// keystroke and ends the program when the client's input ends (its EOF,
// or the channel's close), since a reader without input can only wait for
// the idle timeout. onEnd is called from the Read that meets the end,
// before it returns.
type activityReader struct {
	r       io.Reader
	onInput func()
	onEnd   func()
}

// Read implements io.Reader.
func (a *activityReader) Read(p []byte) (int, error) {
	n, err := a.r.Read(p)
	if n > 0 {
		a.onInput()
	}
	if err != nil {
		a.onEnd()
	}
	return n, err
}

// sessionTimers are a session's idle and maximum-length timers. They are
// guarded so that a late keystroke cannot re-arm the idle timer after the
// session ended.
type sessionTimers struct {
	mu      sync.Mutex
	idle    time.Duration
	idleT   *time.Timer
	maxT    *time.Timer
	stopped bool
}

// newSessionTimers starts both timers; each calls stop with its cause.
func newSessionTimers(idle, maxLength time.Duration, stop func(error)) *sessionTimers {
	return &sessionTimers{
		idle:  idle,
		idleT: time.AfterFunc(idle, func() { stop(errIdle) }),
		maxT:  time.AfterFunc(maxLength, func() { stop(errMaxSession) }),
	}
}

// touch restarts the idle timer.
func (t *sessionTimers) touch() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.stopped {
		t.idleT.Reset(t.idle)
	}
}

// stop stops both timers for good.
func (t *sessionTimers) stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.stopped = true
	t.idleT.Stop()
	t.maxT.Stop()
}
