package cli

import (
	"context"
	"os"
	"testing"
)

// TestSignalsCaughtOnlyForACommand checks that Run starts catching
// signals (Local.Notify) only once a command is about to run, and that the
// command then runs under the context Notify returned: a signal there ends
// it with 130, and Run stops the catching as it returns. A run that prints
// its version or help, or refuses its arguments, never starts it: signal
// handling costs the process three threads, a twentieth of --version.
func TestSignalsCaughtOnlyForACommand(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		caught bool
		status int
	}{
		{[]string{"--version"}, false, ExitOK},
		{[]string{"-v"}, false, ExitOK},
		{[]string{"--help"}, false, ExitOK},
		{[]string{"diff", "--help"}, false, ExitOK},
		{[]string{"diff", "003"}, false, ExitUsage},
		{[]string{"diff", "003", "004"}, true, 130},
		{[]string{"list"}, true, 130},
	} {
		le := newLocalEnv(t, false, "")
		var notified, stopped int
		le.Local.Notify = func(parent context.Context) (context.Context, func()) {
			notified++
			// A signal that came at once.
			ctx, cancel := context.WithCancelCause(parent)
			cancel(interrupted{os.Interrupt})
			return ctx, func() { stopped++ }
		}
		status := le.run(tt.args...)
		if status != tt.status {
			t.Errorf("%q: exit %d, want %d; stderr %q", tt.args, status, tt.status, le.errb)
		}
		want := 0
		if tt.caught {
			want = 1
		}
		if notified != want || stopped != want {
			t.Errorf("%q: signals caught %d times and stopped %d, want %d", tt.args, notified, stopped, want)
		}
	}
}
