package corpus

import (
	"unicode"
	"unicode/utf8"
)

// containsLower reports whether strings.ToLower(s) contains p, which is
// lower-case ASCII, without making the lower-case copy: a line's copy,
// made for two phrase searches on every line, was most of what
// classifying the line cost (issue 11). The only runes outside ASCII that
// lower-case into it, U+0130 and the Kelvin sign, are matched as the copy
// would match them.
func containsLower(s, p string) bool {
	if p == "" {
		return true
	}
	// Each byte of p takes at least one byte of s.
	for i := 0; i+len(p) <= len(s); i++ {
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			if lowerASCII(c) != p[0] {
				continue
			}
		case c != lowersToASCII[0] && c != lowersToASCII[1]:
			// Neither rune starts here: a match cannot.
			continue
		}
		if hasLowerPrefix(s[i:], p) {
			return true
		}
	}
	return false
}

// hasLowerPrefix reports whether strings.ToLower(s) starts with p, which
// is lower-case ASCII.
func hasLowerPrefix(s, p string) bool {
	j := 0
	for i := 0; i < len(p); i++ {
		if j >= len(s) {
			return false
		}
		if c := s[j]; c < utf8.RuneSelf {
			if lowerASCII(c) != p[i] {
				return false
			}
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if unicode.ToLower(r) != rune(p[i]) {
			return false
		}
		j += size
	}
	return true
}

// lowersToASCII holds the first bytes of U+0130 and U+212A, the only
// runes outside ASCII that unicode.ToLower maps into it (TestLowersToASCII
// checks the Unicode tables still say so).
var lowersToASCII = [2]byte{"\u0130"[0], "\u212A"[0]}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
