package compare

import (
	"cmp"
	"context"
	"math"
	"slices"

	"github.com/newsdiff/newsdiff/corpus/internal/sorted"
)

// Candidates: which sentence pairs are scored at all, found through
// inverted indexes so the work stays linear in the input, and how a pair is
// scored and judged.

// candidate is a scored pair of units, by index into each side's units.
type candidate struct {
	l, r  int
	score float64
	// para marks a pair made by the model alone: the surface score would
	// not make it, so its word diff is expected to find little.
	para bool
	// modelSure marks a pair the surface score made below sureScore and
	// the model agreed with: its word diff is not asked to confirm it
	// (see assign), as a pair the model made alone is not.
	modelSure bool
	// titles marks the pair of the two titles, assigned before any
	// other: a headline restated by the other's lead is the other
	// headline's partner first.
	titles bool
	// quoted marks a pair that shares a quotation (quoted.go), made by
	// the quotation or otherwise: it ranks above pairs that score up to
	// quoteBonus more.
	quoted bool
	// sureQuote marks a pair that shares a quoted run long enough to pair
	// it on its own (quoteRun.sure): it ranks above pairs that score up
	// to sureQuoteBonus more again.
	sureQuote bool
	// copied marks a pair made by the surface score whose two sentences
	// open with the same runLen words (copied.go): it ranks as a pair
	// sharing a quotation does.
	copied bool
}

// classes groups units by key: identical sentences are one class, so that
// an article saying one thing a thousand times costs one candidate search,
// not a thousand. It returns each class's units in article order.
//
// The lists are cut from one slice of the matcher's slab, sized by a
// first walk that numbers the classes: a list per class grown by
// appending was an allocation or more for every sentence.
func (m *matcher) classes(us []unit) (members [][]int32) {
	index := &m.classIDs
	index.reset(len(us))
	classOf, sizes := m.ids.make(len(us)), m.ids.make(len(us))
	for ui, u := range us {
		c, _ := index.add(u.key)
		classOf[ui] = c
		sizes[c]++
	}
	members = m.lists.make(len(index.keys))
	all := m.ids.make(len(us))
	off := int32(0)
	for c := range members {
		members[c] = all[off : off : off+sizes[c]]
		off += sizes[c]
	}
	for ui, c := range classOf {
		members[c] = append(members[c], int32(ui))
	}
	return members
}

