package compare

import (
	"slices"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/sorted"
	"github.com/newsdiff/newsdiff/corpus/lexicon"
)

// Near twins: two short passages that are the same but for a word or two
// are one passage, copied and corrected or reworded, whatever the model
// would make of the little they share. "Firefighters at the scene early
// Thursday" against "Firefighters at the scene early Friday" is one
// caption with its day changed, not two captions; "Police are looking for
// the Range Rover." against "Police are searching for the Range Rover."
// one sentence, though every word the two share is one the story repeats,
// which finds no candidate (see search.find). The word diff of the whole
// passage is the evidence, independent of the model: a line that is not
// prose (caption, heading, credit) pairs with a near twin of its role once
// it has no identical twin (blockBuilder.nearTwins), and a prose sentence
// is a candidate of its near twins (matcher.nearTwins). Either pair is
// named as any other is (matchOf): verbatim when runLen words in a row are
// equal, a paraphrase shown as a word diff when not.

const (
	// maxNearChanged is the most words a near twin may change on either
	// side; at least twice as many must be equal, and two at least, one of
	// them a word that says what happened (nearTwinOps).
	maxNearChanged = 2
	// maxNearWords is the longest passage, in words, that looks for a near
	// twin: the keys of a passage grow with the square of its words.
	maxNearWords = 16
	// maxNearProseWords is the longest prose sentence that looks for a
	// near twin. A longer one that changes a word keeps runLen words equal
	// in a row, which pairs it as verbatim; the search is for the short
	// ones. Measured: at 12 rather than 16, a seed pair costs about 4% less
	// (the keys of a sentence grow with the square of its words), and no
	// pair of the development stories or the sample changes.
	maxNearProseWords = 12
	// maxNearKeys bounds the keys indexed for one comparison, and
	// maxNearPosting the passages kept under one key (a key more hold
	// finds none of them, for prose), so that an input of nothing but
	// short lines costs what its first few thousand do; maxNearTried
	// bounds the passages diffed against one.
	maxNearKeys    = 1 << 16
	maxNearPosting = 8
	maxNearTried   = 16
)

// lineWords returns the word hashes of sentences r of a, or nil when the
// line has fewer than two words or more than maxNearWords.
func lineWords(a *corpus.Article, r corpus.Range, buf []uint64) []uint64 {
	toks := a.Tokens.In(tokenRange(a, r))
	ws := buf[:0]
	for i := range toks.Len() {
		if toks.Kind(i) != corpus.TokWord {
			continue
		}
		if len(ws) == maxNearWords {
			return nil
		}
		ws = append(ws, corpus.HashForm(toks.Form(i)))
	}
	if len(ws) < 2 {
		return nil
	}
	return ws
}

// nearKeys calls fn with the hash of every run that ws leaves when up to
// maxNearChanged of its words are dropped, its order kept: two lines a
// word or two apart (changed, added or dropped) share at least one, the
// words they have in common. As those must be twice the words changed,
// a line of n words drops d of them only when n is 3d or more.
//
// A run's hash is the sum of its words' hashes, each times nearBase to
// the power of its place in the run (modulo 2^64), so that the hash of
// ws with a word or two left out is found from sums of its prefixes in a
// few operations, not by hashing the run again: a line of 16 words has
// 137 runs. Runs that hash alike but differ are told apart by the word
// diff that follows (nearWords, nearTwinOps), as any collision is.
func nearKeys(ws []uint64, fn func(uint64)) {
	n := len(ws)
	if n < 2 || n > maxNearWords {
		return // no pair of words to share, or too many to look for
	}
	// pre[k] is the hash of ws[:k].
	var pre [maxNearWords + 1]uint64
	pow := uint64(1)
	for k, w := range ws {
		pre[k+1] = pre[k] + w*pow
		pow *= nearBase
	}
	fn(pre[n])
	if n < 3 {
		return
	}
	for i := range ws {
		// Dropping word i moves each later word one place down.
		fn(pre[i] + (pre[n]-pre[i+1])*nearBaseInverse)
		if n < 6 {
			continue
		}
		for j := i + 1; j < n; j++ {
			fn(pre[i] + (pre[j]-pre[i+1])*nearBaseInverse + (pre[n]-pre[j+1])*nearBaseInverse*nearBaseInverse)
		}
	}
}

