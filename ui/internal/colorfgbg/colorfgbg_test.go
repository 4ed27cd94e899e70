package colorfgbg

import "testing"

func TestLight(t *testing.T) {
	tests := []struct {
		v    string
		want bool
	}{
		{"0;15", true},          // black on white
		{"15;0", false},         // white on black
		{"0;default;15", true},  // rxvt's three fields: the last is the background
		{"15;default;0", false}, //
		{"0;7", true},           // light grey
		{"15;4", false},         // blue
		{"15;8", true},          // grey at 50% lightness: light, by termenv's line
		{"0;231", true},         // the 256-colour cube's white
		{"15;16", false},        // and its black
		{"", false},             // unset: dark, as termenv takes it
		{"15", false},           // no background given
		{"0;", false},           // an empty field
		{"0;x", false},          // not a number
		{"0;256", false},        // past the palette
		{"0;-1", false},         //
		{"0;15\x1b[2J", false},  // what a hostile client may send
	}
	for _, tt := range tests {
		if got := Light(tt.v); got != tt.want {
			t.Errorf("Light(%q) = %v, want %v", tt.v, got, tt.want)
		}
	}
}
