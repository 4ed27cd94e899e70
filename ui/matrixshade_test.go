package ui

import "testing"

// TestShadeGoesByThePrintedShare checks that a cell is shaded by the share
// it prints: TRT World's 19.6% of Swell Digest read "20%" but was shaded
// as under 20%, against the legend's "20%+".
func TestShadeGoesByThePrintedShare(t *testing.T) {
	for _, tt := range []struct {
		share float64
		want  int
	}{
		{0, 0}, {0.194, 0}, {0.196, 1}, {0.2, 1}, {0.3949, 1}, {0.3951, 2},
		{0.6, 3}, {0.7951, 4}, {1, 4}, {-0.1, 0}, {1.2, 4},
	} {
		if got := shadeLevel(tt.share); got != tt.want {
			t.Errorf("shadeLevel(%v) = %d (the cell reads %d%%), want %d", tt.share, got, percent(tt.share), tt.want)
		}
	}
}
