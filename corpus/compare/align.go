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
	"context"
	"math"
	"slices"

	"github.com/newsdiff/newsdiff/corpus"
)

// SurfaceThreshold is the surface score (the feature "surface") at which
// two sentences are paired without the model; scripts/fitpairs counts the
// pairs it makes alone.
const SurfaceThreshold = 0.32

// Tuning of the sentence matcher, found on the seed story and checked on
// the research stories (see align_test.go for the measured figures).
const (
	// matchThreshold is the least score at which two sentences are taken to
	// report the same thing.
	matchThreshold = SurfaceThreshold
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
	// commonShare and commonFloor bound the words that weigh in the
	// candidate search: a word carried by more than one sentence in
	// commonShare (and more than commonFloor sentences) still counts in
	// scores but adds nothing to the weight a candidate shares (see
	// candidates). Only a word carried by at most commonFloor sentences
	// finds a candidate, however long the articles (see search.find).
	commonShare = 8
	commonFloor = 12
	// fitFloor stands for commonFloor when the model's rows are
	// collected (CandidatePairs): sentences that share only words a
	// dozen or more sentences carry are scored too, and the model learns
	// from them, as negatives, what a story's recurring words are worth.
	// Compare never scores such a pair, and the rows of those it does
	// score are the same (search.weighDF). Fitted on 11,109 rows of the
	// development gold rather than 7,440 and cross-validated by story,
	// the model paired at least as many paraphrases with at most as many
	// wrong pairings at every threshold from 0.8 to 0.4: 76 rather than
	// 73 of 365 at 0.8 (none wrong), 108 rather than 107 at 0.55 (3 wrong
	// pairings of 162 blocks on gold rather than 4), 120 rather than 117
	// at 0.45 (10 wrong rather than 12).
	fitFloor = 36
	// repeatThreshold is the least score at which an unmatched sentence is
	// said to repeat a passage that is already paired elsewhere.
	repeatThreshold = 0.5
	// maxPosting is the most sentence classes a word may be found in and
	// still weigh in the candidate search, or a verbatim run and still
	// find candidates: beyond it, the word is common in this pair even
	// when commonShare allows more (a long article).
	maxPosting = 64
	// maxScored is the most right classes scored against one left class;
	// maxPartners the most kept. A news sentence has a handful of
	// plausible partners; these bound what a hostile one can cost. The
	// shared stories' 86 pairs compare byte for byte the same with
	// maxScored anywhere from 6 to 16 (at 4, four of them change), and a
	// long article's sentences reach the cap: scoring 8 rather than 16
	// took a 10,000-word pair from 14× a 1,000-word pair's time to 12×.
	maxScored   = 8
	maxPartners = 8
	// maxFitted is maxScored when the model's rows are collected
	// (CandidatePairs, matcher.fitting): it learns from the pairs a wider search finds, the
	// more negatives the better, and pairs the stories as it did when
	// Compare scored that many too.
	maxFitted = 16
	// minMass is the least share of the lighter sentence's lemma weight
	// that a pair must share, through words that find candidates, to be
	// judged at all: below it no pair of the development gold is paired.
	minMass = 0.05
	// maxMergeUnits is the most sentences a merge lets one side of a
	// group hold. Outlets split one sentence into two or three; a longer
	// chain is a repetitive text, and letting it grow one sentence per
	// pass would make merging quadratic.
	maxMergeUnits = 4
)

// features are what the matcher needs of a prose sentence, computed once
// an article by a matcher (a few microseconds a sentence; see reading.go).
// Words are 64-bit hashes of their matching forms, so that features of
// different articles compare directly.
type features struct {
	words   []uint64 // every word, in order
	content []uint64 // distinct content words, sorted
	bigrams []uint64 // distinct word bigrams, sorted (runs of runLen words: appendGramHashes)
	// key is the hash of the sentence's words in order (of its punctuation
	// when it has no word); 0 outside prose. Sentences with one key are one
	// class: said once or a thousand times, they are matched once.
	key uint64

	// title marks the article's title, lead its first maxLeadSentences
	// prose sentences: a title pairs only with a title or a lead. They
	// sit here rather than in the unit, which stays 32 bytes.
	title, lead bool

	// quoted holds the sentence's words inside quotation marks, nil
	// when none (see quoted.go).
	quoted quotedWords

	// In one comparison (see matcher.weigh):
	weight float64   // sum of the IDF of content
	idfs   []float32 // the IDF of each content word (see weightOf)
}

