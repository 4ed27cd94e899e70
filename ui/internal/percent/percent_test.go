package percent

import "testing"

func TestOf(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		want string
	}{
		{0, "0%"},
		{0.001, "1%"},
		{0.004, "1%"},
		{0.0051, "1%"},
		{0.16, "16%"},
		{0.415, "42%"},
		{0.994, "99%"},
		{0.997, "99%"},
		{0.99999, "99%"},
		{1, "100%"},
		{1.0000001, "100%"},
		{-0.1, "0%"},
	} {
		if got := String(tt.v); got != tt.want {
			t.Errorf("String(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}
