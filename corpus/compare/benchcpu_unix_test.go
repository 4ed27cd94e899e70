//go:build unix

package compare

import (
	"syscall"
	"testing"
	"time"
)

// processCPU is the CPU time the process has used, user and system, GC
// workers included.
func processCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}

// reportCPU runs the benchmark loop body through loop and reports the CPU
// time per operation next to the wall time: on a machine others share,
// the CPU time is the steadier figure for comparing two versions.
func reportCPU(b *testing.B, loop func()) {
	start, ok := processCPU()
	loop()
	end, ok2 := processCPU()
	if ok && ok2 && b.N > 0 {
		b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
	}
}
