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

// boundedRuns is the prose sentences of a bounded comparison, by sentence
// index (4 bytes a sentence, where a full unit with its features and
// meaning costs a few hundred, and even a bare unit 32: the block builder
// needs no more), and its prose paragraphs as runs of them, each keyed by
// its sentences' keys (see sentenceKey) in order.
func boundedRuns(ctx context.Context, a *corpus.Article) (sents []int32, runs []paragraphRun) {
	n, np := 0, 0
	for _, p := range a.Paragraphs {
		if p.Role == corpus.RoleProse {
			n += p.Sentences.Len()
			np++
		}
	}
	sents, runs = make([]int32, 0, n), make([]paragraphRun, 0, np)
	for pi, p := range a.Paragraphs {
		if pi%256 == 0 && ctx.Err() != nil {
			return sents, runs // the caller checks the context
		}
		if p.Role != corpus.RoleProse {
			continue
		}
		start := len(sents)
		h := corpus.NewRunHash()
		for si := p.Sentences.Start; si < p.Sentences.End; si++ {
			key := sentenceKey(a, a.Sentences[si])
			if key == 0 {
				continue
			}
			sents = append(sents, int32(si))
			h = h.Add(key)
		}
		if len(sents) > start {
			runs = append(runs, paragraphRun{units: corpus.Range{Start: start, End: len(sents)}, key: uint64(h)})
		}
	}
	return sents, runs
}

// sentenceKey is sentenceFeatures's key of s (see sentenceKeyOf),
// computed without keeping the hashes.
func sentenceKey(a *corpus.Article, s corpus.Sentence) uint64 {
	toks := a.Tokens.In(s.Tokens())
	hash := func(kind corpus.TokenKind) (uint64, int) {
		h, n := corpus.NewRunHash(), 0
		for i := range toks.Len() {
			if toks.Kind(i) == kind {
				h = h.Add(corpus.HashForm(toks.Form(i)))
				n++
			}
		}
		return uint64(h), n
	}
	if h, n := hash(corpus.TokWord); n > 0 {
		return sentenceKeyOf(h, true)
	}
	if h, n := hash(corpus.TokPunct); n > 0 {
		return sentenceKeyOf(h, false)
	}
	return 0
}

// compareBounded is Compare past the bounds: each side's prose paragraphs
// (runs of units of one paragraph) are keyed by their sentences' keys, and
// paragraphs with one key pair in article order, the first with the first.
// Blocks are then whole paragraphs, so that their number, and the memory
// they take, grows with the paragraphs rather than with the sentences: a
// block per two-word sentence cost 400 bytes for 7 bytes of text.
func compareBounded(ctx context.Context, a, b *corpus.Article) (*Comparison, error) {
	left, lparas := boundedRuns(ctx, a)
	right, rparas := boundedRuns(ctx, b)
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	// Right paragraphs by key, in article order: indexes sorted by key,
	// and for each key's first, how many of its paragraphs are taken (a
	// map of slices cost 70 bytes a paragraph).
	byKey := make([]int32, len(rparas))
	for i := range byKey {
		byKey[i] = int32(i)
	}
	slices.SortFunc(byKey, func(x, y int32) int {
		if c := cmp.Compare(rparas[x].key, rparas[y].key); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	})
	taken := make([]int32, len(rparas))
	var gs []group
	var cands []candidate // for markRepeats: a left paragraph and its right twin's first unit
	for i, p := range lparas {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		first, ok := slices.BinarySearchFunc(byKey, p.key, func(x int32, key uint64) int { return cmp.Compare(rparas[x].key, key) })
		if !ok {
			continue
		}
		last := first
		for last+1 < len(byKey) && rparas[byKey[last+1]].key == p.key {
			last++
		}
		ri := byKey[first+int(taken[first])]
		r := rparas[ri]
		if first+int(taken[first]) < last {
			taken[first]++
			gs = append(gs, group{l: p.units, r: r.units, score: 1})
			continue
		}
		// The last right twin: pair it, and let later left twins repeat it.
		if r.paired {
			cands = append(cands, candidate{l: p.units.Start, r: r.units.Start, score: 1})
			continue
		}
		rparas[ri].paired = true
		gs = append(gs, group{l: p.units, r: r.units, score: 1})
	}
	byKey, taken, lparas, rparas = nil, nil, nil, nil // the builder's peak is the comparison's
	slices.SortFunc(gs, func(x, y group) int { return cmp.Compare(x.l.Start, y.l.Start) })
	markMoved(gs)
	d := NewDiffer()
	bb := &blockBuilder{ctx: ctx, a: a, b: b, left: left, right: right, d: d}
	bb.build(gs)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	bb.markRepeats(cands, gs)
	return newComparison(a, b, bb.blocks, true), nil
}

// paragraphRun is a prose paragraph of a bounded comparison: its
// sentences' indexes into the comparison's prose sentences (the groups'
// "units") and the hash of their keys in order.
type paragraphRun struct {
	units  corpus.Range
	key    uint64
	paired bool
}