// candidates scores the pairs of units that may report the same thing.
// Each side's identical sentences are one class (see classes); for each
// left class, the right classes that share a content word that is not among
// the commonest, or a verbatim run, are found through inverted indexes, so
// that the work grows with what the sentences share rather than with the
// product of the sentence counts. A word that most sentences carry
// ("Trump") would make every pair a candidate while weighing next to
// nothing in the score; the score itself counts every shared content word.
//
// What one sentence may cost is bounded whatever the input: a class is
// found only through a word at most commonFloor sentences carry (or a
// verbatim run, or as its twin), postings longer than maxPosting weigh
// nothing, at most maxScored right classes are scored for each left class
// (those sharing the most weight), and at most maxPartners are kept. A
// pair of classes becomes as many unit pairs as the larger class has
// members, spread in article order, so the candidates grow linearly with
// the input (issue 13: 50,000 copies of one sentence made 2.5 billion
// pairs).
func (m *matcher) candidates(ctx context.Context, left, right []unit) ([]candidate, error) {
	lmembers, rmembers := m.classes(left), m.classes(right)
	s := m.newSearch(left, right, rmembers)
	defer func() { m.touched, m.best, m.runs, m.gramBuf = s.touched, s.best, s.runs, s.hashes }()

	// First pass: the most lemma weight each right class shares with any
	// left class, so that the second can tell a pair that is the right
	// side's best as well as the left's. What find touched for each left
	// class is kept for the second pass (at most s.limit classes each),
	// so that each sentence's postings are walked once.
	bestR := m.floats.make(len(rmembers))
	found := slices.Grow(m.found[:0], 4*len(lmembers))
	defer func() { m.found = found[:0] }()
	foundAt := m.ids.make(len(lmembers) + 1)
	for lc, lms := range lmembers {
		if lc%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		s.find(&left[lms[0]])
		for _, rc := range s.touched {
			bestR[rc] = max(bestR[rc], s.mass[rc])
			found = append(found, s.class(rc))
		}
		foundAt[lc+1] = int32(len(found))
		s.reset()
	}

	rightTitle := int32(-1)
	if len(right) > 0 && right[0].title {
		rightTitle, _ = s.exact.lookup(right[0].key)
	}

	var prune *pruning
	if m.collect == nil {
		// The model is fitted on every pair's full features.
		prune = newPruning(m.model)
	}
	// The runs' table is read no more (find is the first pass's): the
	// near twins' index takes its memory.
	near := m.nearIndex(right, rmembers)
	var out []candidate
	var scored []candidate
	self, around := m.newLemmaWeights(len(m.ldf)), m.newNeighbourWeights(len(m.ldf))
	for lc, lms := range lmembers {
		if lc%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		u := &left[lms[0]]
		twin, hasTwin := s.restore(u, found[foundAt[lc]:foundAt[lc+1]])
		s.warm(right, rmembers)
		self.hold(u)
		around.at(left, int(lms[0]))
		if u.title && rightTitle >= 0 {
			// The two titles are always scored: what they share is the
			// story's commonest words, which find no candidates.
			s.touchTitle(rightTitle)
		}
		bestL := 0.0
		for _, rc := range s.touched {
			if !(hasTwin && rc == twin) {
				bestL = max(bestL, s.mass[rc])
			}
		}
		scored = scored[:0]
		if hasTwin {
			// The same words in the same order. It ranks as the quotation
			// it may carry, and as a pair that opens with the same words
			// (copied.go), which it is, so that neither a sure quotation
			// pair elsewhere (rank above 1) nor a pair opening as it does
			// takes the twin's partner first: "Mr. Mueller planned to
			// ask, according to the list of questions" took the partner
			// of its own twin "Mr. Mueller planned to ask, according to
			// questions read by …", in an article compared with itself.
			v := &right[rmembers[twin][0]]
			q := m.sharedQuote(u.quoted, v.quoted)
			scored = append(scored, candidate{l: lc, r: int(twin), score: 1, quoted: q.tells(), sureQuote: q.tells() && q.sure(), copied: sameOpening(u, v)})
		}
		for _, rc := range s.touched {
			if hasTwin && rc == twin {
				continue
			}
			v := &right[rmembers[rc][0]]
			if (u.title || v.title) && !(u.title && (v.title || v.lead) || v.title && u.lead) {
				continue // a title pairs only with a title or a lead
			}
			bothTitles := u.title && v.title
			if !s.verbatim[rc] && !bothTitles && s.mass[rc]+s.wide[rc] < minMass*math.Min(u.lweight, v.lweight) {
				// Too little in common for any feature to lift it: not
				// worth the features' cost.
				continue
			}
			bigrams := sharedShare(u.bigrams, v.bigrams)
			sc := m.score(u, v, bigrams)
			lemmaShared, lemmasInCommon := self.shared(v)
			f := lexicalFeatures(u, v, sc, bigrams, s.verbatim[rc], lemmaShared, lemmasInCommon)
			if s.mass[rc] > 0 && s.mass[rc] >= bestL {
				f[fBestForLeft] = 1
			}
			if s.mass[rc] > 0 && s.mass[rc] >= bestR[rc] {
				f[fBestForRight] = 1
			}
			f[fMutualBest] = f[fBestForLeft] * f[fBestForRight]
			if s.verbatim[rc] && sc < matchThreshold && !m.phraseOnly(u, v, f) {
				// A verbatim run of runLen words pairs sentences on its own.
				sc = matchThreshold + 0.01
				f[fSurface] = sc
			}
			// A shared quotation may pair what the model alone would not
			// (quoted.go): such a pair is never pruned.
			var quote quoteRun
			if !bothTitles {
				quote = m.sharedQuote(u.quoted, v.quoted)
			}
			neighbours := -1.0 // not computed yet
			if !bothTitles && prune != nil && !quote.tells() {
				if prune.hopeless(f, false) {
					continue
				}
				// Worth its cost only when the cheaper bound did not do.
				neighbours = around.dice(right, int(rmembers[rc][0]))
				f[fNeighbours] = neighbours
				if prune.hopeless(f, true) {
					continue
				}
				f[fNeighbours] = 0
			}
			m.meaningFeatures(&f, u, v)
			if m.collect != nil || m.asksModel(f) {
				if neighbours < 0 {
					neighbours = around.dice(right, int(rmembers[rc][0]))
				}
				f[fNeighbours] = neighbours
			}
			if m.collect != nil {
				m.collect(int(lms[0]), int(rmembers[rc][0]), f)
			}
			c := m.judge(f, bothTitles)
			if c.score == 0 && bothTitles {
				c = m.judgeTitles(u, v, f)
			}
			if c.score > 0 && m.onlyFramed(u, v, f) {
				// Only the frame of two reports in common (frame.go): not
				// one event, though a quotation both carry may still pair
				// them just below.
				c = candidate{}
			}
			if c.score == 0 && !bothTitles {
				c = m.judgeQuote(u, v, f, quote)
			} else if c.score > 0 {
				c.quoted = quote.tells()
			}
			c.sureQuote = c.quoted && quote.sure()
			c.copied = c.score > 0 && !c.para && s.verbatim[rc] && sameOpening(u, v) && !m.phraseOnly(u, v, f)
			if c.score > 0 {
				c.l, c.r, c.titles = lc, int(rc), bothTitles
				scored = append(scored, c)
			} else if m.model != nil && !bothTitles && f[fNameOnly] == 0 && len(m.near) < maxNear {
				if p := m.model.Prob(f); p >= m.model.near() && !m.sharesOnlyFrame(u, v) {
					m.near = spread(m.near, lms, rmembers[rc], candidate{score: p, para: true})
				}
			}
		}
		scored = m.nearTwins(scored, lc, u, right, rmembers, near, hasTwin)
		s.reset()
		if len(scored) > maxPartners {
			slices.SortFunc(scored, byScore)
			scored = scored[:maxPartners]
		}
		for _, c := range scored {
			out = spread(out, lms, rmembers[c.r], c)
		}
	}
	return out, nil
}

