package corpus

// SpanCursor finds the tokens of spans of one article taken in order, as
// the operations of a diff are: each search starts from where the last
// span's tokens ended instead of over the whole article. Counting the
// words of every operation of a 10,000-word comparison, TokensIn's
// search over the article was a twentieth of the comparison, and grew
// with the article's length; from the last span it is a step or two.
// A span that starts before the last one is found as TokensIn finds it.
type SpanCursor struct {
	ts   Tokens
	next int // the first token after the last span found
}

// SpanCursor returns a cursor over a's tokens, at its first token.
func (a *Article) SpanCursor() SpanCursor { return SpanCursor{ts: a.Tokens} }

// SpanCursorAt returns a cursor over a's tokens at token i, as if the
// last span it found had ended there: for spans from token i on, a caller
// that knows where they start (a passage's first token) spares the first
// search its walk from the article's start, which in a long article
// misses the cache at every step. Wherever it is, a cursor answers every
// span as TokensIn does.
func (a *Article) SpanCursorAt(i int) SpanCursor {
	return SpanCursor{ts: a.Tokens, next: min(max(i, 0), a.Tokens.Len())}
}

// TokensIn returns what Article.TokensIn returns for s.
func (c *SpanCursor) TokensIn(s Span) Range {
	ts, n := c.ts, c.ts.Len()
	var r Range
	if c.next > n || c.next > 0 && int(ts.packed[c.next-1].start) >= s.Start {
		// s starts before the last span ended: search the whole run.
		r = ts.in(s)
	} else {
		// Every token before lo starts before s; gallop to one that does
		// not, then search between.
		lo, hi := c.next, c.next
		for step := 1; hi < n && int(ts.packed[hi].start) < s.Start; step *= 2 {
			lo, hi = hi+1, hi+step
		}
		lo = ts.firstFrom(lo, min(hi, n), s.Start)
		r = Range{lo, ts.endAfter(lo, s.End)}
	}
	c.next = r.End
	return r
}

// WordsIn returns what Article.WordsIn returns for s.
func (c *SpanCursor) WordsIn(s Span) int {
	return CountWords(c.ts.In(c.TokensIn(s)))
}
