package corpus

// newSentence makes the sentence of span s and tokens r in paragraph para.
// Every offset and index fits 32 bits: segment tokenizes at most
// maxTokenized bytes, and a sentence or paragraph holds at least one byte.
func newSentence(s Span, para int, r Range) Sentence {
	return Sentence{start: uint32(s.Start), end: uint32(s.End), para: uint32(para), tokStart: uint32(r.Start), tokEnd: uint32(r.End)}
}

// Span returns the bytes of the sentence.
func (s Sentence) Span() Span { return Span{int(s.start), int(s.end)} }

// Para returns the index of the sentence's paragraph in
// Article.Paragraphs.
func (s Sentence) Para() int { return int(s.para) }

// Tokens returns the indexes of the sentence's tokens in Article.Tokens.
func (s Sentence) Tokens() Range { return Range{int(s.tokStart), int(s.tokEnd)} }
