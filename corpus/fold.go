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
		if c := s[i]; c < utf8.RuneSelf && lowerASCII(c) != p[0] {
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

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
