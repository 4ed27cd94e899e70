package serve

import (
	"errors"
	"testing"
	"time"
)

// heldWriter is a client that reads nothing until open is closed; each
// write it then takes is sent on took.
type heldWriter struct {
	open chan struct{}
	took chan string
}

func newHeldWriter() *heldWriter {
	return &heldWriter{open: make(chan struct{}), took: make(chan string, 8)}
}

func (w *heldWriter) Write(p []byte) (int, error) {
	<-w.open
	w.took <- string(p)
	return len(p), nil
}

// next returns the next write the client took.
func (w *heldWriter) next(t *testing.T) string {
	t.Helper()
	select {
	case s := <-w.took:
		return s
	case <-time.After(waitLimit):
		t.Fatal("the client took no write")
		return ""
	}
}

// stallOn makes a guard whose first write to w stalls.
func stallOn(t *testing.T, w *heldWriter) *stallGuard {
	t.Helper()
	g := newStallGuard(time.Millisecond, func() {})
	for _, p := range []string{"frame", "next frame"} {
		if _, err := g.writer(w).Write([]byte(p)); !errors.Is(err, errStalled) {
			t.Fatalf("write %q to a client that reads nothing: %v, want errStalled", p, err)
		}
	}
	return g
}

// TestWriteAfterStall checks the guard's last write for a stalled
// session: after the stalled one once the client reads again, and never
// if it does not within the limit, or once told to quit.
func TestWriteAfterStall(t *testing.T) {
	t.Run("client reads again", func(t *testing.T) {
		w := newHeldWriter()
		g := stallOn(t, w)
		defer g.stop()
		close(w.open)
		if !g.writeAfterStall(w, []byte("restore"), waitLimit, nil) {
			t.Fatal("the last write did not go out")
		}
		for _, want := range []string{"frame", "restore"} {
			if got := w.next(t); got != want {
				t.Errorf("the client took %q, want %q", got, want)
			}
		}
	})
	t.Run("client never reads again", func(t *testing.T) {
		w := newHeldWriter()
		g := stallOn(t, w)
		if g.writeAfterStall(w, []byte("restore"), time.Millisecond, nil) {
			t.Error("the last write went out to a client that reads nothing")
		}
		quit := make(chan struct{})
		close(quit)
		if g.writeAfterStall(w, []byte("restore"), time.Hour, quit) {
			t.Error("the last write went out after quit")
		}
		g.stop()
		close(w.open) // the stalled write goes out, and the guard's goroutine ends
		if got := w.next(t); got != "frame" {
			t.Errorf("the client took %q, want the stalled frame", got)
		}
		select {
		case got := <-w.took:
			t.Errorf("the client took %q after the stalled frame", got)
		default:
		}
	})
	t.Run("not stalled", func(t *testing.T) {
		w := newHeldWriter()
		close(w.open)
		g := newStallGuard(waitLimit, func() {})
		defer g.stop()
		if _, err := g.writer(w).Write([]byte("frame")); err != nil {
			t.Fatal(err)
		}
		if g.writeAfterStall(w, []byte("restore"), waitLimit, nil) {
			t.Error("a last write went out for a session that did not stall")
		}
		if got := w.next(t); got != "frame" {
			t.Errorf("the client took %q, want the frame", got)
		}
	})
}
