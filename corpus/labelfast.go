package corpus

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// isLabel reports whether label(s) is s itself: s is valid UTF-8 without
// controls (see ControlLen) or invisible format characters, composed
// (NFC), and its only white space is single spaces
// between words. Most lines of an article are, and label then needs no
// copy: building one for every short line was a tenth of loading a file
// (issue 11).
func isLabel(s string) bool {
	space := true // a space here would be one at the start, or a second
	ascii := true // no rune outside ASCII: composed, whatever it holds
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			switch {
			case c == ' ':
				if space {
					return false
				}
				space = true
			case c < 0x20 || c == 0x7f:
				// White space other than a space, or a control.
				return false
			default:
				space = false
			}
			i++
			continue
		}
		if hiddenLen(s[i:]) > 0 {
			return false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unicode.IsSpace(r) {
			return false
		}
		space = false
		ascii = false
		i += size
	}
	return (s == "" || !space) && (ascii || norm.NFC.IsNormalString(s))
}