// sentenceKeyOf is the key of a sentence from the hash of its words, or
// of its punctuation when it has no word (worded false): worded keys are
// odd, the others even and never 0, which is no sentence's key.
func sentenceKeyOf(h uint64, worded bool) uint64 {
	switch {
	case worded:
		return h | 1
	case h&^1 == 0:
		return 2
	}
	return h &^ 1
}

// sentenceFeatures computes the features of sentence s of a, a prose
// sentence, unless one of a's sentences with the same words was seen
// before: then it returns that one's, from seen. Each sentence's slices
// share one slice of the matcher's slab, sized to its words.
func (m *matcher) sentenceFeatures(a *corpus.Article, s corpus.Sentence, seen map[uint64]*features) (f *features, repeat bool) {
	toks := a.Tokens.In(s.Tokens())
	n, np := 0, 0
	for i := range toks.Len() {
		switch toks.Kind(i) {
		case corpus.TokWord:
			n++
		case corpus.TokPunct:
			np++
		}
	}
	var key uint64
	backing := m.rd.words.make(max(n, np))[:0]
	stopwords := m.stopBuf[:0] // of each word, in order
	if n > 0 {
		for i := range toks.Len() {
			if toks.Kind(i) == corpus.TokWord {
				h, stopword := m.forms.word(a, toks, i)
				backing = append(backing, h)
				stopwords = append(stopwords, stopword)
			}
		}
		m.stopBuf = stopwords
		key = sentenceKeyOf(corpus.HashWords(backing), true)
	} else if np > 0 {
		for i := range toks.Len() {
			if toks.Kind(i) == corpus.TokPunct {
				h, _ := m.forms.word(a, toks, i)
				backing = append(backing, h)
			}
		}
		key = sentenceKeyOf(corpus.HashWords(backing), false)
	}
	if key == 0 {
		return nil, false
	}
	if f := seen[key]; f != nil {
		return f, true
	}
	f = &m.rd.feats.make(1)[0]
	f.key = key
	seen[key] = f
	if n == 0 {
		return f, false
	}
	f.words = backing
	// The distinct content words and bigrams are sorted in the matcher's
	// buffer and kept in one slice of the slab sized to them. Sized to
	// twice the words, as many as there might be, the slices left a
	// quarter of the sentence's features unused, spreading a long
	// article's units over more memory (each candidate scored reads
	// them, missing the cache) and past what the slab keeps between
	// comparisons, freshly allocated for every 100,000-word pair; a
	// sentence of 2.6 million commas has one bigram.
	buf := m.sortBuf[:0]
	for i, h := range f.words {
		if !stopwords[i] {
			buf = append(buf, h)
		}
	}
	slices.Sort(buf)
	content := slices.Compact(buf)
	buf = content
	for i := 0; i+1 < len(f.words); i++ {
		buf = append(buf, f.words[i]*31+f.words[i+1])
	}
	bigrams := buf[len(content):]
	slices.Sort(bigrams)
	bigrams = slices.Compact(bigrams)
	m.sortBuf = buf
	kept := m.rd.words.make(len(content) + len(bigrams))
	copy(kept, content)
	copy(kept[len(content):], bigrams)
	f.content, f.bigrams = kept[:len(content):len(content)], kept[len(content):]
	return f, false
}

// unit is one prose sentence seen by the matcher. Its features and
// meaning are shared by every sentence of its article with the same words,
// so that a unit is 32 bytes: an article of 700,000 short sentences made
// 240-byte units, 336 MB of a comparison that must fit 256 MiB (issue 13).
type unit struct {
	sent int // index into Article.Sentences
	*features
	*meaning
	pos float64 // the sentence's place in the article, 0 (first) to 1 (last)
}

