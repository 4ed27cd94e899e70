package quote

import (
	"bytes"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
)

// captionMarkers open a picture's caption or credit that a page's text
// keeps as a line of its own or runs into the paragraph ("Image caption
// Paterson, right, died during filming", "Image copyright AP Image caption
// Residents said", "Photo: 7news."). Such a line describes a picture: its
// first words are a label, not a name, and it names no one a later "he"
// stands for.
var captionMarkers = [][]byte{
	[]byte("image caption"), []byte("image copyright"), []byte("caption:"),
	[]byte("photo:"), []byte("photograph:"), []byte("picture:"), []byte("image:"),
}

// captionLen is the longest paragraph, in bytes, that a caption marker
// makes a caption as a whole: as long as the line corpus still tries as a
// caption. A longer one is a caption run into the article's text ("Photo:
// 7news. A woman has been left bloodied…"), whose first sentence only is
// the caption.
const captionLen = 400

// captionSentence reports whether sentence si belongs to a picture's
// caption: it opens with a caption marker, in any case ("Photo:
// supplied." amid a paragraph), or its paragraph does and is short.
func (s *scanner) captionSentence(si int) bool {
	if s.opensWithMarker(s.a.Sentences[si].Tokens()) {
		return true
	}
	r := s.paraTokens(s.a.Sentences[si].Para())
	return r.Len() > 0 && s.toks.Span(r.End-1).End-s.toks.Span(r.Start).Start <= captionLen && s.opensWithMarker(r)
}

// opensWithMarker reports whether the text of token range r opens with a
// caption marker, in any case.
func (s *scanner) opensWithMarker(r corpus.Range) bool {
	r = corpus.TrimSpace(s.toks, r)
	if r.Len() == 0 {
		return false
	}
	start, end := s.toks.Span(r.Start).Start, s.toks.Span(r.End-1).End
	head := s.a.Raw[start:min(end, start+len("image copyright")+utf8.UTFMax)]
	for _, m := range captionMarkers {
		if len(head) >= len(m) && bytes.EqualFold(head[:len(m)], m) {
			return true
		}
	}
	return false
}