// newSearch indexes the right classes (rmembers, from classes) for the
// candidate search of the left units: by sentence key, verbatim run and
// lemma.
func (m *matcher) newSearch(left, right []unit, rmembers [][]int32) *search {
	weighDF := min(maxPosting, max(commonFloor, int32((len(left)+len(right))/commonShare)))
	floor, maxDF := int32(commonFloor), weighDF
	if m.fitting {
		floor, maxDF = fitFloor, max(weighDF, fitFloor)
	}
	// The tables are the pooled matcher's, sized for the right classes
	// and their runs before they go in, so that none grows: the classes'
	// keys are distinct, so each is numbered its class.
	exact, grams := &m.exact, &m.grams
	exact.reset(len(rmembers))
	runs := 0
	for _, ms := range rmembers {
		runs += right[ms[0]].gramCount()
	}
	grams.reset(runs)
	hashes := m.gramBuf[:0]
	for rc, ms := range rmembers {
		u := &right[ms[0]]
		exact.add(u.key)
		hashes = u.appendGramHashes(hashes[:0])
		grams.warm(hashes)
		for _, g := range hashes {
			grams.add(g, int32(rc))
		}
	}
	m.gramBuf = hashes
	s := &search{
		limit: maxScored, floor: floor, weighDF: weighDF,
		exact: exact, postings: m.lemmaPostings(right, rmembers, maxDF), grams: grams,
		mass: m.floats.make(len(rmembers)), wide: m.floats.make(len(rmembers)), seen: m.flags.make(len(rmembers)), verbatim: m.flags.make(len(rmembers)),
		rare: m.flags.make(len(rmembers)), ldf: m.ldf,
		touched: m.touched[:0], best: m.best[:0], runs: m.runs[:0], hashes: m.gramBuf[:0],
	}
	if m.fitting {
		s.limit = maxFitted
	}
	return s
}

// search finds the right classes that may pair with one left unit,
// through the inverted indexes candidates builds.
type search struct {
	limit int // the most right classes find keeps for one left unit
	// floor is the most sentences a lemma that finds classes is carried
	// by: commonFloor, or fitFloor when the model's rows are collected.
	// weighDF is the most sentences a lemma whose weight counts in mass
	// is carried by (the postings' bound of a comparison); a commoner
	// one, which only fitFloor lets in, adds its weight to wide instead.
	// The best-candidate flags and the ranking read mass alone, so that a
	// pair Compare scores has the features the model is fitted on, and
	// minMass reads both.
	floor, weighDF int32
	wide           []float64
	exact          *keyIDs // the right classes by key: a class's id is its number
	postings       lemmaPostings
	grams          *classIndex
	mass           []float64 // lemma weight shared with each touched class
	seen, verbatim []bool
	// rare marks the touched classes that share with the unit a lemma
	// carried by at most commonFloor sentences; ldf counts the sentences
	// carrying each lemma (matcher.ldf).
	rare    []bool
	ldf     []int32
	touched []int32
	best    []rankedClass // keepBest's selection, kept for its capacity
	runs    []int32       // find's classes found through runs, in order
	hashes  []uint64      // find's unit's runs (appendGramHashes)
	warmed  uint64        // sums what warm read, so that the reads are not dropped
}

