package serve

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxLogField bounds the bytes of one client-chosen string (user name,
// command, TERM, request or channel type) that reach the log. SSH lets a
// client send a user name of a quarter of a megabyte; logged whole, every
// rejected attempt would add that much to the log.
const maxLogField = 200

// logField makes a client-chosen string fit for a log line. At most
// maxLogField bytes are kept, cut at a rune boundary and followed by the
// full length, and everything that is not a graphic character (control
// characters, escape sequences, bidi overrides, invalid UTF-8) is written
// as a Go escape such as \x1b or \u202e: whatever handler and viewer the log
// ends up in, the client cannot draw on its terminal.
func logField(s string) string {
	cut := s
	if len(s) > maxLogField {
		i := maxLogField
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		cut = s[:i]
	}
	var b strings.Builder
	b.Grow(len(cut))
	for i, r := range cut {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(cut[i:], "\uFFFD"):
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatUint(uint64(cut[i]), 16))
		case unicode.IsGraphic(r):
			b.WriteRune(r)
		default:
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		}
	}
	if len(cut) < len(s) {
		b.WriteString("…(" + strconv.Itoa(len(s)) + " bytes)")
	}
	return b.String()
}
