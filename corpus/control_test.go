package corpus

import "testing"

func TestControlLen(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"a", 0},
		{"\t", 0},
		{"\n", 0},
		{"\r", 0},
		{"\xff", 0},
		{"\u00a0", 0},
		{"\x00x", 1},
		{"\x1b[31mx", 5},
		{"\x1b]52;c;AA==\x07x", 12},
		{"\x1b]0;t\x1b\\x", 7},
		{"\u009b31mx", 5},
		{"\u202ex", 3},
		{"\u009fapc\u009cx", 7},
		{"\x1b(Bx", 3},
	}
	for _, tt := range tests {
		if got := ControlLen(tt.in); got != tt.want {
			t.Errorf("ControlLen(%q) = %d, want %d", tt.in, got, tt.want)
		}
		if got := ControlLen([]byte(tt.in)); got != tt.want {
			t.Errorf("ControlLen([]byte(%q)) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
