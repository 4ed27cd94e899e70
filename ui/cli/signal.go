package cli

import (
	"context"
	"errors"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// interrupted is the cause of a context cancelled by a signal.
type interrupted struct{ sig os.Signal }

func (e interrupted) Error() string { return "interrupted by " + e.sig.String() }

// NotifyContext returns a context that SIGINT or SIGTERM cancels, with the
// signal as its cause, so that Run exits 130 or 143 as a shell expects.
// It keeps catching later signals until stop is called: a printing
// command returns at the first one, and the pager and the reader own the
// terminal until they have restored it, as git does with its pager. The
// second signal ends the context hurryOf returns: serve waits for its
// sessions after the first, and a second Ctrl-C, as for most servers,
// ends the wait.
func NotifyContext(parent context.Context) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(parent)
	hurry, hurried := context.WithCancel(context.Background())
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case sig := <-ch:
				if ctx.Err() != nil {
					hurried()
				}
				cancel(interrupted{sig})
			case <-done:
				return
			}
		}
	}()
	return context.WithValue(ctx, hurryKey{}, hurry), func() {
		signal.Stop(ch)
		close(done)
		cancel(nil)
		hurried()
	}
}

type hurryKey struct{}

// hurryOf returns the context that a signal after the one that ended ctx
// ends (see NotifyContext), or one that never ends when ctx has none.
func hurryOf(ctx context.Context) context.Context {
	if h, ok := ctx.Value(hurryKey{}).(context.Context); ok {
		return h
	}
	return context.Background()
}

// signalOf returns the number of the signal that cancelled ctx.
func signalOf(ctx context.Context) (int, bool) {
	var in interrupted
	if !errors.As(context.Cause(ctx), &in) {
		return 0, false
	}
	if s, ok := in.sig.(syscall.Signal); ok {
		return int(s), true
	}
	return int(syscall.SIGINT), true
}

// keepBrokenPipe makes a write to w, when w is a file (a pipe), fail with
// EPIPE once its reader has gone, rather than end the process with
// SIGPIPE, as Go does for a write to stdout or stderr: git's external
// diff exits 0 then (see app.exit), and serve goes on without its log.
// Other commands die of it, as git does (141).
func keepBrokenPipe(w io.Writer) {
	if _, ok := terminalOf(w).(*os.File); ok {
		signal.Ignore(syscall.SIGPIPE)
	}
}
