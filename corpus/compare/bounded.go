package compare

import (
	"cmp"
	"context"
	"slices"

	"github.com/newsdiff/newsdiff/corpus"
)

// The bounded mode: past a size no news article reaches, a comparison pairs
// only prose paragraphs that are word for word the same, in each side's
// order, and skips what finds paraphrases (the lexicon's lemmas and related
// words, the IDF tables, candidate search through shared words and
// verbatim runs). Those cost a few hundred bytes per distinct sentence and
// per distinct word: 5 MiB of two-word sentences (700,000 a side) or of
// words never used twice (1.2 million a side) made a comparison of 738 and
// 325 MiB where the limit is 256 MiB (issue 13). The comparison says so
// (Comparison.Bounded) and the writers state it.

// Above either bound on either side, a comparison is bounded. A 5 MiB
// article of prose has about 55,000 sentences and a few thousand distinct
// forms; a long news article has a few hundred sentences.
const (
	boundedSentences = 100_000
	boundedForms     = 250_000
)

// exceedsFullLimits reports whether comparing a and b in full could cost
// more than the memory the comparison is allowed.
func exceedsFullLimits(a, b *corpus.Article) bool {
	for _, x := range [2]*corpus.Article{a, b} {
		if len(x.Sentences) > boundedSentences || x.Tokens.FormCount() > boundedForms {
			return true
		}
	}
	return false
}

// keySentences is the prose sentences of a bounded comparison, by
// sentence index, with each one's sentence key (see sentenceFeatures) in
// keys: 12 bytes a sentence, where a full unit with its features and
// meaning costs a few hundred, and even a bare unit 32. The block builder
// needs no more.
func (m *matcher) keySentences(a *corpus.Article) (sents []int32, keys []uint64) {
	n := 0
	for _, sent := range a.Sentences {
		if a.Paragraphs[sent.Para].Role == corpus.RoleProse {
			n++
		}
	}
	sents, keys = make([]int32, 0, n), make([]uint64, 0, n)
	for si, sent := range a.Sentences {
		if si%256 == 0 && m.ctx != nil && m.ctx.Err() != nil {
			return sents, keys // the caller checks the context
		}
		if a.Paragraphs[sent.Para].Role != corpus.RoleProse {
			continue
		}
		key := sentenceKey(a, sent)
		if key == 0 {
			continue
		}
		sents = append(sents, int32(si))
		keys = append(keys, key)
	}
	return sents, keys
}

// sentenceKey is sentenceFeatures's key of s (corpus.HashWords over the
// hashes of its words, or of its punctuation), computed without keeping
// the hashes.
func sentenceKey(a *corpus.Article, s corpus.Sentence) uint64 {
	toks := a.Tokens.In(s.Tokens)
	hash := func(kind corpus.TokenKind) (h uint64, n int) {
		h = 14695981039346656037 // FNV-1a, as corpus.HashWords
		for i := range toks.Len() {
			if toks.Kind(i) == kind {
				h ^= corpus.HashForm(toks.Form(i))
				h *= 1099511628211
				n++
			}
		}
		return h, n
	}
	if h, n := hash(corpus.TokWord); n > 0 {
		return h | 1
	}
	h, n := hash(corpus.TokPunct)
	switch {
	case n == 0:
		return 0
	case h&^1 == 0:
		return 2
	}
	return h &^ 1
}

// compareBounded is Compare past the bounds: each side's prose paragraphs
// (runs of units of one paragraph) are keyed by their sentences' keys, and
// paragraphs with one key pair in article order, the first with the first.
// Blocks are then whole paragraphs, so that their number, and the memory
// they take, grows with the paragraphs rather than with the sentences: a
// block per two-word sentence cost 400 bytes for 7 bytes of text.
func compareBounded(ctx context.Context, a, b *corpus.Article) (*Comparison, error) {
	m := &matcher{ctx: ctx}
	left, keys := m.keySentences(a)
	lparas := paragraphRuns(a, left, keys)
	right, keys := m.keySentences(b)
	rparas := paragraphRuns(b, right, keys)
	keys = nil
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	// Right paragraphs by key, in article order.
	byKey := make(map[uint64][]int32, len(rparas))
	for i, p := range rparas {
		byKey[p.key] = append(byKey[p.key], int32(i))
	}
	var gs []group
	var cands []candidate // for markRepeats: a left paragraph and its right twin's first unit
	for i, p := range lparas {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		q, ok := byKey[p.key]
		if !ok {
			continue
		}
		r := rparas[q[0]]
		if len(q) > 1 {
			byKey[p.key] = q[1:]
			gs = append(gs, group{l: p.units, r: r.units, score: 1})
			continue
		}
		// The last right twin: pair it, and let later left twins repeat it.
		if r.paired {
			cands = append(cands, candidate{l: p.units.Start, r: r.units.Start, score: 1})
			continue
		}
		rparas[q[0]].paired = true
		gs = append(gs, group{l: p.units, r: r.units, score: 1})
	}
	byKey, lparas, rparas = nil, nil, nil // the builder's peak is the comparison's
	slices.SortFunc(gs, func(x, y group) int { return cmp.Compare(x.l.Start, y.l.Start) })
	markMoved(gs)
	d := NewDiffer()
	bb := &blockBuilder{ctx: ctx, a: a, b: b, left: left, right: right, d: d}
	bb.build(gs)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	bb.markRepeats(cands, gs)
	c := &Comparison{Left: a, Right: b, Blocks: bb.blocks, Bounded: true}
	c.Similarity = overallSimilarity(c)
	return c, nil
}

// paragraphRun is a prose paragraph of a bounded comparison: its
// sentences' indexes into the comparison's prose sentences (the groups'
// "units") and the hash of their keys in order.
type paragraphRun struct {
	units  corpus.Range
	key    uint64
	paired bool
}

func paragraphRuns(a *corpus.Article, sents []int32, keys []uint64) []paragraphRun {
	n := 0
	for i := range sents {
		if i == 0 || a.Sentences[sents[i]].Para != a.Sentences[sents[i-1]].Para {
			n++
		}
	}
	runs := make([]paragraphRun, 0, n)
	for i := 0; i < len(sents); {
		para := a.Sentences[sents[i]].Para
		h := uint64(14695981039346656037) // FNV-1a, as corpus.HashWords
		j := i
		for ; j < len(sents) && a.Sentences[sents[j]].Para == para; j++ {
			h ^= keys[j]
			h *= 1099511628211
		}
		runs = append(runs, paragraphRun{units: corpus.Range{Start: i, End: j}, key: h})
		i = j
	}
	return runs
}