// matcher holds what one comparison needs to score sentences.
type matcher struct {
	// weighed is how many units weigh counted the words of, and
	// idfOfCount the IDF of a word so many of them carry, by count (up
	// to weighed), 0 until worked out (see countIDF). wordIDs numbers the
	// content words of the compared sentences densely, as lemmaIDs the
	// lemmas, and df counts the sentences carrying each.
	weighed    int
	idfOfCount []float64
	wordIDs    keyIDs
	df         []int32
	// lemmaIDs numbers the lemmas of the compared sentences densely (see
	// meaning.lids), so that what one comparison keeps per lemma sits in
	// slices: lidf is the idf of each, ldf counts the sentences carrying
	// each. Keyed by lemma hash, they were a hash-map lookup for every
	// lemma of every sentence, missing the cache at 10,000 words.
	lemmaIDs keyIDs
	lidf     []float64
	ldf      []int32
	groupsOf map[uint64][]uint32 // related-word groups of each event lemma seen
	forms    formInfos
	model    *Model
	// ctx, when set, stops units early once done; the caller then checks
	// it and drops the comparison.
	ctx context.Context
	// collect, when set, is told of every pair of sentence classes scored
	// (by unit index of their first members), for fitting the model.
	collect func(l, r int, f Features)
	// fitting widens the search to maxFitted candidates a sentence, as
	// CandidatePairs collects the model's rows.
	fitting bool
	// near holds the unit pairs the model scored below its threshold but
	// at the model's Near or above: paired only between two pairs (gaps.go).
	near []candidate
	// quoteRows is sharedQuote's table, kept between pairs.
	quoteRows []quoteRun
	// contentA, contentB and contentRows are sharedContent's, kept
	// between pairs.
	contentA, contentB []contentWord
	contentRows        []contentCell
	// phraseRuns and phraseWords are phraseOnly's sets, kept between
	// pairs.
	phraseRuns, phraseWords []uint64
	// partnerWords is covers', kept between units.
	partnerWords []uint64

	// What the matcher reads and weighs the sentences with, kept for the
	// next comparison when the matcher came from matchers (scratch.go):
	// seen and meanings are unitsOf's working maps; the slabs hold the
	// sentences' features, meanings and their slices.
	seen     map[uint64]*features
	meanings map[uint64]*meaning
	weights  slab[float32]
	ids      slab[int32]
	quoteBuf quotedWords // the quote tracker's, for one sentence at a time
	// reads are the readings of the articles this comparison compares,
	// in the order read, and kept those of earlier ones that may serve
	// again (reading.go); rd is the one being read.
	reads, kept []*reading
	rd          *reading
	// kinds, lemmaBuf and groupBuf are sentenceMeaning's, for one
	// sentence at a time.
	kinds    []uint8
	lemmaBuf []uint64
	groupBuf []uint32
	stopBuf  []bool // sentenceFeatures', for one sentence at a time
	// sortBuf is where sentenceFeatures and sentenceMeaning sort a
	// sentence's words before keeping them, one sentence at a time.
	sortBuf []uint64
	floats  slab[float64]
	flags   slab[bool]
	lists   slab[[]int32]
	// classIDs, exact and grams are candidates' tables, and touched,
	// best and found its search's buffers.
	classIDs keyIDs
	exact    keyIDs
	grams    classIndex
	// nearGrams and nearTried are nearTwins' index and buffer, and
	// lineGrams the block builder's nearTwins' (for lines that are not
	// prose).
	nearGrams classIndex
	lineGrams classIndex
	nearTried []int32
	// nearKeyBuf is nearKeysOf's, for one sentence at a time.
	nearKeyBuf []uint64
	touched    []int32
	runs       []int32
	gramBuf    []uint64 // the runs of one unit at a time (appendGramHashes)
	best       []rankedClass
	found      []touchedClass
	// differ diffs the comparison's paired passages (see takeDiffer).
	differ *Differ
}

func newMatcher(md *Model) *matcher {
	return &matcher{model: md, groupsOf: make(map[uint64][]uint32, 256),
		seen: make(map[uint64]*features), meanings: make(map[uint64]*meaning)}
}

func (m *matcher) units(a *corpus.Article) []unit { return m.unitsOf(a, false) }

