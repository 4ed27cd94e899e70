package compare

// The alignment method: prose sentences are the units. Two sentences are
// scored by an IDF-weighted containment of their content words plus a bonus
// for shared word bigrams; candidate pairs come from an inverted index so the
// cost stays near-linear in article length. A greedy one-to-one assignment by
// score is followed by merges (an unmatched sentence joins its neighbour's
// block when it covers what the partner still lacks), and the longest
// increasing subsequence of right positions decides which blocks are in order
// and which are moved. Inside a block, tokens are mapped to runes and diffed
// with go-diff, then a token-aware cleanup folds short equal islands into the
// surrounding change so that changes read as phrases.

import (
	"cmp"
	"math"
	"slices"

	"github.com/newsdiff/newsdiff/corpus"
)

// Tuning of the sentence matcher, found on the seed story and checked on
// the research stories (see align_test.go for the measured figures).
const (
	// matchThreshold is the least score at which two sentences are taken to
	// report the same thing.
	matchThreshold = 0.32
	// mergeCover is the share of an unmatched neighbour's weight that must
	// cover words its block's partner has and the block lacks before it
	// joins the block.
	mergeCover = 0.5
	// runLen is the length of a shared word run that pairs two sentences
	// whatever their score: verbatim copy is the strongest sign of all.
	runLen = 6
	// mergeRun is the length of a verbatim run shared with a block's other
	// side that lets an unmatched neighbour join the block.
	mergeRun = 4
	// sureScore is the score above which a pair stands even when its word
	// diff finds little in common (a paraphrase of the same fact).
	sureScore = 0.5
	// minPairSimilarity is the least share of words a pair below sureScore
	// must have equal once diffed.
	minPairSimilarity = 0.12
	// commonShare and commonFloor bound the words that find candidates: a
	// word carried by more than one sentence in commonShare (and more than
	// commonFloor sentences) still counts in scores but finds no pairs.
	commonShare = 8
	commonFloor = 12
	// repeatThreshold is the least score at which an unmatched sentence is
	// said to repeat a passage that is already paired elsewhere.
	repeatThreshold = 0.5
)

// features are what the matcher needs of a prose sentence, computed for
// each comparison (a few microseconds a sentence). Words are 64-bit hashes of their matching
// forms, so that features of different articles compare directly.
type features struct {
	words   []uint64 // every word, in order
	content []uint64 // distinct content words, sorted
	bigrams []uint64 // distinct word bigrams, sorted
	grams   []uint64 // hashes of each runLen-word run
}

// sentenceFeatures computes the features of every sentence of a (empty for
// sentences outside prose paragraphs).
func sentenceFeatures(a *corpus.Article) []features {
	fs := make([]features, len(a.Sentences))
	for si, s := range a.Sentences {
		if a.Paragraphs[s.Para].Role != corpus.RoleProse {
			continue
		}
		f := &fs[si]
		for _, t := range a.Tokens[s.Tokens.Start:s.Tokens.End] {
			if t.Kind != corpus.TokWord {
				continue
			}
			h := corpus.HashForm(t.Form)
			f.words = append(f.words, h)
			if !corpus.IsStopword(t.Form) {
				f.content = append(f.content, h)
			}
		}
		slices.Sort(f.content)
		f.content = slices.Compact(f.content)
		for i := 0; i+1 < len(f.words); i++ {
			f.bigrams = append(f.bigrams, f.words[i]*31+f.words[i+1])
		}
		slices.Sort(f.bigrams)
		f.bigrams = slices.Compact(f.bigrams)
		for i := 0; i+runLen <= len(f.words); i++ {
			f.grams = append(f.grams, corpus.HashWords(f.words[i:i+runLen]))
		}
	}
	return fs
}

// unit is one prose sentence seen by the matcher.
type unit struct {
	sent int // index into Article.Sentences
	*features
	weight float64 // sum of the IDF of content, in this comparison
}

// matcher holds what one comparison needs to score sentences.
type matcher struct {
	idf map[uint64]float64
	df  map[uint64]int32 // sentences carrying each content word
}

func (m *matcher) units(a *corpus.Article) []unit {
	feats := sentenceFeatures(a)
	us := make([]unit, 0, len(a.Sentences))
	for si := range a.Sentences {
		if f := &feats[si]; len(f.words) > 0 {
			us = append(us, unit{sent: si, features: f})
		}
	}
	return us
}