// nearKeyCount is how many times nearKeys calls its fn for a line of n
// words.
func nearKeyCount(n int) int {
	switch {
	case n < 2 || n > maxNearWords:
		return 0
	case n < 3:
		return 1
	case n < 6:
		return 1 + n
	}
	return 1 + n + n*(n-1)/2
}

// nearBase is the base of nearKeys' hashes, and nearBaseInverse its
// inverse modulo 2^64 (nearBase * nearBaseInverse == 1), which moves a run
// one place down. nearBase is odd, so that the inverse exists.
const (
	nearBase        uint64 = 0x9e3779b97f4a7c15
	nearBaseInverse uint64 = 0xf1de83e19937733d
)

// nearWords reports whether two sentences' words (the hashes of their
// matching forms) are near twins as nearTwinOps has it, by their longest
// common subsequence, and how many words that holds; content holds the
// first's content words, sorted.
func nearWords(a, b, content []uint64) (eq int, ok bool) {
	n, m := len(a), len(b)
	if n > maxNearWords || m > maxNearWords {
		return 0, false
	}
	// lcs[i][j] is the longest common subsequence of a[i:] and b[j:].
	var lcs [maxNearWords + 1][maxNearWords + 1]uint8
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case a[i] == b[j]:
				lcs[i][j] = lcs[i+1][j+1] + 1
			case lcs[i+1][j] >= lcs[i][j+1]:
				lcs[i][j] = lcs[i+1][j]
			default:
				lcs[i][j] = lcs[i][j+1]
			}
		}
	}
	eq = int(lcs[0][0])
	if !nearCounts(eq, n, m) {
		return eq, false
	}
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			if _, ok := slices.BinarySearch(content, a[i]); ok {
				return eq, true
			}
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			j++
		}
	}
	return eq, false
}

// nearCounts reports whether two passages of lw and rw words, eq of them
// equal, are near enough to be near twins: at most maxNearChanged words
// changed on either side, and at least twice as many equal, two at least.
func nearCounts(eq, lw, rw int) bool {
	changed := max(lw-eq, rw-eq)
	return changed <= maxNearChanged && eq >= 2 && eq >= 2*changed
}

// nearTwinOps reports whether ops, the word diff of two passages, leave
// them near twins: at most maxNearChanged words deleted and inserted, at
// least twice as many equal and two at least, one of which says what
// happened (says, given the word's token index in a and in b). Two lines
// that share "at the" are not one line, nor are two that share only a
// name and a day (issue 9: "A name and a weekday are not an event").
func nearTwinOps(a, b *corpus.Article, ops []Op, says func(i, j int) bool) bool {
	if !nearCounts(OpWords(a, b, ops)) {
		return false
	}
	for _, op := range ops {
		if op.Kind != OpEqual {
			continue
		}
		// An equal op holds the same words on each side, in order.
		l, r := a.TokensIn(op.Left), b.TokensIn(op.Right)
		for i, j := l.Start, r.Start; i < l.End && j < r.End; i, j = i+1, j+1 {
			for i < l.End && a.Tokens.Kind(i) != corpus.TokWord {
				i++
			}
			for j < r.End && b.Tokens.Kind(j) != corpus.TokWord {
				j++
			}
			if i < l.End && j < r.End && says(i, j) {
				return true
			}
		}
	}
	return false
}

// plainWord reports whether word token i of a may say what happened: it
// is not a stopword, a number, a day or a month.
func plainWord(a *corpus.Article, i int) bool {
	form := a.Tokens.Form(i)
	return !corpus.IsStopword(form) && infoOf(form).class == lexicon.Plain
}

