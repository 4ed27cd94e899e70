package quote

import (
	"sort"

	"github.com/newsdiff/newsdiff/corpus"
)

// Attribution reads the text as a reader sees it. An escape sequence, a
// bidi control or a stray byte inside a name ("said Mayor Sm\u2066ith")
// is removed from whatever reaches a screen, so the reader sees
// "Smith"; the tokenizer, which never lets such a run be shown, makes it
// a token of its own, and a name cut by one would read as "Sm" and "ith",
// or stop the attribution before it. An article holding such tokens is
// therefore extracted from its visible text, the body without them, and
// the quotes found are mapped back onto the article: their spans cover
// the removed runs they enclose, and speakers and sources, taken from the
// visible text, hold none.

// visible is an article's body without its control tokens.
type visible struct {
	a, text *corpus.Article
	// cut[i] is the offset in text.Raw before which removed[i] bytes in
	// all had been removed from the body; cut is increasing.
	cut, removed []int
}

// visibleText returns a's visible text, or nil when a has no control
// token and is read as it is.
func visibleText(a *corpus.Article) *visible {
	toks := a.Tokens
	n := 0
	for i := 0; i < toks.Len(); i++ {
		if toks.Kind(i) == corpus.TokControl {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	v := &visible{a: a}
	raw := make([]byte, 0, a.Body.Len())
	gone := 0
	for i := 0; i < toks.Len(); i++ {
		sp := toks.Span(i)
		if toks.Kind(i) != corpus.TokControl {
			raw = append(raw, a.Raw[sp.Start:sp.End]...)
			continue
		}
		gone += sp.Len()
		if k := len(v.cut) - 1; k >= 0 && v.cut[k] == len(raw) {
			v.removed[k] = gone
		} else {
			v.cut, v.removed = append(v.cut, len(raw)), append(v.removed, gone)
		}
	}
	// Byte for byte: the spans found are mapped back by offset, and a
	// removed run may leave, say, "e" before a combining accent that
	// Parse would compose.
	p := corpus.ParseVerbatim(a.ID, raw)
	text := *a
	text.Raw, text.Body, text.Paragraphs, text.Sentences, text.Tokens, text.Words = p.Raw, p.Body, p.Paragraphs, p.Sentences, p.Tokens, p.Words
	v.text = &text
	return v
}

// start maps offset c of the visible text, where a span starts, onto the
// article: past the runs removed right before it. end maps the offset
// where a span ends: before the runs removed right after it.
func (v *visible) start(c int) int { return v.a.Body.Start + c + v.before(c, true) }
func (v *visible) end(c int) int   { return v.a.Body.Start + c + v.before(c, false) }

// before returns how many bytes were removed before offset c of the
// visible text, counting those removed at c itself when at is set.
func (v *visible) before(c int, at bool) int {
	i := sort.Search(len(v.cut), func(i int) bool { return v.cut[i] > c || !at && v.cut[i] == c })
	if i == 0 {
		return 0
	}
	return v.removed[i-1]
}

// extract finds the quotes of the visible text and maps them onto the
// article.
func (v *visible) extract(story *storyNames) []Quote {
	qs := extract(v.text, story)
	for k := range qs {
		q := &qs[k]
		q.Article = v.a
		for i, p := range q.Parts {
			q.Parts[i] = corpus.Span{Start: v.start(p.Start), End: v.end(p.End)}
		}
		for i, c := range q.FullStops {
			q.FullStops[i] = v.start(c)
		}
		q.Span = corpus.Span{Start: q.Parts[0].Start, End: q.Parts[len(q.Parts)-1].End}
		q.Para = v.a.ParagraphAt(q.Parts[0].Start) - 1
		// Words counts the article's word tokens, as everywhere: a word
		// a control splits is two.
		q.Words = 0
		for _, p := range q.Parts {
			q.Words += corpus.CountWords(v.a.Tokens.In(v.a.TokensIn(p)))
		}
		q.Short = q.Words < MinWords
	}
	return qs
}