// weigh sets the IDF of every word over the sentences of both articles, so
// that the words a story repeats everywhere ("Trump", "emails") weigh little
// and the rare ones ("mightily", "espionage") a lot.
func (m *matcher) weigh(sides ...[]unit) {
	n := 0
	df := make(map[uint64]int32, 256)
	for _, us := range sides {
		for _, u := range us {
			n++
			for _, w := range u.content {
				df[w]++
			}
		}
	}
	m.df = df
	m.idf = make(map[uint64]float64, len(df))
	for w, d := range df {
		m.idf[w] = max(0.1, math.Log(float64(n+1)/(float64(d)+0.5)))
	}
	for _, us := range sides {
		for i := range us {
			us[i].weight = 0
			for _, w := range us[i].content {
				us[i].weight += m.idf[w]
			}
		}
	}
}

// candidate is a scored pair of units, by index into each side's units.
type candidate struct {
	l, r  int
	score float64
}

// candidates scores every pair of units that share a content word that is
// not among the commonest, or a verbatim run. Both are found through
// inverted indexes on the right side, so that the work grows with what the
// sentences share rather than with the product of the sentence counts;
// a word that most sentences carry ("Trump") would make every pair a
// candidate while weighing next to nothing in the score. The score itself
// counts every shared content word.
func (m *matcher) candidates(left, right []unit) []candidate {
	df := m.df
	maxDF := int32(max(commonFloor, (len(left)+len(right))/commonShare))
	postings := make(map[uint64][]int32, len(m.idf))
	for ri, u := range right {
		for _, w := range u.content {
			if df[w] <= maxDF {
				postings[w] = append(postings[w], int32(ri))
			}
		}
	}
	grams := make(map[uint64][]int32, len(right)*8)
	for ri, u := range right {
		for _, g := range u.grams {
			if p := grams[g]; len(p) == 0 || p[len(p)-1] != int32(ri) {
				grams[g] = append(p, int32(ri))
			}
		}
	}
	seen := make([]bool, len(right))
	verbatim := make([]bool, len(right))
	var touched []int32
	var out []candidate
	for li := range left {
		u := &left[li]
		touched = touched[:0]
		for _, w := range u.content {
			for _, ri := range postings[w] {
				if !seen[ri] {
					seen[ri] = true
					touched = append(touched, ri)
				}
			}
		}
		for _, g := range u.grams {
			for _, ri := range grams[g] {
				if !seen[ri] {
					seen[ri] = true
					touched = append(touched, ri)
				}
				verbatim[ri] = true
			}
		}
		for _, ri := range touched {
			s := m.score(u, &right[ri])
			if verbatim[ri] && s < matchThreshold {
				// A verbatim run of runLen words pairs sentences on its own.
				s = matchThreshold + 0.01
			}
			if s >= matchThreshold {
				out = append(out, candidate{li, int(ri), s})
			}
			seen[ri], verbatim[ri] = false, false
		}
	}
	return out
}

// score rates how surely two sentences report the same thing, from 0 to 1:
// IDF-weighted containment (a trimmed quote is still the same quote),
// weighted Dice (so that a short sentence inside a long one scores below an
// equal pair), and the share of word bigrams in common (word order).
func (m *matcher) score(a, b *unit) float64 {
	if a.weight == 0 || b.weight == 0 {
		return 0
	}
	shared, count := 0.0, 0
	i, j := 0, 0
	for i < len(a.content) && j < len(b.content) {
		switch x, y := a.content[i], b.content[j]; {
		case x < y:
			i++
		case x > y:
			j++
		default:
			shared += m.idf[x]
			count++
			i++
			j++
		}
	}
	if count < 2 {
		return 0
	}
	containment := shared / math.Min(a.weight, b.weight)
	dice := 2 * shared / (a.weight + b.weight)
	// Containment says little when the smaller sentence has one or two
	// content words: "He denied it." is contained in many sentences.
	if n := min(len(a.content), len(b.content)); n < 4 {
		containment *= float64(n) / 4
	}
	words := 0.4*containment + 0.35*dice
	if words+0.25 < matchThreshold {
		return words // even every bigram shared could not lift it
	}
	bi := 0.0
	if n := min(len(a.bigrams), len(b.bigrams)); n > 0 {
		bi = float64(sharedSorted(a.bigrams, b.bigrams)) / float64(n)
	}
	return math.Min(1, words+0.25*bi)
}

// sharedSorted counts the values two sorted slices have in common.
func sharedSorted(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// group is a set of adjacent units on each side that report the same thing.
type group struct {
	l, r  corpus.Range // unit index ranges
	score float64
	ops   []Op // the diff of l and r, once computed; nil when they change
	moved bool
}

// assign pairs units one to one, best score first.
func assign(cands []candidate, nl, nr int) []group {
	slices.SortFunc(cands, func(a, b candidate) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		if c := cmp.Compare(a.l, b.l); c != 0 {
			return c
		}
		return cmp.Compare(a.r, b.r)
	})
	usedL := make([]bool, nl)
	usedR := make([]bool, nr)
	var gs []group
	for _, c := range cands {
		if c.score < matchThreshold || usedL[c.l] || usedR[c.r] {
			continue
		}
		usedL[c.l], usedR[c.r] = true, true
		gs = append(gs, group{l: corpus.Range{Start: c.l, End: c.l + 1}, r: corpus.Range{Start: c.r, End: c.r + 1}, score: c.score})
	}
	return gs
}