// find fills touched with the right classes that share with u a lemma
// that finds candidates, a verbatim run, or all its words (at most limit
// of them: those sharing the most), and returns u's identical twin class
// if there is one.
//
// A lemma finds candidates when at most commonFloor sentences carry it,
// whatever the articles' length (s.floor: fitFloor when the model's rows
// are collected); a commoner one, up to the maxDF of
// lemmaPostings, only adds its weight to the classes the rarer ones
// found. The postings' bound grows with the articles (one sentence in
// commonShare, up to maxPosting), and when it also decided what a
// sentence found, a sentence of a long article was scored against
// classes that shared with it only a word dozens of others carry: at
// 10,000 generated words, three in five of the pairs scored shared less
// than a quarter of the weight the sentence's best class shared, and none
// of them was paired. So a sentence of a long article scored more
// classes, each one a cache miss, than one of a short article: the
// candidate search grew 14× from 1,000 to 10,000 generated words and 13×
// from 10,000 to 100,000 words of prose. commonFloor is the bound a short
// article already has (every story of ../shared, whose 86 pairs compare
// byte for byte as before); with it the comparison grew 11.1× rather than
// 11.6× from 1,000 to 10,000 generated words and 10.7× rather than 11.5×
// from 10,000 to 100,000 words of prose (medians of 8 runs, alternated,
// on 2 cores). The price is the pairs that share only such words:
// TestLongRealPairsPairTheirRewrites finds 74.3% rather than 74.6% of its
// rewrites at 10,000 words and 68.3% rather than 69.4% at 100,000.
//
// The classes found are those a rare lemma, a verbatim run or the twin
// finds, in the order of their first appearance in the lemmas' postings
// (in u's order), then the runs', then the twin; their mass adds the
// weight of every lemma they share, in u's order. So the classes are
// marked first, and the postings walked after, for the marked classes
// alone: a sentence of a long article meets a hundred or more classes in
// the postings of its commoner lemmas, and noting each (its mass, its
// place in touched) only to drop it made find grow 20× in instructions
// from 1,000 to 10,000 generated words.
func (s *search) find(u *unit) (twin int32, hasTwin bool) {
	s.touched = s.touched[:0]
	touch := func(rc int32) {
		if !s.seen[rc] {
			s.seen[rc] = true
			s.touched = append(s.touched, rc)
		}
	}
	// Mark what a rare lemma, a run or the twin finds; the runs' classes
	// are kept in order, to be touched after the lemmas'.
	for _, id := range u.lids {
		if s.ldf[id] <= s.floor {
			for _, rc := range s.postings.classes(id) {
				s.rare[rc] = true
			}
		}
	}
	runs := s.runs[:0]
	s.hashes = u.appendGramHashes(s.hashes[:0])
	s.grams.warm(s.hashes)
	for _, g := range s.hashes {
		for rc := range s.grams.classes(g, maxPosting) {
			s.verbatim[rc] = true
			runs = append(runs, rc)
		}
	}
	twin, hasTwin = s.exact.lookup(u.key)
	for k, id := range u.lids {
		weighs := s.ldf[id] <= s.weighDF
		for _, rc := range s.postings.classes(id) {
			if !s.rare[rc] && !s.verbatim[rc] && !(hasTwin && rc == twin) {
				continue // found only through common lemmas
			}
			touch(rc)
			if weighs {
				s.mass[rc] += float64(u.lidfs[k])
			} else {
				s.wide[rc] += float64(u.lidfs[k])
			}
		}
	}
	for _, rc := range runs {
		touch(rc)
	}
	s.runs = runs
	if hasTwin {
		touch(twin)
	}
	for _, rc := range s.touched {
		s.rare[rc] = false
	}
	if len(s.touched) > s.limit {
		s.keepBest(twin, hasTwin)
	}
	return twin, hasTwin
}

// touchedClass is a right class find touched, with its marks.
type touchedClass struct {
	mass, wide float64
	rc         int32
	verbatim   bool
}

// class returns the right class rc with the marks find gave it.
func (s *search) class(rc int32) touchedClass {
	return touchedClass{mass: s.mass[rc], wide: s.wide[rc], rc: rc, verbatim: s.verbatim[rc]}
}