// unitsOf returns a's prose sentences as units and, when withTitle is set
// and a has a title, its title first: a headline may pair with a lead
// that restates it, or with the other headline, by the same scoring
// (issue 9, fifth defect).
func (m *matcher) unitsOf(a *corpus.Article, withTitle bool) []unit {
	if r := m.takeReading(a, withTitle); r != nil {
		m.reads = append(m.reads, r)
		for _, g := range r.noted {
			m.groupsOf[g.key] = g.groups
		}
		return r.units
	}
	r := m.newReading()
	r.article, r.withTitle = a, withTitle
	m.reads = append(m.reads, r)
	m.rd = r
	// The reading notes every group of a's forms (its noted), even when
	// this comparison read a before: a comparison of a with itself, its
	// second reading taken alone by the next.
	m.forms.article = nil
	r.units, r.complete = m.read(a, withTitle)
	m.rd = nil
	return r.units
}

// read reads a's units into m.rd, and reports whether it read them all:
// it stops early once m.ctx is done.
func (m *matcher) read(a *corpus.Article, withTitle bool) (us []unit, complete bool) {
	us = m.rd.unitBuf.make(len(a.Sentences))[:0]
	// Classes are an article's own: the maps start empty for each.
	seen, meanings := m.seen, m.meanings
	clear(seen)
	clear(meanings)
	leads := 0
	qt := quoteTracker{forms: &m.forms, kept: &m.rd.quoted, buf: m.quoteBuf[:0]}
	defer func() { m.quoteBuf = qt.buf }()
	for si, sent := range a.Sentences {
		if si%256 == 0 && m.ctx != nil && m.ctx.Err() != nil {
			return us, false // the caller checks the context
		}
		title := si == 0 && withTitle && hasTitle(a) && sent.Tokens().Len() <= maxTitleTokens
		if a.Paragraphs[sent.Para()].Role != corpus.RoleProse && !title {
			continue
		}
		if title {
			// The title's features are its own: a headline that is also
			// a sentence of the body must not share that sentence's class.
			f, _ := m.sentenceFeatures(a, sent, map[uint64]*features{})
			if f == nil {
				continue
			}
			f.key ^= titleKey
			f.title = true
			mn := &m.rd.means.make(1)[0]
			*mn = m.sentenceMeaning(a, si, titleCase(a, sent))
			us = append(us, unit{sent: si, features: f, meaning: mn, pos: position(a, si)})
			continue
		}
		f, repeat := m.sentenceFeatures(a, sent, seen)
		if f == nil {
			continue
		}
		if !repeat {
			f.quoted = qt.at(a, si)
		}
		mn, ok := meanings[f.key]
		if !repeat || !ok {
			mn = &m.rd.means.make(1)[0]
			*mn = m.sentenceMeaning(a, si, nil)
			meanings[f.key] = mn
		}
		if leads < maxLeadSentences {
			// A class's first member stands for it in candidates: the
			// flag is the class's, set by its earliest sentence.
			f.lead = true
			leads++
		}
		us = append(us, unit{sent: si, features: f, meaning: mn, pos: position(a, si)})
	}
	return us, true
}

// titleThreshold is the least model probability at which the two titles
// pair. A headline sums up its article's main event, so two headlines of
// one story mostly report one event in few, different words; the model,
// fitted on body sentences, scores them low. Measured on the 86 title
// pairs of the 17 development stories and 63 pairs of titles from
// different stories: at 0.35, 16 same-story pairs and no cross-story pair
// are paired; the highest cross-story pair scores 0.24 ("Federal
// prosecutors subpoena Christie's campaign" against "Federal prosecutors
// plan to file charges against Rep. Grimm"), so lower lets those in.
const titleThreshold = 0.35

// maxTitleTokens is the longest title that is a unit. A headline is a
// few dozen tokens; a first paragraph of thousands (a text with no blank
// line) is not one, and pairs only with its identical twin (not even
// with a near twin, as a shorter line that is not prose may).
const maxTitleTokens = 200

// titleKey sets a title's class key apart from any prose sentence's.
const titleKey = 0x5a5a_0000_0000_0000

// maxLeadSentences is how many of an article's first prose sentences may
// pair with the other article's title: a lead restates the headline in its
// first sentence or two, and a title paired deeper in the body is a shared
// name more often than one event.
const maxLeadSentences = 2

