package digits

import (
	"fmt"
	"math"
	"testing"
)

func TestGroup(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{
		{0, "0"},
		{7, "7"},
		{999, "999"},
		{1000, "1,000"},
		{4332, "4,332"},
		{15202, "15,202"},
		{43320, "43,320"},
		{100000, "100,000"},
		{400000, "400,000"},
		{1000000, "1,000,000"},
		{1234567, "1,234,567"},
		{-1, "-1"},
		{-999, "-999"},
		{-1000, "-1,000"},
		{-123456, "-123,456"},
		{math.MaxInt64, "9,223,372,036,854,775,807"},
		{math.MinInt64, "-9,223,372,036,854,775,808"},
	} {
		if got := Group(tt.n); got != tt.want {
			t.Errorf("Group(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func ExampleGroup() {
	fmt.Println(Group(43320), "words")
	// Output: 43,320 words
}
