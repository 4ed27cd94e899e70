package corpus_test

import (
	"path/filepath"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// checkFileSpans checks that the tokens of a, read from the file raw, take
// up the file's body in order, each where the last ended, and that the
// file's bytes of each token in want are the ones given.
func checkFileSpans(t *testing.T, a *corpus.Article, raw []byte, want map[string]string) {
	t.Helper()
	found := map[string]string{}
	end := -1
	for i := range a.Tokens.Len() {
		tok := a.Tokens.At(i)
		f := a.FileSpan(tok.Span)
		if f.Start < 0 || f.End < f.Start || f.End > len(raw) {
			t.Fatalf("token %q: file span %v out of the file's %d bytes", a.Text(tok.Span), f, len(raw))
		}
		if end >= 0 && f.Start != end {
			t.Errorf("token %q: file span %v does not start where the token before ended (%d)", a.Text(tok.Span), f, end)
		}
		end = f.End
		if _, ok := found[a.Text(tok.Span)]; !ok {
			found[a.Text(tok.Span)] = string(raw[f.Start:f.End])
		}
	}
	if end != len(raw) {
		t.Errorf("the last token ends at %d in the file, not at its end (%d)", end, len(raw))
	}
	for text, bytes := range want {
		if found[text] != bytes {
			t.Errorf("token %q is %q in the file, want %q", text, found[text], bytes)
		}
	}
}

// A span of an article's text is given to programs as bytes of its file
// (docs/json.md: file[start:end] is the passage). Reading changes some
// files' bytes; every token past the first change was given as the bytes
// that many bytes before or after it: "Jerry" after "&amp;" as "y sa".
func TestFileSpanIsTheFilesBytes(t *testing.T) {
	for _, tc := range []struct {
		name string
		raw  string
		want map[string]string
	}{
		{"as saved", "Title\n\nTom and Jerry said so.", map[string]string{"Jerry": "Jerry", "so": "so"}},
		{"byte-order mark and CRLF", "\ufeffTitle\r\n\r\nTom and Jerry said so.", map[string]string{"Title": "Title", "so": "so"}},
		{"character reference", "Title\n\nTom &amp; Jerry said &#8220;so&#8221;.", map[string]string{"&": "&amp;", "Jerry": "Jerry", "“": "&#8220;", "so": "so", ".": "."}},
		{"windows-1252", "Title\n\nThe caf\xe9 \x93said\x94 so.", map[string]string{"café": "caf\xe9", "“": "\x93", "said": "said", "so": "so"}},
		{"invalid byte", "Title\n\nTom \x81 Jerry said so.", map[string]string{"\x81": "\x81", "Jerry": "Jerry", "so": "so"}},
		{"escape sequence", "Title\n\nTom \x1b[31mJerry\x1b[0m said so.", map[string]string{"Jerry": "Jerry\x1b[0m", "said": "said", "so": "so"}},
		{"soft hyphen", "Title\n\nVladi\u00admir Putin said so.", map[string]string{"Vladimir": "Vladi\u00admir", "Putin": "Putin", "so": "so"}},
		{"decomposed accent", "Title\n\nThe cafe\u0301 said so.", map[string]string{"café": "cafe\u0301", "said": "said", "so": "so"}},
		{"all of them", "Title\n\nThe caf\xe9 &amp; Vladi\u00admir and Jose\u0301 \x1b[1msaid\x1b[0m so.", map[string]string{"café": "caf\xe9", "&": "&amp;", "Vladimir": "Vladi\u00admir", "José": "Jose\u0301", "said": "said\x1b[0m", "so": "so"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			raw := []byte(tc.raw)
			a, _, err := corpus.LoadBytes(filepath.Join(t.TempDir(), "a.txt"), raw)
			if err != nil {
				t.Fatal(err)
			}
			checkFileSpans(t, a, raw, tc.want)
		})
	}
}