// lineSays is nearTwinOps' says for lines (captions, headings): a plain
// word written in lower case there, or somewhere in either article
// (lowerA and lowerB by form id, from lowerForms). A line's first word
// tells nothing ("Jane Smith on Thursday" starts with a name as often as
// not), nor does a headline set in title case.
func lineSays(a, b *corpus.Article, lowerA, lowerB []bool) func(i, j int) bool {
	return func(i, j int) bool {
		if !plainWord(a, i) {
			return false
		}
		return !capitalised(a.Raw[a.Tokens.Span(i).Start:]) || !capitalised(b.Raw[b.Tokens.Span(j).Start:]) ||
			lowerA[a.Tokens.FormID(i)] || lowerB[b.Tokens.FormID(j)]
	}
}

// lowerForms returns which forms a writes in lower case somewhere, by form
// id (corpus.Tokens.FormID).
func lowerForms(a *corpus.Article) []bool {
	toks := a.Tokens
	lower := make([]bool, toks.FormCount())
	for i := range toks.Len() {
		if sp := toks.Span(i); toks.Kind(i) == corpus.TokWord && !capitalised(a.Raw[sp.Start:sp.End]) {
			lower[toks.FormID(i)] = true
		}
	}
	return lower
}

// nearTwins pairs the left non-prose elements that have no twin (twinOf
// -1, no group) with an unused right element of the same role that is a
// near twin, marking it used, and returns the pairs' diffs by left
// element.
func (bb *blockBuilder) nearTwins(leftElems, rightElems []element, twinOf []int32, usedRight []bool) map[int][]Op {
	lonely := func(e element) bool {
		return e.gi < 0 && e.role != corpus.RoleProse && e.role != corpus.RoleTitle
	}
	lonelyLeft := false
	for i, e := range leftElems {
		lonelyLeft = lonelyLeft || twinOf[i] < 0 && lonely(e)
	}
	if !lonelyLeft {
		return nil
	}
	var buf []uint64
	// The first maxNearPosting right lines of each key, kept in the
	// matcher's index when the builder has it: a map of slices made a
	// slice for nearly every key, a third of a seed pair's allocations.
	index := bb.lines
	if index == nil {
		index = new(classIndex)
	}
	index.reset(64)
	keys := 0
	for j, e := range rightElems {
		if usedRight[j] || !lonely(e) || keys >= maxNearKeys {
			continue
		}
		ws := lineWords(bb.b, e.sents, buf)
		nearKeys(ws, func(h uint64) {
			keys++
			index.addUpTo(h, int32(j), maxNearPosting)
		})
		buf = ws
	}
	if index.empty() {
		return nil
	}
	var near map[int][]Op
	var tried []int32 // the right lines diffed against this left one
	var says func(i, j int) bool
	for i, e := range leftElems {
		if twinOf[i] >= 0 || !lonely(e) || bb.ctx.Err() != nil {
			continue
		}
		ws := lineWords(bb.a, e.sents, buf)
		buf = ws
		found := int32(-1)
		var foundOps []Op
		tried = tried[:0]
		nearKeys(ws, func(h uint64) {
			if found >= 0 {
				return
			}
			for j := range index.classes(h, maxNearPosting) {
				if usedRight[j] || rightElems[j].role != e.role || slices.Contains(tried, j) || len(tried) == maxNearTried {
					continue
				}
				tried = append(tried, j)
				ops := bb.d.diffTitles(bb.a, tokenRange(bb.a, e.sents), bb.b, tokenRange(bb.b, rightElems[j].sents))
				if says == nil {
					says = lineSays(bb.a, bb.b, lowerForms(bb.a), lowerForms(bb.b))
				}
				if nearTwinOps(bb.a, bb.b, ops, says) {
					found, foundOps = j, ops
					return
				}
			}
		})
		if found >= 0 {
			usedRight[found] = true
			twinOf[i] = found
			if near == nil {
				near = make(map[int][]Op)
			}
			near[i] = foundOps
		}
	}
	return near
}

