package sorted

import (
	"slices"
	"testing"
)

func TestEachAndCount(t *testing.T) {
	tests := []struct {
		a, b []int
		want [][2]int
	}{
		{nil, []int{1}, nil},
		{[]int{1, 3, 5}, []int{2, 3, 4, 5, 9}, [][2]int{{1, 1}, {2, 3}}},
		{[]int{7}, []int{7}, [][2]int{{0, 0}}},
		{[]int{1, 2}, []int{3, 4}, nil},
	}
	for _, tt := range tests {
		var got [][2]int
		Each(tt.a, tt.b, func(i, j int) { got = append(got, [2]int{i, j}) })
		if !slices.Equal(got, tt.want) {
			t.Errorf("Each(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if n := Count(tt.a, tt.b); n != len(tt.want) {
			t.Errorf("Count(%v, %v) = %d, want %d", tt.a, tt.b, n, len(tt.want))
		}
	}
}
