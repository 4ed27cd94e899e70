package corpus

import (
	"bytes"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus/internal/control"
)

// IsControlRune reports whether r is a control character rather than text:
// a C0 control other than tab, line feed, vertical tab, form feed and
// carriage return (which are whitespace: a form feed between two words
// separates them), DEL, a C1 control, or a bidi embedding, override,
// isolate or mark character. A tokenizer can treat such a rune, and the
// escape sequence it may begin, as a control token.
func IsControlRune(r rune) bool { return control.IsRune(r) }

// ControlLen returns the length in bytes of the control run that starts s:
// a whole escape sequence (7-bit or 8-bit), or else one control rune (see
// IsControlRune). It returns 0 if s starts with anything else, including
// whitespace and invalid UTF-8. It takes raw bytes as well as strings, so
// that a tokenizer can share it with Display and an escape sequence is
// one unit everywhere.
func ControlLen[T control.Text](s T) int { return control.Len(s) }

// dropControlRuns returns raw without its control runs (see ControlLen):
// whole escape sequences, C0 and C1 controls other than whitespace, and
// bidi controls; and without soft hyphens and the zero-width characters
// that hold no meaning for a reader (see invisibleLen). None is ever shown
// (a terminal, a page and a copy all remove them; a soft hyphen shows only
// where a browser breaks the word at it), so an article keeps none in its
// text, and two passages that read the same compare as equal: a colour
// code or a stray BEL in a text file was a change of its own in the word
// diff, and "Vladi\u00admir" or "Vladi\u200bmir" two words against another
// outlet's "Vladimir", drawn the same on both sides as a change. A
// byte-order mark at the very start is kept: it is the file's, and the
// loader steps over it. raw is returned as it is when it holds none, and
// is never changed in place.
func dropControlRuns(raw []byte) []byte {
	out, _ := dropControlRunsMap(raw)
	return out
}

// dropControlRunsMap is dropControlRuns with its map (see FileSpan): one
// edit, of nothing, for each run dropped.
func dropControlRunsMap(raw []byte) ([]byte, offsetMap) {
	var out []byte
	var m offsetMap
	last := 0 // raw[last:i] is not yet copied
	for i := 0; i < len(raw); {
		c := raw[i]
		if c >= 0x20 && c < 0x7f || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' {
			i++
			continue
		}
		n := hiddenLen(raw[i:])
		if i == 0 && bytes.HasPrefix(raw, utf8BOM) {
			n = 0 // the file's byte-order mark, which the loader steps over
		}
		if n == 0 {
			_, size := utf8.DecodeRune(raw[i:])
			i += size
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(raw))
		}
		out = append(out, raw[last:i]...)
		m = append(m, edit{len(out), len(out), i, i + n})
		i += n
		last = i
	}
	if out == nil {
		return raw, nil
	}
	return append(out, raw[last:]...), m
}

// hiddenLen returns the length in bytes of what an article's text drops
// at the start of s: a control run (see ControlLen) or an invisible format
// character (see invisibleLen); 0 when s starts with anything else. It is
// the one rule the text (dropControlRuns) and its labels (label) share.
func hiddenLen[T control.Text](s T) int {
	if n := ControlLen(s); n > 0 {
		return n
	}
	return invisibleLen(s)
}

// invisibleLen returns the length in bytes of the invisible format
// character that starts s, or 0 if none does: a soft hyphen (U+00AD, a
// hint where a word may be broken across lines), a zero-width space
// (U+200B), a word joiner (U+2060), one of the invisible mathematical
// operators (U+2061 to U+2064), or a zero-width no-break space (U+FEFF,
// a byte-order mark out of place). Each is drawn as nothing, and inside a
// word it made two words of one for the word diff and the search.
//
// Zero-width joiners and non-joiners are not among them: they hold emoji
// together and choose letter forms in Persian and Indic scripts, which a
// reader sees. A zero-width space in Thai or Khmer marks where a word
// ends; dropped, the words of a run are one word, as they are in the
// many texts that carry no such hint, so two outlets compare alike
// whichever of them wrote it.
//
// It takes raw bytes as well as strings, so that labels drop what texts do.
func invisibleLen[T control.Text](s T) int {
	if len(s) < 2 || s[0] < 0xc2 {
		return 0
	}
	// Converting no more than utf8.UTFMax bytes does not allocate.
	r, size := utf8.DecodeRuneInString(string(s[:min(len(s), utf8.UTFMax)]))
	switch {
	case r == '\u00ad', r == '\u200b', r >= '\u2060' && r <= '\u2064', r == '\ufeff':
		return size
	}
	return 0
}