// merge lets an unmatched unit next to a group join it when most of its
// weight covers words that the group's other side has and its own side
// lacks: one outlet split into two sentences what another said in one.
func (m *matcher) merge(gs []group, left, right []unit, la, ra *corpus.Article) {
	ownerL := owners(gs, len(left), func(g *group) corpus.Range { return g.l })
	ownerR := owners(gs, len(right), func(g *group) corpus.Range { return g.r })
	for changed := true; changed; {
		changed = false
		for gi := range gs {
			g := &gs[gi]
			for _, side := range [2]bool{true, false} {
				own, other, owner := left, right, ownerL
				rng, partner := &g.l, g.r
				art := la
				if !side {
					own, other, owner = right, left, ownerR
					rng, partner = &g.r, g.l
					art = ra
				}
				for _, cand := range [2]int{rng.Start - 1, rng.End} {
					if cand < 0 || cand >= len(own) || owner[cand] >= 0 || !adjacent(art, own, cand, *rng) {
						continue
					}
					if m.covers(own[cand], own[rng.Start:rng.End], other[partner.Start:partner.End]) {
						if cand < rng.Start {
							rng.Start = cand
						} else {
							rng.End = cand + 1
						}
						owner[cand] = gi
						changed = true
					}
				}
			}
		}
	}
}

func owners(gs []group, n int, rng func(*group) corpus.Range) []int {
	o := make([]int, n)
	for i := range o {
		o[i] = -1
	}
	for gi := range gs {
		r := rng(&gs[gi])
		for i := r.Start; i < r.End; i++ {
			o[i] = gi
		}
	}
	return o
}

// adjacent reports whether unit cand sits right next to the units in r in
// the article, with nothing but whitespace between (no heading, caption or
// other paragraph of another role).
func adjacent(a *corpus.Article, us []unit, cand int, r corpus.Range) bool {
	var s1, s2 int
	if cand < r.Start {
		s1, s2 = us[cand].sent, us[r.Start].sent
	} else {
		s1, s2 = us[r.End-1].sent, us[cand].sent
	}
	return s2 == s1+1
}

// covers reports whether unit c covers enough of what the partner units
// have and the block's own units lack, or shares a verbatim run with them
// (a quote the sentence splitter cut in two on one side only).
func (m *matcher) covers(c unit, own, partner []unit) bool {
	if c.weight == 0 {
		return false
	}
	var pw []uint64
	for _, u := range partner {
		pw = append(pw, u.words...)
	}
	if longestRun(c.words, pw) >= mergeRun {
		return true
	}
	has := func(us []unit, w uint64) bool {
		for _, u := range us {
			if _, ok := slices.BinarySearch(u.content, w); ok {
				return true
			}
		}
		return false
	}
	gain, n := 0.0, 0
	for _, w := range c.content {
		if has(partner, w) && !has(own, w) {
			gain += m.idf[w]
			n++
		}
	}
	return n >= 2 && gain >= mergeCover*c.weight
}

// markMoved marks the groups outside the longest increasing subsequence of
// right positions, taken in left order, as moved. Groups must be sorted by
// left position.
func markMoved(gs []group) {
	n := len(gs)
	if n == 0 {
		return
	}
	// Patience sorting with back-pointers; O(n log n).
	tails := []int{}
	prev := make([]int, n)
	for i := range gs {
		x := gs[i].r.Start
		k, _ := slices.BinarySearchFunc(tails, x, func(t, x int) int { return cmp.Compare(gs[t].r.Start, x) })
		if k > 0 {
			prev[i] = tails[k-1]
		} else {
			prev[i] = -1
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	inLIS := make([]bool, n)
	for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
		inLIS[i] = true
	}
	for i := range gs {
		gs[i].moved = !inLIS[i]
	}
}

// longestRun returns the length of the longest run of words a and b share.
// Only used on a sentence and its neighbour's partner, so the quadratic
// table stays small.
func longestRun(a, b []uint64) int {
	best := 0
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
				best = max(best, cur[j+1])
			} else {
				cur[j+1] = 0
			}
		}
		prev, cur = cur, prev
	}
	return best
}

// IDF weighs every content word (by its hash, see corpus.HashForm) by how
// few of the prose sentences of arts carry it, as Compare weighs words:
// what a story repeats everywhere weighs little.
func IDF(arts ...*corpus.Article) map[uint64]float64 {
	m := &matcher{}
	var sides [][]unit
	for _, a := range arts {
		sides = append(sides, m.units(a))
	}
	m.weigh(sides...)
	return m.idf
}
