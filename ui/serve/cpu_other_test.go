//go:build !unix

package serve

import "time"

// processCPU reports that this system's process CPU time is not measured.
func processCPU() (time.Duration, bool) { return 0, false }
