package compare

// A quotation reworded in its small words (issue 9, quote recall): two
// translations of one statement, or two transcriptions of one remark,
// keep its content words in order while the words between them and
// their inflections change: "to ensure the transparency of the suspension
// of the nuclear test" against "to guarantee transparency in suspending
// nuclear tests". sharedQuote's run, over every word with one edit, loses
// such a pair at "of the"; the run sharedContent finds is over the content
// words of the two quotations alone, each pair of them the same lemma or
// related through the lexicon (ensure, guarantee; suspension, suspend).

// minRelatedExact is the fewest content words of a content run that must
// be the same lemma on both sides: related words alone are a similar
// sentence, not one quotation.
const minRelatedExact = 2

// sharedContent returns the longest run of content words that a and b
// carry in the same order, in one quotation each, with nothing but
// stopwords and names between them, when it is at least minQuoteRun long:
// a shorter one is sharedQuote's to find, with its words around it. Its
// words and content are the run's length; its mass is the summed IDF of
// the words that are the same lemma on both sides. Its cost is the product
// of the two quoted word counts, each at most maxQuotedWords.
func (m *matcher) sharedContent(a, b quotedWords) quoteRun {
	if a == nil || b == nil {
		return quoteRun{}
	}
	ca := m.quoteContent(a, &m.contentA)
	cb := m.quoteContent(b, &m.contentB)
	k := len(cb)
	if len(m.contentRows) < 2*(k+1) {
		m.contentRows = make([]contentCell, 2*(maxQuotedWords+2))
	}
	prev, cur := m.contentRows[:k+1], m.contentRows[k+1:2*(k+1)]
	clear(prev)
	var best quoteRun
	for _, x := range ca {
		clear(cur)
		for j, y := range cb {
			if x.key == quoteBreak || y.key == quoteBreak {
				continue
			}
			exact := x.key == y.key
			if !exact && !relatedTo(x.groups, y.groups) {
				continue
			}
			c := prev[j]
			c.words++
			if exact {
				c.exact++
				c.mass += m.lemmaIDF(x.key)
			}
			cur[j+1] = c
			if c.words >= minQuoteRun && c.exact >= minRelatedExact && c.words > best.content {
				best = quoteRun{words: c.words, content: c.words, mass: c.mass}
			}
		}
		prev, cur = cur, prev
	}
	return best
}

// contentCell is one cell of sharedContent's table: the run of content
// words ending at a pair of them.
type contentCell struct {
	words, exact int
	mass         float64
}

// contentWord is a content word of a quotation, or a quoteBreak, with
// its related-word groups.
type contentWord struct {
	key    uint64
	groups []uint32
}

// quoteContent keeps the content words of q, and its quotation breaks,
// in *buf. A content word of a quotation is an event word of its sentence,
// whose groups sentenceMeaning noted in the matcher.
func (m *matcher) quoteContent(q quotedWords, buf *[]contentWord) []contentWord {
	out := (*buf)[:0]
	for _, w := range q {
		switch {
		case w.key == quoteBreak:
			out = append(out, contentWord{key: quoteBreak})
		case w.content:
			out = append(out, contentWord{key: w.key, groups: infoGroups(m, w.key)})
		}
	}
	*buf = out
	return out
}
