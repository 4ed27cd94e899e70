package duration

import (
	"testing"
	"time"
)

func TestShort(t *testing.T) {
	for _, tt := range []struct {
		d    time.Duration
		want string
	}{
		{15 * time.Minute, "15m"},
		{8 * time.Hour, "8h"},
		{90 * time.Minute, "1h30m"},
		{90 * time.Second, "1m30s"},
		{time.Hour + time.Second, "1h0m1s"},
		{30 * time.Second, "30s"},
		{1500 * time.Millisecond, "1.5s"},
		{0, "0s"},
	} {
		if got := Short(tt.d); got != tt.want {
			t.Errorf("Short(%v) = %q, want %q", tt.d, got, tt.want)
		}
		if back, err := time.ParseDuration(Short(tt.d)); err != nil || back != tt.d {
			t.Errorf("Short(%v) = %q reads back as %v, %v", tt.d, Short(tt.d), back, err)
		}
	}
}
