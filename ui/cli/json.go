package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"
)

// SchemaVersion is the version of every command's JSON (docs/json.md),
// given in each document's schema_version. It changes only when a field
// changes meaning or goes away; new fields may appear without it.
const SchemaVersion = 1

// writeJSON writes v as one JSON document on one line, as every command
// writes its JSON (docs/json.md; jq . indents it), with every rune a terminal could act on escaped: encoding/json escapes C0
// controls, <, >, &, U+2028 and U+2029, but writes DEL, the C1 controls
// (U+0080–U+009F, U+009B being an 8-bit CSI) and the bidi controls raw, so
// `newsdiff unique --format json` on a hostile article would carry them to
// whoever cats the output.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(escapeJSON(buf.Bytes()))
	return err
}

// escapeJSON rewrites every unsafe rune of encoded JSON as a \uXXXX
// escape. Outside strings, encoded JSON is ASCII with no DEL, so every
// such rune is inside a string, where the escape means the same rune.
func escapeJSON(b []byte) []byte {
	first := -1
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if jsonUnsafe(r) {
			first = i
			break
		}
		i += n
	}
	if first < 0 {
		return b
	}
	out := make([]byte, 0, len(b)+32)
	out = append(out, b[:first]...)
	for i := first; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if jsonUnsafe(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return out
}

// jsonUnsafe reports whether r must not appear raw in JSON output: DEL,
// the C1 controls, and the bidi embeddings, overrides, isolates and marks
// (termsafe.Display removes the same set from text).
func jsonUnsafe(r rune) bool {
	switch {
	case r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}
