package corpus

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus/extract"
)

// FuzzFileMap reads raw as the loader reads a text file and checks the
// map from its text back to its bytes: the text is what reading gave
// before there was a map, and the map takes the text's offsets, in
// order, to the file's, its end to the file's end.
func FuzzFileMap(f *testing.F) {
	for _, s := range []string{
		"a &amp; b", "caf\xe9 \x93so\x94", "\x1b[1mbold\x1b[0m", "Vladi\u00admir", "Jose\u0301", "\ufeffTitle\r\n",
		"\x81\xff&#8220;x\u200b&#x202e;", "a\u0301\u0327e\u0300&amp;\x1b[0m", "e\u0301\x00\u00ad",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		text := raw
		var maps []offsetMap
		if !utf8.Valid(raw) {
			text, _, _, _ = extract.ReadStray(raw)
			m := readStrayMap(raw, text)
			if m == nil && !bytes.Equal(raw, text) {
				t.Fatalf("ReadStray(%q) = %q: no map", raw, text)
			}
			maps = append(maps, m)
		}
		out, steps := normaliseMapped(text, true)
		if want := Normalise(decodeReferences(text)); !bytes.Equal(out, want) {
			t.Fatalf("normaliseMapped(%q) = %q, want %q", text, out, want)
		}
		a := &Article{Raw: out, fileMap: append(maps, steps...)}
		last := 0
		for o := 0; o <= len(out); o++ {
			f := a.FileSpan(Span{o, o}).Start
			if f < last || f > len(raw) {
				t.Fatalf("%q read as %q: offset %d is %d in the file, after %d (of %d)", raw, out, o, f, last, len(raw))
			}
			last = f
		}
		if last != len(raw) {
			t.Fatalf("%q read as %q: its end is %d in the file, not %d", raw, out, last, len(raw))
		}
	})
}