// titleCase returns, when a's title sentence t is set in title case (most
// of its content words capitalised), which forms a writes in lower case
// somewhere in its body, by form id (corpus.Tokens.FormID); otherwise nil.
// A capitalised headline word is then a name only when the body never
// writes it in lower case. (A map of the forms took 13 KB and a tenth of
// a millisecond of a short pair's comparison in a fresh process.)
func titleCase(a *corpus.Article, t corpus.Sentence) []bool {
	caps, words := 0, 0
	for _, tok := range a.Tokens.In(t.Tokens()).All() {
		if tok.Kind == corpus.TokWord && !corpus.IsStopword(tok.Form) {
			words++
			if capitalised(a.Raw[tok.Start:tok.End]) {
				caps++
			}
		}
	}
	if words < 3 || 3*caps < 2*words {
		return nil
	}
	toks := a.Tokens
	lower := make([]bool, toks.FormCount())
	for i := t.Tokens().End; i < toks.Len(); i++ {
		if sp := toks.Span(i); toks.Kind(i) == corpus.TokWord && !capitalised(a.Raw[sp.Start:sp.End]) {
			lower[toks.FormID(i)] = true
		}
	}
	return lower
}

// weigh sets the IDF of every word over the sentences of both articles, so
// that the words a story repeats everywhere ("Trump", "emails") weigh little
// and the rare ones ("mightily", "espionage") a lot.
func (m *matcher) weigh(sides ...[]unit) {
	// Two walks over the units, each doing all it can of a unit while its
	// features are at hand: at 10,000 words they no longer fit the cache,
	// and the four walks this took before missed it four times.
	n := 0
	// The tables start at about the distinct words of a short pair, up to
	// a few thousand, and grow with a long one's: sized for every word
	// of two long articles at once, they took more than the units.
	words, lemmas := 0, 0
	for _, us := range sides {
		for i := range us {
			words += len(us[i].content)
			lemmas += len(us[i].lemmas)
		}
	}
	m.wordIDs.reset(min(words/2, maxFirstKeys))
	m.lemmaIDs.reset(min(lemmas/2, maxFirstKeys))
	m.df, m.ldf = m.df[:0], m.ldf[:0]
	for _, us := range sides {
		for i := range us {
			u := &us[i]
			n++
			for _, w := range u.content {
				id, added := m.wordIDs.add(w)
				if added {
					m.df = append(m.df, 0)
				}
				m.df[id]++
			}
			if u.lids == nil {
				// Units of one class share their meaning: its lemmas are
				// numbered once.
				u.lids = m.ids.make(len(u.lemmas))
				for k, w := range u.lemmas {
					id, added := m.lemmaIDs.add(w)
					if added {
						m.ldf = append(m.ldf, 0)
					}
					u.lids[k] = id
				}
			}
			for _, id := range u.lids {
				m.ldf[id]++
			}
		}
	}
	m.weighed = n
	m.idfOfCount = resized(m.idfOfCount, n+1)
	m.lidf = slices.Grow(m.lidf[:0], len(m.ldf))[:len(m.ldf)]
	for id, d := range m.ldf {
		m.lidf[id] = m.countIDF(d)
	}
	// Units of one class share their features and meaning: each is
	// weighed once.
	for _, us := range sides {
		for i := range us {
			u := &us[i]
			if u.lidfs == nil {
				m.weighLemmas(u)
			}
			if u.idfs != nil {
				continue
			}
			u.weight = 0
			u.idfs = m.weights.make(len(u.content))
			for k, w := range u.content {
				id, _ := m.wordIDs.lookup(w)
				u.idfs[k] = weightOf(m.countIDF(m.df[id]))
				u.weight += float64(u.idfs[k])
			}
		}
	}
}

// maxFirstKeys is the most words and lemmas weigh's tables are first
// sized for.
const maxFirstKeys = 4096

// countIDF is the IDF of a word or lemma that d of the units weighed
// last carry: log((n+1)/(d+0.5)) for n units, at least 0.1. Each count is
// worked out once a comparison: the IDF is asked for every content word
// of every sentence, and when only counts under 64 were kept, the words a
// long article repeats in more sentences than that were a logarithm each
// time, 70 times as many at 10,000 words as at 1,000.
func (m *matcher) countIDF(d int32) float64 {
	if int(d) < len(m.idfOfCount) && m.idfOfCount[d] != 0 {
		return m.idfOfCount[d]
	}
	idf := max(0.1, math.Log(float64(m.weighed+1)/(float64(d)+0.5)))
	if int(d) < len(m.idfOfCount) {
		m.idfOfCount[d] = idf
	}
	return idf
}