// put marks c's class touched again, with c's marks: class's inverse.
func (s *search) put(c touchedClass) {
	s.seen[c.rc], s.verbatim[c.rc], s.mass[c.rc], s.wide[c.rc] = true, c.verbatim, c.mass, c.wide
	s.touched = append(s.touched, c.rc)
}

// rankedClass is a touched class with what keepBest ranks it by.
type rankedClass struct {
	rank float64
	touchedClass
}

// before reports whether x ranks ahead of y: higher rank first, then the
// earlier class, so that the order is total and ties break the same way
// on every run.
func (x rankedClass) before(y rankedClass) bool {
	return x.rank > y.rank || x.rank == y.rank && x.rc < y.rc
}

// keepBest keeps in touched, in rank order, the limit classes that
// share the most with the unit find searched for: its identical twin, then
// those sharing a verbatim run, then by shared weight. It clears what find
// marked for the others.
//
// It selects rather than sorts: a sentence of a long article touches a
// few dozen to a few hundred classes (its words' postings reach maxPosting
// once an article has about 500 sentences), and sorting them all, to keep
// a handful, was what made the candidate search grow faster than the input.
func (s *search) keepBest(twin int32, hasTwin bool) {
	best := s.best[:0]
	for _, rc := range s.touched {
		c := rankedClass{touchedClass: s.class(rc)}
		switch {
		case hasTwin && rc == twin:
			c.rank = math.Inf(1)
		case c.verbatim:
			c.rank = 1e9 + c.mass
		default:
			c.rank = c.mass
		}
		if len(best) == s.limit && !c.before(best[s.limit-1]) {
			continue
		}
		// Insert c in order, dropping the last when best is full.
		i := len(best)
		if i < s.limit {
			best = append(best, c)
		} else {
			i = s.limit - 1
		}
		for ; i > 0 && c.before(best[i-1]); i-- {
			best[i] = best[i-1]
		}
		best[i] = c
	}
	s.reset()
	s.touched = s.touched[:0]
	for _, c := range best {
		s.put(c.touchedClass)
	}
	s.best = best
}

// restore marks the classes find touched for u, as the first pass kept
// them, and returns u's identical twin class as find does.
func (s *search) restore(u *unit, found []touchedClass) (twin int32, hasTwin bool) {
	s.touched = s.touched[:0]
	for _, c := range found {
		s.put(c)
	}
	twin, hasTwin = s.exact.lookup(u.key)
	return twin, hasTwin
}

// warm reads the first of what scoring reads of each touched class's
// first member: its features and meaning, and the start of their words'
// and lemmas' lists. The units of a long article are megabytes, and a
// sentence's candidates are scattered over them: scored one after the
// other, each candidate's first reads missed the cache in turn, as the
// scoring of one waits on them before it reaches the next. Read together,
// in a loop that does nothing else, the misses overlap. In the profiles of
// the pair of real prose, the loop's first reads of a candidate (its title
// flag, its bigrams, its lemma ids) took 20 times and more as long at
// 100,000 words a side as at 10,000, where the units fit the cache.
//
// It reads the ends of what scoring reads whole (the content words and
// bigrams, one slice; the lemmas and the names, numbers and event words
// after them, another; the words, whose runs phraseOnly hashes), the
// quotation, and the lemma ids and weights of the neighbours
// neighbourDice reads: left to the scoring, each was a miss of its own at
// 100,000 words. sharedShare, the first to read the bigrams whole, took
// 14% of the candidate search at 100,000 words and 10% at 10,000; with
// these reads, 10% and 9%.
func (s *search) warm(right []unit, rmembers [][]int32) {
	var n uint64
	for _, rc := range s.touched {
		ri := int(rmembers[rc][0])
		v := &right[ri]
		n += v.key + uint64(len(v.lids)) + uint64(v.weight) + uint64(v.lweight)
		if len(v.content) > 0 {
			n += v.content[0]
		}
		if k := len(v.bigrams); k > 0 {
			n += v.bigrams[0] + v.bigrams[k-1]
		}
		if k := len(v.words); k > 0 {
			n += v.words[0] + v.words[k-1]
		}
		if len(v.lemmas) > 0 {
			n += v.lemmas[0]
		}
		if k := len(v.event); k > 0 {
			n += v.event[k-1]
		}
		if len(v.groups) > 0 {
			n += uint64(v.groups[0])
		}
		if len(v.quoted) > 0 {
			n += v.quoted[0].key
		}
		if len(v.lids) > 0 {
			n += uint64(v.lids[0])
		}
		for _, nr := range [2]int{ri - 1, ri + 1} {
			if nr >= 0 && nr < len(right) {
				w := &right[nr]
				n += uint64(w.lweight) + uint64(len(w.lids))
				if len(w.lids) > 0 {
					n += uint64(w.lids[0])
				}
			}
		}
	}
	s.warmed += n
}

