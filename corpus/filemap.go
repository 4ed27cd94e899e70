package corpus

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// An article's text is its file's bytes as read, which is the file's bytes
// themselves for nearly every file; but reading a text file changes a few:
// a byte read as windows-1252 is a character of two or three bytes, a
// character reference (&amp;) is the character, a control run or a soft
// hyphen is dropped, an accent is composed. Spans point into the text;
// what a program is given (diff --format json) points into the file, so
// that file[start:end] is the passage. A fileMap takes the one to the
// other.

// edit is one place where a step of reading changed a text: the step's
// output [out, outEnd) was its input [in, inEnd). A dropped run has
// out == outEnd.
type edit struct{ out, outEnd, in, inEnd int }

// offsetMap is the edits of one step, in order: where there is none, the
// output is the input.
type offsetMap []edit

// origin returns the offset in the step's input of the output byte at o,
// or, at the output's end, the input's end. A byte of a replacement
// comes from its start ("&" from "&amp;", either byte of "é" from the
// windows-1252 byte), and a dropped run belongs to what comes before it:
// an offset right after one is after it in the input too. So every span's
// start and end go through one function, and spans that meet in the text
// (a block's ops) meet in the file.
func (m offsetMap) origin(o int) int {
	i := sort.Search(len(m), func(i int) bool { return m[i].outEnd > o })
	if i < len(m) && m[i].out <= o {
		return m[i].in
	}
	if i == 0 {
		return o
	}
	return m[i-1].inEnd + o - m[i-1].outEnd
}

// FileSpan returns the bytes of the article's file that s of its text was
// read from (see Article.Raw), as diff --format json gives them: the same
// span for a file read as it was saved, as nearly every one is. For a
// saved web page the file is the text extract prints for it; for
// Markdown, its front matter and its text with the markup gone, which the
// span's offsets are into as they are.
func (a *Article) FileSpan(s Span) Span {
	for i := len(a.fileMap) - 1; i >= 0; i-- {
		s = Span{a.fileMap[i].origin(s.Start), a.fileMap[i].origin(s.End)}
	}
	return s
}

// readStrayMap is the map of extract.ReadStray, which made out of in: a
// byte it read as windows-1252 is one character of out; every other byte,
// one with no meaning in windows-1252 too, is copied. Nil when the two do not walk together,
// which they always do.
func readStrayMap(in, out []byte) offsetMap {
	var m offsetMap
	i, j := 0, 0
	for i < len(in) && j < len(out) {
		if in[i] < utf8.RuneSelf {
			if in[i] != out[j] {
				return nil
			}
			i++
			j++
			continue
		}
		_, size := utf8.DecodeRune(in[i:])
		_, n := utf8.DecodeRune(out[j:])
		if n == size && bytes.Equal(in[i:i+size], out[j:j+n]) {
			// A character, or a byte kept as it is.
			i += size
			j += size
			continue
		}
		m = append(m, edit{j, j + n, i, i + 1})
		i++
		j += n
	}
	if i != len(in) || j != len(out) {
		return nil
	}
	return m
}

// composedMap is composed with its map: each stretch between two of NFC's
// boundaries that is not composed already is composed on its own, as
// composing the whole text composes it. Nil when that text is not the
// whole text composed, which it always is.
func composedMap(raw []byte) ([]byte, offsetMap) {
	if norm.NFC.IsNormal(raw) {
		return raw, nil
	}
	out := make([]byte, 0, len(raw)+8)
	var m offsetMap
	for i := 0; i < len(raw); {
		n := norm.NFC.NextBoundary(raw[i:], true)
		if n <= 0 {
			n = len(raw) - i
		}
		seg := raw[i : i+n]
		if norm.NFC.IsNormal(seg) {
			out = append(out, seg...)
		} else {
			start := len(out)
			out = append(out, norm.NFC.Bytes(seg)...)
			m = append(m, edit{start, len(out), i, i + n})
		}
		i += n
	}
	if whole := norm.NFC.Bytes(raw); !bytes.Equal(out, whole) {
		return whole, nil
	}
	return out, m
}

// normaliseMapped is decodeReferences (when references is set) and
// Normalise, as the loader reads a text, with the map of each step that
// changed it, in the order they were taken. Markdown's references are the
// Markdown reader's to decode: decoded before it, "&lt;b&gt;" is a tag it
// drops.
func normaliseMapped(raw []byte, references bool) ([]byte, []offsetMap) {
	var maps []offsetMap
	var m offsetMap
	if references {
		if raw, m = decodeReferencesMap(raw); m != nil {
			maps = append(maps, m)
		}
	}
	if raw, m = dropControlRunsMap(raw); m != nil {
		maps = append(maps, m)
	}
	if raw, m = composedMap(raw); m != nil {
		maps = append(maps, m)
	}
	return raw, maps
}
