package corpus

import "sort"

// ParagraphAt returns the 1-based number of the paragraph holding byte
// offset off (the last paragraph for an offset past it, 0 for an article
// with none): the ¶ numbers every output shows count every paragraph, the
// title being ¶1.
func (a *Article) ParagraphAt(off int) int {
	i := sort.Search(len(a.Paragraphs), func(i int) bool { return a.Paragraphs[i].End > off })
	return min(i, len(a.Paragraphs)-1) + 1
}

// SentenceAt returns the index of the sentence holding byte offset off,
// else of the first sentence after it (the space between two sentences
// belongs to the next), else of the last; -1 for an article with none.
func (a *Article) SentenceAt(off int) int {
	i := sort.Search(len(a.Sentences), func(i int) bool { return a.Sentences[i].Span().End > off })
	return min(i, len(a.Sentences)-1)
}

// ParagraphOf returns the 1-based number of the paragraph holding the first
// of sentences r, or 0 for an empty or out-of-range r.
func (a *Article) ParagraphOf(r Range) int {
	if r.Start < 0 || r.Start >= len(a.Sentences) {
		return 0
	}
	return a.Sentences[r.Start].Para() + 1
}

// TokensIn returns the indexes of the tokens that lie inside span s: those
// starting at or after s.Start and ending at or before s.End.
//
// Tokens are contiguous and in order, so both ends are binary searches:
// every layer asks this question, of sentences, quotes, ops and facts.
func (a *Article) TokensIn(s Span) Range {
	return a.Tokens.in(s)
}

// WordsIn counts the word tokens inside span s.
func (a *Article) WordsIn(s Span) int {
	return CountWords(a.Tokens.In(a.TokensIn(s)))
}

// CountWords counts the word tokens of toks.
func CountWords(toks Tokens) int {
	n := 0
	for i := range toks.Len() {
		if toks.Kind(i) == TokWord {
			n++
		}
	}
	return n
}

// ProseWords counts the words of a's prose paragraphs: what comparisons
// and coverage figures count against.
//
// The paragraphs run forward, so each is found from where the last ended
// (SpanCursor): searched for over the whole article, a paragraph cost a
// binary search whose every step missed the cache once an article
// outgrew it, and a comparison, which asks this of both its articles,
// spent 25 times as long on it at 100,000 words as at 10,000.
func (a *Article) ProseWords() int {
	n := 0
	c := a.SpanCursor()
	for _, p := range a.Paragraphs {
		if p.Role == RoleProse {
			n += c.WordsIn(p.Span)
		}
	}
	return n
}