// touchTitle adds the right title's class to those touched, if find did
// not.
func (s *search) touchTitle(rc int32) {
	if !s.seen[rc] {
		s.seen[rc] = true
		s.touched = append(s.touched, rc)
	}
}

// reset clears what find marked.
func (s *search) reset() {
	for _, rc := range s.touched {
		s.seen[rc], s.verbatim[rc], s.mass[rc], s.wide[rc] = false, false, 0, 0
	}
}

// spread pairs the members of a left class with those of a right class in
// article order, each member with at least one of the other side's, and
// appends the pairs: max(len(ls), len(rs)) of them.
func spread(out []candidate, ls, rs []int32, c candidate) []candidate {
	p, q := len(ls), len(rs)
	if p <= q {
		for j, r := range rs {
			c.l, c.r = int(ls[j*p/q]), int(r)
			out = append(out, c)
		}
		return out
	}
	for i, l := range ls {
		c.l, c.r = int(l), int(rs[i*q/p])
		out = append(out, c)
	}
	return out
}

// judge decides from its features whether a pair may report the same
// thing, returning a candidate with a zero score when not. A pair is made
// by its surface score (shared words, bigrams, a verbatim run) unless all
// it shares is names, numbers and days (issue 9: "Bexar County Sheriff
// Javier Salazar said…" against "Bexar County Sheriff Javier Salazar
// called…"); or by the model, as a paraphrase.
//
// Below sureScore, the surface score alone is not trusted: the model must
// agree, as it must for a pair the surface score would not make at all.
// Once it has, the pair is marked modelSure and its word diff is not asked
// again: a paraphrase's diff is hollow by nature.
// Without a model the surface score decides, as it did before the model.
// The two titles are judged by the same model against titleThreshold.
func (m *matcher) judge(f Features, titles bool) candidate {
	s := f[fSurface]
	verbatim, nameOnly := f[fVerbatim] == 1, f[fNameOnly] == 1
	switch {
	case verbatim && s >= matchThreshold:
		return candidate{score: s}
	case nameOnly:
		return candidate{}
	case s >= sureScore || m.model == nil && s >= matchThreshold:
		return candidate{score: s}
	case m.model == nil:
		return candidate{}
	}
	p := m.model.Prob(f)
	threshold := m.model.Threshold
	if titles {
		threshold = min(threshold, titleThreshold)
	}
	switch {
	case p < threshold:
		return candidate{}
	case s >= matchThreshold:
		return candidate{score: s, modelSure: true}
	}
	return candidate{score: p, para: true}
}

// asksModel reports whether judge, or the gap filler after it, asks the
// model about a pair with features f; the features only the model reads
// are computed only then.
func (m *matcher) asksModel(f Features) bool {
	verbatim := f[fVerbatim] == 1 && f[fSurface] >= matchThreshold
	return m.model != nil && f[fNameOnly] == 0 && f[fSurface] < sureScore && !verbatim
}

// byScore orders candidates best first, then by position, so that ties
// break the same way on every run.
func byScore(a, b candidate) int {
	if a.titles != b.titles {
		if a.titles {
			return -1
		}
		return 1
	}
	if c := cmp.Compare(b.rank(), a.rank()); c != 0 {
		return c
	}
	if c := cmp.Compare(a.l, b.l); c != 0 {
		return c
	}
	return cmp.Compare(a.r, b.r)
}

// score rates how surely two sentences report the same thing, from 0 to 1:
// IDF-weighted containment (a trimmed quote is still the same quote),
// weighted Dice (so that a short sentence inside a long one scores below an
// equal pair), and bigrams, the share of word bigrams in common (word
// order), which the caller has computed for the features too.
func (m *matcher) score(a, b *unit, bigrams float64) float64 {
	if a.weight == 0 || b.weight == 0 {
		return 0
	}
	shared, count := sorted.WeightShared(a.content, a.idfs, b.content)
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
	return math.Min(1, words+0.25*bigrams)
}
