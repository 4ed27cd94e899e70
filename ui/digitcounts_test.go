package ui

import "testing"

// TestReaderGroupsCounts checks that the reader's counts read as counts:
// grouped from a thousand up, as the commands print them ("43320 words"
// had to be read digit by digit).
func TestReaderGroupsCounts(t *testing.T) {
	for _, tt := range []struct{ name, got, want string }{
		{"row", rowPosition(1233, 5678, 20), "row 1,234/5,678 · 21%"},
		{"short row", rowPosition(0, 12, 20), "row 1/12 · all"},
		{"header words", wordCount(43320, 40), " · 43,320 words"},
		{"header words, narrow", wordCount(43320, 11), " · 43,320w"},
		{"changed words", changedWords(1234, 56789), "-1,234 +56,789 words"},
		{"changed word", changedWords(0, 1), "-0 +1 word"},
	} {
		if tt.got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}
