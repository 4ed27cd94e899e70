package serve

import (
	"os"
	"runtime/debug"
)

// GCPercent is the garbage collector's target for a process that serves the
// reader. Every frame of every session is a fresh string that Bubble Tea's
// renderer copies, splits and writes again, and the SSH session copies once
// more, so a scrolling session allocates about 60 KB per key, five sixths
// of it in the renderer and the SSH session; at Go's default of 100 the
// collector took about 13% of the server's CPU time under a hundred
// scrolling sessions (BenchmarkServeLoad). At 200 the server's CPU time per
// key fell by about a tenth (184 to 162 µs) for 0.1–0.4 MiB more resident
// memory per session; 400 saved no more.
const GCPercent = 200

// TuneGC sets the collector's target to GCPercent unless the GOGC
// environment variable says otherwise. It changes the whole process: call
// it once, in a process whose work is serving.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(GCPercent)
	}
}
