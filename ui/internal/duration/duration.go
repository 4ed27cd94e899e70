// Package duration writes a time.Duration as a person types it, for the
// commands' help and the server's messages alike: 15m, 8h, 1h30m, where Go
// writes 15m0s, 8h0m0s and 1h30m0s.
package duration

import (
	"strings"
	"time"
)

// Short is d as a person would type it (and as a flag of type duration
// reads it back): Go's own form without its trailing zero units.
func Short(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