// wordIDF is the IDF of word w among the units weighed last, 0 when none
// of them carries it.
func (m *matcher) wordIDF(w uint64) float64 {
	id, ok := m.wordIDs.lookup(w)
	if !ok {
		return 0
	}
	return m.countIDF(m.df[id])
}

// group is a set of adjacent units on each side that report the same thing.
type group struct {
	l, r  corpus.Range // unit index ranges
	score float64
	para  bool // made by the model alone (see candidate)
	ops   []Op // the diff of l and r, once computed; nil when they change
	moved bool
	// split, when not 0, is the id the two groups sharing a unit have in
	// common, and part the part of it each pairs (see split.go): kept
	// apart, so that the groups of a long text stay small.
	split int32
	// split2, when not 0, is the id this group shares with the group
	// holding the other part of its right sentence, when both its sides
	// are parts (crossSplit); split is then the left sentence's.
	split2 int32
	part   *groupPart
}

// groupPart holds the token ranges of the part of a one-unit side that a
// group pairs; an empty range is the whole unit.
type groupPart struct{ l, r corpus.Range }

func (g *group) lpart() corpus.Range {
	if g.part == nil {
		return corpus.Range{}
	}
	return g.part.l
}

func (g *group) rpart() corpus.Range {
	if g.part == nil {
		return corpus.Range{}
	}
	return g.part.r
}

// assign pairs units one to one, best score first. A pair the surface
// score made without being sure of it (below sureScore) whose word diff is
// hollow is passed over, and each of its units stays free for its next
// candidate: the runner-up, 0.001 lower, may be the true partner. It
// sorts cands in place, best first (byScore), the order split and
// crossSplit then read them in.
func assign(ctx context.Context, cands []candidate, left, right []unit, a, b *corpus.Article, d *Differ) ([]group, error) {
	slices.SortFunc(cands, byScore)
	usedL := make([]bool, len(left))
	usedR := make([]bool, len(right))
	gs := make([]group, 0, min(len(cands), len(left), len(right)))
	for ci, c := range cands {
		if ci%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if usedL[c.l] || usedR[c.r] {
			continue
		}
		g := group{l: corpus.Range{Start: c.l, End: c.l + 1}, r: corpus.Range{Start: c.r, End: c.r + 1}, score: c.score, para: c.para}
		if !c.para && !c.modelSure && c.score < sureScore {
			lt, rt := unitTokens(a, left, g.l), unitTokens(b, right, g.r)
			g.ops = d.Diff(a, lt, b, rt)
			if hollow(a, b, g.ops, lt.Start, rt.Start) {
				continue
			}
		}
		usedL[c.l], usedR[c.r] = true, true
		gs = append(gs, g)
	}
	return gs, nil
}

// merge lets an unmatched unit next to a group join it when most of its
// weight covers words that the group's other side has and its own side
// lacks: one outlet split into two sentences what another said in one.
//
// A group grows a unit a side in a pass, so a pass follows each that grew
// one. It looks again only at the groups the last pass grew: a group that
// did not grow has the same ranges, partner and neighbours as when covers
// refused them, and a neighbour only becomes owned, never free, so the
// answer would be the same. Passing over every group again made merge
// grow 27× from 10,000 to 100,000 words of prose: the longer article is
// the likelier to hold one group that grows once more, and then every
// other group is asked once more too. On realPair's 10,000 and 100,000
// words, covers was asked 642 and 7,345 times, and is now asked 254 and
// 2,832 (TestMergeLooksAgainOnlyAtGrownGroups checks the groups come out
// the same).
func (m *matcher) merge(gs []group, left, right []unit, la, ra *corpus.Article) {
	mg := newMerging(m, gs, left, right, la, ra)
	pending := make([]int, len(gs)) // in group order, as every pass was
	for gi := range pending {
		pending[gi] = gi
	}
	var grown []int
	for len(pending) > 0 {
		grown = grown[:0]
		for _, gi := range pending {
			if mg.grow(gi) {
				grown = append(grown, gi)
			}
		}
		pending, grown = grown, pending
	}
}