// nearTwin is twin for a near twin, whose diff ops are known: named as a
// paired passage is (matchOf), by its equal runs.
func (bb *blockBuilder) nearTwin(l, r element, ops []Op) Block {
	blk := bb.lineBlock(l, r)
	// The ops run forward from the elements' first tokens (see pair).
	lt, rt := tokenRange(bb.a, l.sents).Start, tokenRange(bb.b, r.sents).Start
	blk.Ops = bb.mv.markFrom(bb.a, bb.b, ops, lt, rt)
	ca, cb := bb.a.SpanCursorAt(lt), bb.b.SpanCursorAt(rt)
	eq, lw, rw := opWords(&ca, &cb, blk.Ops)
	blk.Similarity = 2 * float64(eq) / float64(lw+rw)
	blk.Match = matchOf(bb.a, bb.b, blk.Left, blk.Right, blk.Ops, false, bb.a.SpanCursorAt(lt))
	return blk
}

// nearKeyed reports whether u is a sentence nearTwins looks for near
// twins of, on either side: prose, of at most maxNearProseWords words.
func (u *unit) nearKeyed() bool { return !u.title && len(u.words) <= maxNearProseWords }

// nearIndex indexes the right classes' sentences of at most maxNearProseWords
// words by their near keys, for matcher.nearTwins; at most maxNearKeys keys
// in all, so that an article of nothing but short sentences costs what its
// first few thousand do.
func (m *matcher) nearIndex(right []unit, rmembers [][]int32) *classIndex {
	// The table is sized for the keys before they go in, as the loop
	// below counts them.
	keys := 0
	for _, ms := range rmembers {
		v := &right[ms[0]]
		if keys >= maxNearKeys {
			break
		}
		if v.nearKeyed() {
			keys += nearKeyCount(len(v.words))
		}
	}
	x := &m.nearGrams
	x.take(&m.grams)
	x.reset(keys)
	keys = 0
	for rc, ms := range rmembers {
		v := &right[ms[0]]
		if keys >= maxNearKeys {
			break
		}
		if !v.nearKeyed() {
			continue
		}
		hs := m.nearKeysOf(v.words)
		x.warm(hs) // as candidates warms the runs' table
		for _, h := range hs {
			x.add(h, int32(rc))
		}
		keys += len(hs)
	}
	return x
}

// nearKeysOf returns what nearKeys calls its fn with, in order, in the
// matcher's buffer: valid until the next call.
func (m *matcher) nearKeysOf(ws []uint64) []uint64 {
	hs := m.nearKeyBuf[:0]
	nearKeys(ws, func(h uint64) { hs = append(hs, h) })
	m.nearKeyBuf = hs
	return hs
}

// nearTwins appends to scored, the candidates of left class lc (unit u),
// the right classes whose sentence is u's near twin: the same sentence but
// for a word or two. The word diff of the whole sentence is evidence of its
// own, whatever the model makes of what little the two share ("Police are
// looking for the Range Rover." against "Police are searching for the
// Range Rover.", whose every shared word the story repeats): such a pair
// scores its share of words in common, two thirds at least, and a pair
// already scored lower, by the model or below sureScore, is lifted to it.
func (m *matcher) nearTwins(scored []candidate, lc int, u *unit, right []unit, rmembers [][]int32, x *classIndex, hasTwin bool) []candidate {
	if !u.nearKeyed() || hasTwin || x.empty() {
		// A sentence with an identical twin has its partner.
		return scored
	}
	tried := m.nearTried[:0]
	hs := m.nearKeysOf(u.words)
	x.warm(hs)
	for _, h := range hs {
		for rc := range x.classes(h, maxNearPosting) {
			if slices.Contains(tried, rc) || len(tried) == maxNearTried {
				continue
			}
			tried = append(tried, rc)
			v := &right[rmembers[rc][0]]
			eq, ok := nearWords(u.words, v.words, u.content)
			if !ok || sorted.Count(u.event, v.event) == 0 {
				// Not near, or near on names, numbers and days alone.
				continue
			}
			score := 2 * float64(eq) / float64(len(u.words)+len(v.words))
			k := slices.IndexFunc(scored, func(c candidate) bool { return c.r == int(rc) })
			switch {
			case k < 0:
				scored = append(scored, candidate{l: lc, r: int(rc), score: score})
			case (scored[k].para || scored[k].score < sureScore) && scored[k].score < score:
				// A pair the surface score makes surely stands as it is.
				scored[k].score, scored[k].para, scored[k].modelSure = score, false, false
			}
		}
	}
	m.nearTried = tried
	return scored
}
