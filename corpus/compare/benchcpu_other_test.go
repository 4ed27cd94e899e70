//go:build !unix

package compare

import "testing"

// reportCPU runs loop; without getrusage there is no CPU time to report.
func reportCPU(_ *testing.B, loop func()) { loop() }
