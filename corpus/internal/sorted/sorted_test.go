package sorted

import (
	"slices"
	"testing"
)

// TestEachAndCount checks the walks against each other on the same
// inputs: Each's matches, Count's and CountFew's number, and WeightShared's sum of a's
// weights at the matches (weight i is 1<<i, so the sum names them).
func TestEachAndCount(t *testing.T) {
	tests := []struct {
		a, b []int
		want [][2]int
	}{
		{nil, []int{1}, nil},
		{[]int{1, 3, 5}, []int{2, 3, 4, 5, 9}, [][2]int{{1, 1}, {2, 3}}},
		{[]int{7}, []int{7}, [][2]int{{0, 0}}},
		{[]int{1, 2}, []int{3, 4}, nil},
		{[]int{1, 2, 3, 4}, []int{1, 2, 3, 4}, [][2]int{{0, 0}, {1, 1}, {2, 2}, {3, 3}}},
		{[]int{5, 6, 7}, []int{1, 2, 7, 8}, [][2]int{{2, 2}}},
		{[]int{1, 9}, []int{2, 3, 4, 9}, [][2]int{{1, 3}}},
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
		if n := CountFew(tt.a, tt.b); n != len(tt.want) {
			t.Errorf("CountFew(%v, %v) = %d, want %d", tt.a, tt.b, n, len(tt.want))
		}
		weights := make([]float32, len(tt.a))
		wantSum := 0.0
		for i := range weights {
			weights[i] = float32(int(1) << i)
		}
		for _, m := range tt.want {
			wantSum += float64(weights[m[0]])
		}
		if sum, n := WeightShared(tt.a, weights, tt.b); sum != wantSum || n != len(tt.want) {
			t.Errorf("WeightShared(%v, %v, %v) = %v, %d, want %v, %d", tt.a, weights, tt.b, sum, n, wantSum, len(tt.want))
		}
	}
}