// merging is one merge's state: the groups and which group owns each unit.
type merging struct {
	m              *matcher
	gs             []group
	left, right    []unit
	la, ra         *corpus.Article
	ownerL, ownerR []int
}

func newMerging(m *matcher, gs []group, left, right []unit, la, ra *corpus.Article) *merging {
	ownerL, ownerR := groupOwners(gs, len(left), len(right))
	return &merging{m: m, gs: gs, left: left, right: right, la: la, ra: ra, ownerL: ownerL, ownerR: ownerR}
}

// grow lets the free unit before and the one after group gi, on each side,
// join it when covers says it belongs there, and reports whether the group
// grew.
func (mg *merging) grow(gi int) bool {
	g := &mg.gs[gi]
	changed := false
	for _, side := range [2]bool{true, false} {
		own, other, owner := mg.left, mg.right, mg.ownerL
		rng, partner := &g.l, g.r
		art := mg.la
		if !side {
			own, other, owner = mg.right, mg.left, mg.ownerR
			rng, partner = &g.r, g.l
			art = mg.ra
		}
		for _, cand := range [2]int{rng.Start - 1, rng.End} {
			if cand < 0 || cand >= len(own) || owner[cand] >= 0 || rng.Len() >= maxMergeUnits ||
				!adjacent(art, own, cand, *rng) || own[cand].title || own[rng.Start].title {
				continue
			}
			if mg.m.covers(own[cand], own[rng.Start:rng.End], other[partner.Start:partner.End]) {
				if cand < rng.Start {
					rng.Start = cand
				} else {
					rng.End = cand + 1
				}
				g.ops = nil // computed for the group before it grew
				owner[cand] = gi
				changed = true
			}
		}
	}
	return changed
}

// groupOwners returns, for each of nl left and nr right units, the index
// in gs of the group holding it, or -1.
func groupOwners(gs []group, nl, nr int) (ownerL, ownerR []int) {
	return owners(gs, nl, func(g *group) corpus.Range { return g.l }), owners(gs, nr, func(g *group) corpus.Range { return g.r })
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
	pw := m.partnerWords[:0]
	for _, u := range partner {
		pw = append(pw, u.words...)
	}
	m.partnerWords = pw
	if sharesRun(c.words, pw, mergeRun) {
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
			gain += m.wordIDF(w)
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

// maxListedRuns is the most runs of the shorter side sharesRun looks
// through as a list rather than a map.
const maxListedRuns = 16

// sharesRun reports whether a and b have a run of n words in common. It
// hashes the runs of the shorter side, so that it costs what the two
// sentences weigh even when one is a whole article without a full stop.
func sharesRun(a, b []uint64, n int) bool {
	if len(a) < n || len(b) < n {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if k := len(a) - n + 1; k <= maxListedRuns {
		// A sentence's few runs: a list, looked through for each of
		// b's, costs less than making a map of them.
		var list [maxListedRuns]uint64
		for i := range k {
			list[i] = corpus.HashWords(a[i : i+n])
		}
		for i := 0; i+n <= len(b); i++ {
			if slices.Contains(list[:k], corpus.HashWords(b[i:i+n])) {
				return true
			}
		}
		return false
	}
	runs := make(map[uint64]struct{}, len(a)-n+1)
	for i := 0; i+n <= len(a); i++ {
		runs[corpus.HashWords(a[i:i+n])] = struct{}{}
	}
	for i := 0; i+n <= len(b); i++ {
		if _, ok := runs[corpus.HashWords(b[i:i+n])]; ok {
			return true
		}
	}
	return false
}

// IDF weighs every content word (by its hash, see corpus.HashForm) by how
// few of the prose sentences of arts carry it, as Compare weighs words:
// what a story repeats everywhere weighs little.
func IDF(arts ...*corpus.Article) map[uint64]float64 {
	m := newMatcher(nil)
	var sides [][]unit
	for _, a := range arts {
		sides = append(sides, m.units(a))
	}
	m.weigh(sides...)
	idf := make(map[uint64]float64, len(m.df))
	for id, w := range m.wordIDs.keys {
		idf[w] = m.countIDF(m.df[id])
	}
	return idf
}
