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

// TestDropControlRuns checks what a loaded article's text keeps of control
// runs: none, each escape sequence going whole, and whitespace, text and
// invalid bytes kept.
func TestDropControlRuns(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"plain text\n\twith\r\nwhitespace\f\v", "plain text\n\twith\r\nwhitespace\f\v"},
		{"red \x1b[31mword\x1b[0m.", "red word."},
		{"a\x07b\x00c\x7fd", "abcd"},
		{"x\u0085y \u009b2Jz", "xy z"},
		{"\u202eevil\u202c \u2066iso\u2069 \u200fmark", "evil iso mark"},
		{"bad \xff byte, é and 日本", "bad \xff byte, é and 日本"},
		{"title\x1b]0;pwned\x07 here", "title here"},
		{"Vladi\u00admir and prac\u00ad\u00adtices\u00ad", "Vladimir and practices"},
		{"Vla\u200bdi\u2060mir, x\u2062y and in\ufefftext", "Vladimir, xy and intext"},
		{"\ufeffA file's byte-order mark, then a\ufeffmark", "\ufeffA file's byte-order mark, then amark"},
		{"\u200bA zero-width space first", "A zero-width space first"},
		// Joiners and non-joiners are seen: they shape emoji and words.
		{"👩\u200d💻 and \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "👩\u200d💻 and \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"},
	} {
		if got := string(dropControlRuns([]byte(tt.in))); got != tt.want {
			t.Errorf("dropControlRuns(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Text without a control is returned as it is, not copied.
	in := []byte("nothing to drop")
	if out := dropControlRuns(in); &out[0] != &in[0] {
		t.Errorf("a text without controls was copied")
	}
}
