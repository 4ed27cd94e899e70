package serve

import (
	"runtime/debug"
	"testing"
)

// TestTuneGC checks that TuneGC sets GCPercent and that GOGC, when set,
// wins.
func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	t.Setenv("GOGC", "")
	TuneGC()
	if got := debug.SetGCPercent(100); got != GCPercent {
		t.Errorf("GOGC unset: the collector's target is %d, want %d", got, GCPercent)
	}
	t.Setenv("GOGC", "50")
	TuneGC()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC=50: TuneGC changed the target to %d; GOGC must win", got)
	}
}
