package corpus

import (
	"bytes"
	"html"
	"unicode/utf8"
)

// maxReferenceLen bounds the bytes between & and ; that can be a character
// reference: the longest HTML named reference ("&CounterClockwiseContourIntegral;")
// is 33 bytes, a numeric one far shorter.
const maxReferenceLen = 40

// decodeReferences returns raw with its HTML character references
// (&amp;, &#124;, &#x2014;) decoded, or raw itself when it has none. Text
// saved from web pages often carries them, and a reader should see "|",
// not "&#124;". Only references closed by a semicolon are decoded: HTML
// also accepts "&copy" without one, which in plain text is as likely to
// be words ("R&copy shop"). A reference to a control character, escape or
// bidi override is left as written: decoding must not make text unsafe
// that was safe.
func decodeReferences(raw []byte) []byte {
	out, _ := decodeReferencesMap(raw)
	return out
}

// decodeReferencesMap is decodeReferences with its map (see FileSpan):
// one edit for each reference decoded.
func decodeReferencesMap(raw []byte) ([]byte, offsetMap) {
	i := bytes.IndexByte(raw, '&')
	if i < 0 {
		return raw, nil
	}
	var out []byte
	var m offsetMap
	last := 0 // raw[last:i] is not yet copied
	for i >= 0 && i < len(raw) {
		j := bytes.IndexByte(raw[i+1:min(len(raw), i+1+maxReferenceLen)], ';')
		if j > 0 {
			ref := string(raw[i : i+j+2])
			if dec := html.UnescapeString(ref); dec != ref && safeDecoded(dec) {
				if out == nil {
					out = make([]byte, 0, len(raw))
				}
				out = append(out, raw[last:i]...)
				start := len(out)
				out = append(out, dec...)
				last = i + j + 2
				m = append(m, edit{start, len(out), i, last})
				i = last
			} else {
				i++
			}
		} else {
			i++
		}
		k := bytes.IndexByte(raw[i:], '&')
		if k < 0 {
			break
		}
		i += k
	}
	if out == nil {
		return raw, nil
	}
	return append(out, raw[last:]...), m
}

// safeDecoded reports whether a decoded reference is text: no control
// character, escape or bidi control, and no U+FFFD (what &#0; and
// references past Unicode decode to).
func safeDecoded(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || IsControlRune(r) || isControl(r) {
			return false
		}
	}
	return true
}
