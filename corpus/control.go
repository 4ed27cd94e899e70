package corpus

import "github.com/newsdiff/newsdiff/corpus/internal/control"

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
