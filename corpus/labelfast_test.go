package corpus

import (
	"testing"
)

func TestIsLabel(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"", true},
		{"Share Story", true},
		{"Mrs Clinton’s “beauties”, he said.", true},
		{"Source: Al Jazeera and news agencies", true},
		{" leading", false},
		{"trailing ", false},
		{"two  spaces", false},
		{" ", false},
		{"tab\there", false},
		{"line\nbreak", false},
		{"no-break\u00a0space", false},
		{"em\u2003space", false},
		{"escape \x1b[31mred", false},
		{"del\x7f", false},
		{"c1 \u009b31m", false},
		{"bidi \u202eoverride", false},
		{"mark \u200e", false},
		{"bad \xff byte", false},
		{"cut \xe2\x80", false},
		{"Café Zoë", true},
		{"Cafe\u0301 Zoe\u0308", false},
		{"Vla\u200bdimir", false},
		{"soft\u00adhyphen", false},
		{"emoji 👩\u200d💻", true},
	} {
		if got := isLabel(tc.in); got != tc.want {
			t.Errorf("isLabel(%q) = %v, want %v", tc.in, got, tc.want)
		}
		if got, want := label(tc.in), rebuildLabel(tc.in); got != want {
			t.Errorf("label(%q) = %q, want %q", tc.in, got, want)
		}
		if tc.want && rebuildLabel(tc.in) != tc.in {
			t.Errorf("isLabel(%q) is true but the label is %q", tc.in, rebuildLabel(tc.in))
		}
	}
}

// FuzzLabel checks that label, with its shortcut, answers what rebuilding
// the string answers, and that the shortcut is taken only where the label
// is the string itself.
func FuzzLabel(f *testing.F) {
	for _, s := range []string{"", "Share Story", "a  b", " a", "a\u00a0b", "x\x1b[0my", "\u202e", "\xff", "“q” ’s", "e\u0301", "a\u200b\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := rebuildLabel(s)
		if got := label(s); got != want {
			t.Fatalf("label(%q) = %q, want %q", s, got, want)
		}
		if isLabel(s) && want != s {
			t.Fatalf("isLabel(%q) is true but the label is %q", s, want)
		}
	})
}
