//go:build !linux

package serve

// processRSS reports that this system's resident set size is not measured.
func processRSS() (int64, bool) { return 0, false }
