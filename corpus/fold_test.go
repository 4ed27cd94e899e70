package corpus

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestContainsLower(t *testing.T) {
	for _, tc := range []struct {
		s, p string
		want bool
	}{
		{"All Rights Reserved.", "all rights reserved", true},
		{"ALL RIGHTS RESERVED", "all rights reserved", true},
		{"all rights reserve", "all rights reserved", false},
		{"Guardian staff AND AGENCIES", "and agenci", true},
		{"Guardian staff and agenc", "and agenci", false},
		{"and agencİes", "and agenci", true},          // U+0130 lower-cases to i
		{"\u212Aey", "key", true},                     // the Kelvin sign to k
		{"and agencıes", "and agenci", false},         // dotless ı does not
		{"“quoted” and agencies", "and agenci", true}, // runes outside ASCII before the match
		{"and\u00a0agencies", "and agenci", false},    // no-break space is no space
		{"a\xffand agencies", "and agenci", true},     // a bad byte before the match
		{"and \xffagencies", "and agenci", false},     // and inside it
		{"", "and agenci", false},
		{"x", "", true},
	} {
		if got := containsLower(tc.s, tc.p); got != tc.want {
			t.Errorf("containsLower(%q, %q) = %v, want %v", tc.s, tc.p, got, tc.want)
		}
		if want := strings.Contains(strings.ToLower(tc.s), tc.p); want != tc.want {
			t.Errorf("the table is wrong for %q, %q: strings.ToLower says %v", tc.s, tc.p, want)
		}
	}
}

// FuzzContainsLower checks containsLower against the copy it saves:
// strings.Contains(strings.ToLower(s), p).
func FuzzContainsLower(f *testing.F) {
	for _, s := range []string{"All Rights Reserved", "and agencİes", "\u212A", "“x” AND AGENCIES", "\xff\xfe"} {
		f.Add(s, "and agenci")
		f.Add(s, "all rights reserved")
	}
	f.Fuzz(func(t *testing.T, s, p string) {
		// p is lower-case ASCII, as every caller's phrase is.
		p = strings.Map(func(r rune) rune {
			if r >= 0x80 {
				return -1
			}
			return r
		}, strings.ToLower(p))
		if got, want := containsLower(s, p), strings.Contains(strings.ToLower(s), p); got != want {
			t.Fatalf("containsLower(%q, %q) = %v, strings.ToLower says %v", s, p, got, want)
		}
	})
}

// TestLowersToASCII checks what containsLower assumes of the Unicode
// tables: every rune outside ASCII that lower-cases into it starts with a
// byte of lowersToASCII.
func TestLowersToASCII(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if unicode.ToLower(r) < utf8.RuneSelf {
			if b := string(r)[0]; b != lowersToASCII[0] && b != lowersToASCII[1] {
				t.Errorf("%U lower-cases to %q but starts with %#x, not in lowersToASCII", r, unicode.ToLower(r), b)
			}
		}
	}
}
