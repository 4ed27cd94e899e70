package plural

import "testing"

func TestCount(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "0 stories"},
		{1, "1 story"},
		{2, "2 stories"},
		{21, "21 stories"},
		{1000, "1,000 stories"},
		{13672, "13,672 stories"},
	}
	for _, tt := range tests {
		if got := Count(tt.n, "story", "stories"); got != tt.want {
			t.Errorf("Count(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestTheir(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{1, "its"}, {2, "their"}, {5, "their"}} {
		if got := Their(tt.n); got != tt.want {
			t.Errorf("Their(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
