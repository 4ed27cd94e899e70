// Package control tells the control characters and escape sequences in
// an article's bytes from its text: what no article needs, and what must
// never reach a terminal or a file raw. The text model tokenises them as
// control tokens, the terminal layer removes them, and page extraction
// drops them, all by these rules, so that an escape sequence is one unit
// everywhere. It knows nothing of articles.
package control

import "unicode/utf8"

// IsRune reports whether r is a control character rather than text:
// a C0 control other than tab, line feed, vertical tab, form feed and
// carriage return (which are whitespace: a form feed between two words
// separates them), DEL, a C1 control, or a bidi embedding, override,
// isolate or mark character. A tokenizer can treat such a rune, and the
// escape sequence it may begin, as a control token.
func IsRune(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n' && r != '\v' && r != '\f' && r != '\r'
	case r < 0x7f:
		return false
	case r <= 0x9f:
		return true // DEL and the C1 controls
	}
	return isBidiControl(r)
}

// isBidiControl reports whether r is one of the explicit bidi formatting
// characters: embeddings, overrides, isolates and directional marks.
func isBidiControl(r rune) bool {
	switch {
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return r == '\u200e' || r == '\u200f' || r == '\u061c'
}

// The bytes and runes that shape escape sequences (ECMA-48).
const (
	esc = 0x1b
	bel = 0x07
	can = 0x18
	sub = 0x1a

	c1CSI = '\u009b'
	c1OSC = '\u009d'
	c1DCS = '\u0090'
	c1SOS = '\u0098'
	c1PM  = '\u009e'
	c1APC = '\u009f'
	c1ST  = "\u009c" // string terminator, 8-bit form
)

// Text is the raw bytes of an article or a string made of them.
type Text interface{ ~string | ~[]byte }

// Len returns the length in bytes of the control run that starts s: a
// whole escape sequence (7-bit or 8-bit), or else one control rune (see
// IsRune). It returns 0 if s starts with anything else, including
// whitespace (tab, line feed, vertical tab, form feed, carriage return)
// and invalid UTF-8. It takes raw bytes as well as strings.
func Len[T Text](s T) int {
	if len(s) == 0 {
		return 0
	}
	if s[0] == esc {
		return escLen(s)
	}
	// A rune is at most utf8.UTFMax bytes; converting no more than that
	// does not allocate.
	r, size := utf8.DecodeRuneInString(string(s[:min(len(s), utf8.UTFMax)]))
	switch r {
	case c1CSI:
		return size + csiLen(s[size:])
	case c1OSC, c1DCS, c1SOS, c1PM, c1APC:
		return size + stringLen(s[size:])
	}
	if IsRune(r) {
		return size
	}
	return 0
}

// escLen returns the length of the escape sequence at the start of s, which
// starts with ESC.
func escLen[T Text](s T) int {
	if len(s) < 2 {
		return 1
	}
	switch c := s[1]; {
	case c == '[':
		return 2 + csiLen(s[2:])
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return 2 + stringLen(s[2:])
	case c >= 0x20 && c <= 0x2f:
		// nF: intermediate bytes, then one final byte (ESC ( B).
		i := 2
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
			i++
		}
		return i
	case c >= 0x30 && c <= 0x7e:
		return 2 // ESC 7, ESC c, ESC M, …
	}
	return 1 // a lone ESC: what follows is not part of it
}

// csiLen returns the length of the rest of a control sequence, after its
// introducer: parameter bytes, intermediate bytes and a final byte. A byte
// that cannot appear in a sequence ends it early, and is not consumed.
func csiLen[T Text](s T) int {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x40 && c <= 0x7e:
			return i + 1
		case c < 0x20 || c > 0x3f:
			return i
		}
	}
	return len(s)
}

// stringLen returns the length of the rest of a control string (OSC, DCS,
// SOS, PM, APC) after its introducer, terminator included. The string ends
// at BEL, at ST (ESC \ or U+009C), at CAN or SUB, just before an ESC that
// starts another sequence, or just before a line break.
func stringLen[T Text](s T) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case bel, can, sub:
			return i + 1
		case esc:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i
		case '\n', '\r':
			return i
		case c1ST[0]:
			if i+1 < len(s) && s[i+1] == c1ST[1] {
				return i + len(c1ST)
			}
		}
	}
	return len(s)
}
