// Package story groups articles that arrive with no story of their own (a
// flat folder, an archive) into stories that report the same event, with
// MinHash signatures and locality-sensitive hashing so that it never
// compares every pair. It reads the text model (package corpus) and knows
// nothing of how articles are compared or shown.
//
// group.go and group_test.go run past 600 lines: the grouper's passes
// (each article's terms and signature, the LSH candidates, the similarity
// that accepts a pair) share one state and one set of measured constants,
// and the tests hold one story-shaped fixture per rule.
package story

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/sorted"
	"github.com/newsdiff/newsdiff/corpus/internal/unionfind"
)

// Story grouping sorts articles that arrive with no story of their own into
// groups that report the same event. It has to scale to many thousands of
// articles, so it never compares every pair. Each document gets two MinHash
// signatures, and locality-sensitive hashing (LSH) over their bands proposes
// candidate pairs:
//
//   - one over its shingles (runs of three consecutive content words, that
//     is, words other than function words and corpus-wide common words),
//     which finds articles that share whole passages: wire copy, long
//     quotations;
//   - one over its key terms (its content words of highest TF-IDF weight:
//     names, places, numbers), which finds articles written independently
//     about one event, as these share facts and names far more than they
//     share phrasing.
//
// Each candidate pair is verified with an exact similarity (see
// grouper.similarity) that mixes IDF-weighted cosine, IDF-weighted
// containment and shingle containment, and the pairs that pass are merged
// with union-find, most similar first. A merge that involves a group of
// several documents must also pass on average across the two groups
// (average linkage): without that check a single borderline pair chains two
// stories on one topic into one group.

// IDF is the inverse document frequency that grouping weighs a term by,
// in a corpus of docs documents of which df hold the term.
//
// The count of documents is raised by idfPrior documents that do not hold
// the term: a folder of five articles on one event, or the first articles
// of an archive grouped one at a time, has every name and fact of the event
// in most of its documents, and plain IDF weighs them below any word one
// article alone uses, so one event split into several stories. The prior
// stands for the news not in the folder, where the event's words are rare;
// past a few thousand documents it changes next to nothing.
func IDF(docs, df int) float64 {
	return 1 + math.Log(float64(docs+1+idfPrior)/float64(df+1))
}

// Tuning constants. The similarity constants were set on a research corpus
// of 17 stories told by 3 to 5 outlets each, several of them near another in
// topic (two about Korea, four about the Russia inquiry, two about same-sex
// marriage, two shootings), and on copies of it in which each story's first
// article was cut to its first 30, 60 or 100 words to stand for a brief.
const (
	// ShingleSize is the number of consecutive content words in a
	// shingle (an index that groups incrementally makes the same ones). Pairs of words are mostly names and set phrases that
	// unrelated articles share too; runs of four rarely survive an outlet's
	// rewording outside quotations.
	ShingleSize = 3

	// groupKeyTerms is the size of a document's key-term set: its
	// heaviest terms among those that some other document has too.
	// Articles on one event share a good part of their two dozen most
	// distinctive words (key-term Jaccard similarity about 0.19 at the
	// median on the research corpus, 0.12 at the first quartile); with
	// many more terms the sets fill with incidental words and the overlap
	// falls.
	groupKeyTerms = 24

	// groupTermBands and groupTermMinBands set the key-term LSH: 96
	// single-value bands, and a pair is a candidate when at least 4 of them
	// agree. With key-term Jaccard similarity J, that happens with
	// probability 0.99 at J = 0.1, 0.71 at J = 0.05 and 0.13 at J = 0.02,
	// where two long documents share a single key term by chance. Banding
	// with one value a band and a vote, rather than several values a band,
	// keeps the low similarities of independently written reports
	// findable.
	groupTermBands    = 96
	groupTermMinBands = 4

	// groupShingleBands and groupShingleRows set the shingle LSH, which
	// only has to catch heavy copying: a pair is a candidate when all 4
	// values of any of 16 bands agree, with probability 0.12 at shingle
	// Jaccard similarity 0.3, 0.64 at 0.5 and 0.99 at 0.7.
	// groupShingleBands*groupShingleRows must be a power of two.
	groupShingleBands = 16
	groupShingleRows  = 4

	// groupMaxBucket bounds the work of one LSH bucket. The members of a
	// bucket larger than this (a term that a large part of the corpus
	// shares, or many near-copies) are each paired with the next
	// groupBucketWindow members only rather than with all of them. That
	// bounds the pairs one band can give a document, and union-find still
	// joins a chain of true matches.
	groupMaxBucket    = 64
	groupBucketWindow = 8

	// groupThreshold is the similarity at which two documents, or two
	// groups on average, are taken to report the same event. On the
	// research corpus the first wrong merges appear at 0.20 (the Korean
	// Olympic team with the North Korean missile tests); from 0.21 up
	// every group is pure, and at 0.25 86 to 93% of same-story pairs are
	// together (95 to 100% at 0.21). The margin is left on the side of
	// keeping stories apart, since a wrong merge sets unrelated articles
	// side by side, and the corpus is small.
	groupThreshold = 0.25

	// idfPrior is the number of documents without a term that IDF adds
	// to every corpus. Measured on the 17 development stories: each
	// folder indexed alone, 6 split into two or three stories without
	// it, 2 at 10 and 1 (one article of five left alone) from 50 up; all
	// 61 articles in one folder, grouped here, pairwise recall 0.907
	// without it and 0.977 at 100, and through the index 0.733 and
	// 0.953. Precision stays 1.000 up to 400 and falls to 0.842 at 1,000
	// (the 30-word briefs join a story on another event); 2,000
	// articles of the Multi-News corpus group alike (precision 0.825,
	// recall 0.486 without; 0.823 and 0.485 at 100). 100 keeps a margin
	// of ten on the side of keeping stories apart.
	idfPrior = 100

	// groupCosineShare is the exponent of cosine similarity in the score;
	// containment takes the rest. Cosine alone undervalues a brief beside
	// a long report; containment alone rewards a long document for
	// containing a little of everything.
	groupCosineShare = 0.7

	// groupShingleWeight is what shared passages add to the score: a
	// document all of whose shingles appear in the other gains this much.
	// Shared quotations are strong evidence of one event, but stories on
	// one topic quote the same people too.
	groupShingleWeight = 0.5

	// OwnTerms and groupMinOwnShared: each of two documents must find
	// groupMinOwnShared of its OwnTerms heaviest terms (its key terms,
	// see groupKeyTerms) in the other. Two reports of one event share
	// the names and facts each reports most; two articles that share a
	// topic, or a page's furniture run together with the text (a
	// newsletter box), share words each of them uses less. Measured with scripts/archivegen on flat copies of the
	// Multi-News corpus (its story folders are the truth), grouped here:
	// at 1,000 articles pairwise precision 0.957 → 0.973, recall 0.521 →
	// 0.519; at 10,000 precision 0.786 → 0.826, recall 0.648 → 0.642
	// (a newsletter box had joined 25 to 30 unrelated articles); the 17
	// development stories stay at 1.000 and 1.000 (with their first
	// articles cut to 30-word briefs, recall 0.930 → 0.907: one article
	// that joined its story through the brief is alone). Through the index
	// (corpus/archive): 0.971 → 0.976 and 0.457 → 0.458 at 1,000, 0.810 →
	// 0.848 and 0.594 → 0.595 at 10,000, the 17 stories 1.000 and 0.930
	// both times. 3 terms of 12 cost recall (0.610 at 10,000 here), 2 of
	// 16 catch less (0.820) and 1 of 8 next to nothing (0.808).
	OwnTerms          = 12
	groupMinOwnShared = 2

	// groupMinShared is the number of distinct content words two documents
	// must share to be similar at all, so that a one-word document does
	// not join whatever long article happens to contain its word.
	groupMinShared = 3

	// groupLinkSample bounds the members of each side compared when two
	// groups merge, keeping the average-linkage check cheap for big
	// groups.
	groupLinkSample = 16

	// groupCommonFraction and groupCommonMinDocs define corpus-wide common
	// words: those in more than this fraction of the documents of a corpus
	// of at least this many. They are dropped like function words, which
	// covers languages and registers the built-in list does not. Smaller
	// corpora are left alone, as there one story may fill most of them;
	// and the fraction is high because in a corpus of political news
	// "trump" and "president" are in half to three quarters of the
	// articles and still help to tell stories apart.
	groupCommonFraction = 0.8
	groupCommonMinDocs  = 50

	// groupChunk is the number of documents, or of candidate pairs, that a
	// goroutine takes at a time when the work is spread over processors.
	groupChunk = 1024

	// groupSeed fixes every hash function, so grouping is deterministic.
	groupSeed = 0x6e657773646966
)

// GroupDocuments partitions documents, each given as its sequence of
// matching-form words (lower-case), into groups about the same event. It
// returns groups of indexes.
//
// Every index is in exactly one group. Groups are ordered by their first
// index and list their members in increasing order. Identical non-empty
// documents always share a group; a document with no content words (empty,
// or only function words) is alone unless it has an identical twin. The
// result is deterministic: every hash function has a fixed seed, and words
// are hashed by their form, not by where they first appear.
func GroupDocuments(docs [][]string) [][]int {
	if len(docs) == 0 {
		return nil
	}
	g := newGrouper(docs)
	g.cluster(g.candidates())
	return g.groups()
}

// GroupArticles groups articles about the same event by the word forms of
// their tokens (see GroupDocuments). Where an article has paragraphs, words
// in boilerplate, captions and headings are left out, as they are from every
// other similarity in this package, unless that would leave no words.
func GroupArticles(arts []*corpus.Article) [][]*corpus.Article {
	docs := make([][]string, len(arts))
	for i, a := range arts {
		docs[i] = groupWords(a)
	}
	idx := GroupDocuments(docs)
	out := make([][]*corpus.Article, len(idx))
	for i, g := range idx {
		out[i] = make([]*corpus.Article, len(g))
		for j, k := range g {
			out[i][j] = arts[k]
		}
	}
	return out
}

// groupWords returns the word forms of a's prose and title, or all of its
// word forms if it has no paragraphs or no prose, leaving out furniture
// (see furnitureRanges). It returns none for a page of
// furniture: one at least half of whose words are furniture, with fewer
// than furnitureMinRest content words besides.
//
// It counts before it collects, into one slice of the exact size:
// appending to two slices at once made some 105 MB of slices for a 5 MiB
// article of two-word sentences, the most of any step of indexing it.
func groupWords(a *corpus.Article) []string {
	furniture := furnitureRanges(a)
	// role reports whether the word token t is of prose or the title;
	// p walks the paragraphs along with the tokens. furnished reports
	// whether the token k is furniture; s walks the furniture.
	p, s := 0, 0
	role := func(t corpus.Token) bool {
		for p < len(a.Paragraphs) && a.Paragraphs[p].End <= t.Start {
			p++
		}
		if p < len(a.Paragraphs) && a.Paragraphs[p].Start <= t.Start {
			if r := a.Paragraphs[p].Role; r != corpus.RoleProse && r != corpus.RoleTitle {
				return false
			}
		}
		return true
	}
	furnished := func(k int) bool {
		for s < len(furniture) && furniture[s].End <= k {
			s++
		}
		return s < len(furniture) && furniture[s].Start <= k
	}
	// Words of prose and title, and of them in furniture; and the same
	// over all words.
	var n, nFurn, all, allFurn int
	for k, t := range a.Tokens.All() {
		if t.Kind != corpus.TokWord {
			continue
		}
		f := furnished(k)
		all++
		if f {
			allFurn++
		}
		if role(t) {
			n++
			if f {
				nFurn++
			}
		}
	}
	proseOnly := n > 0
	if !proseOnly {
		n, nFurn = all, allFurn
	}
	kept := func(k int, t corpus.Token) bool {
		return t.Kind == corpus.TokWord && !furnished(k) && (!proseOnly || role(t))
	}
	if nFurn > 0 && 2*nFurn >= n {
		// At least half furniture: the content words left decide. Only
		// such a page has them counted, as few are.
		rest := 0
		p, s = 0, 0
		for k, t := range a.Tokens.All() {
			if kept(k, t) && contentForm(t.Form) != "" {
				rest++
			}
		}
		if rest < furnitureMinRest {
			return nil
		}
	}
	words := make([]string, 0, n-nFurn)
	p, s = 0, 0
	for k, t := range a.Tokens.All() {
		if kept(k, t) {
			words = append(words, t.Form)
		}
	}
	return words
}

// grouper holds the features of every document while they are grouped.
type grouper struct {
	n   int
	dup []int32 // by document: an identical earlier document, or -1

	idf  []float32 // by term
	hash []uint64  // by term: a hash of its form

	// Each document's distinct terms in ascending order with their
	// weights, (1+ln tf)·idf, and its distinct shingle hashes in ascending
	// order. They are slices of a few large arrays, one per run of
	// documents, so the number of allocations does not grow with the
	// number of documents.
	terms [][]int32
	wts   [][]float32
	shs   [][]uint32
	keys  [][]int32 // by document: its OwnTerms heaviest key terms, in ascending order

	norm, mass []float64 // by document: Euclidean norm of its weights; sum of its idf

	// Band keys by document: termKeys[i*groupTermBands+b] is document i's
	// bucket in key-term band b, and likewise shingleKeys. A document
	// without key terms (shingles) has hasTerms (hasShingles) false and
	// no bucket.
	termKeys, shingleKeys []uint64
	hasTerms, hasShingles []bool

	parent  unionfind.Sets
	members [][]int32 // by root; nil for a group of one
}

// groupInput is a document collection reduced to term ids, as newGrouper
// builds it for the per-document work.
type groupInput struct {
	seq    []int32 // the form id of every word of every document
	seqAt  []int32 // by document, and one past the last: where it starts in seq
	termOf []int32 // by form id: its term id, or -1 if it is not a content word
	df     []int32 // by term id: the number of distinct documents using it
	common []bool  // by term id: a corpus-wide common word
}

func newGrouper(docs [][]string) *grouper {
	n := len(docs)
	g := &grouper{n: n}

	// Intern every distinct form once and map it to its term.
	total := 0
	for _, d := range docs {
		total += len(d)
	}
	in := groupInput{seq: make([]int32, 0, total), seqAt: make([]int32, n+1)}
	forms := make(map[string]int32)
	termIDs := make(map[string]int32)
	for i, d := range docs {
		in.seqAt[i] = int32(len(in.seq))
		for _, w := range d {
			f, ok := forms[w]
			if !ok {
				f = int32(len(in.termOf))
				forms[w] = f
				t := int32(-1)
				if c := contentForm(w); c != "" {
					if t, ok = termIDs[c]; !ok {
						t = int32(len(g.hash))
						termIDs[c] = t
						g.hash = append(g.hash, formHash(c))
					}
				}
				in.termOf = append(in.termOf, t)
			}
			in.seq = append(in.seq, f)
		}
	}
	in.seqAt[n] = int32(len(in.seq))

	// Exact duplicates join their first copy and take no further part.
	g.dup = make([]int32, n)
	first := make(map[uint64]int32)
	live := 0
	for i := range n {
		g.dup[i] = -1
		s := in.seq[in.seqAt[i]:in.seqAt[i+1]]
		if len(s) > 0 {
			h := uint64(groupSeed)
			for _, f := range s {
				h = mix64(h ^ uint64(f))
			}
			j, ok := first[h]
			if ok && slices.Equal(in.seq[in.seqAt[j]:in.seqAt[j+1]], s) {
				g.dup[i] = j
				continue
			}
			if !ok {
				first[h] = int32(i)
			}
		}
		live++
	}

	// Document frequencies over distinct documents give IDF and common
	// words.
	df := make([]int32, len(g.hash))
	last := make([]int32, len(g.hash)) // by term: 1 + the last document counted
	for i := range n {
		if g.dup[i] >= 0 {
			continue
		}
		for _, f := range in.seq[in.seqAt[i]:in.seqAt[i+1]] {
			if t := in.termOf[f]; t >= 0 && last[t] != int32(i)+1 {
				last[t] = int32(i) + 1
				df[t]++
			}
		}
	}
	in.df = df
	g.idf = make([]float32, len(df))
	in.common = make([]bool, len(df))
	for t, f := range df {
		g.idf[t] = float32(IDF(live, int(f)))
		in.common[t] = live >= groupCommonMinDocs && float64(f) > groupCommonFraction*float64(live)
	}

	// The per-document features, in parallel over runs of documents.
	g.terms = make([][]int32, n)
	g.wts = make([][]float32, n)
	g.shs = make([][]uint32, n)
	g.keys = make([][]int32, n)
	g.norm = make([]float64, n)
	g.mass = make([]float64, n)
	g.termKeys = make([]uint64, n*groupTermBands)
	g.shingleKeys = make([]uint64, n*groupShingleBands)
	g.hasTerms = make([]bool, n)
	g.hasShingles = make([]bool, n)
	perms := minhashPermutations(groupTermBands)
	forEachParallel((n+groupChunk-1)/groupChunk, func(r int) {
		g.features(&in, perms, r*groupChunk, min(n, (r+1)*groupChunk))
	})
	return g
}

// features computes the terms, weights, shingles and band keys of documents
// lo to hi. It writes only their own slots of g, so that runs of documents
// may go in parallel.
func (g *grouper) features(in *groupInput, perms []minhashPermutation, lo, hi int) {
	words := int(in.seqAt[hi] - in.seqAt[lo])
	terms := make([]int32, 0, words)
	wts := make([]float32, 0, words)
	shs := make([]uint32, 0, words)
	keys := make([]int32, 0, (hi-lo)*OwnTerms)
	var sig [max(groupTermBands, groupShingleBands*groupShingleRows)]uint64
	var content []int32
	for i := lo; i < hi; i++ {
		if g.dup[i] >= 0 {
			continue
		}
		content = content[:0]
		for _, f := range in.seq[in.seqAt[i]:in.seqAt[i+1]] {
			if t := in.termOf[f]; t >= 0 && !in.common[t] {
				content = append(content, t)
			}
		}

		// Shingles, from the hashes of the words' forms.
		start := len(shs)
		for j := 0; j+ShingleSize <= len(content); j++ {
			h := uint64(groupSeed)
			for _, t := range content[j : j+ShingleSize] {
				h = mix64(h ^ g.hash[t])
			}
			shs = append(shs, uint32(h>>32))
		}
		slices.Sort(shs[start:])
		shs = shs[:start+len(slices.Compact(shs[start:]))]
		g.shs[i] = shs[start:len(shs):len(shs)]
		if len(g.shs[i]) > 0 {
			g.hasShingles[i] = true
			oneHash(sig[:groupShingleBands*groupShingleRows], g.shs[i])
			bandKeys(g.shingleKeys[i*groupShingleBands:(i+1)*groupShingleBands], sig[:], groupShingleRows)
		}

		// Distinct terms and their weights; the heaviest are key terms.
		slices.Sort(content)
		start = len(terms)
		var key topTerms
		var norm, mass float64
		for j := 0; j < len(content); {
			k := j + 1
			for k < len(content) && content[k] == content[j] {
				k++
			}
			t := content[j]
			w := g.idf[t]
			if k-j > 1 {
				w *= 1 + float32(math.Log(float64(k-j)))
			}
			terms = append(terms, t)
			wts = append(wts, w)
			norm += float64(w) * float64(w)
			mass += float64(g.idf[t])
			if in.df[t] > 1 { // a term of one document pairs it with none
				key.add(w, g.hash[t], t)
			}
			j = k
		}
		g.terms[i] = terms[start:len(terms):len(terms)]
		g.wts[i] = wts[start:len(wts):len(wts)]
		g.norm[i], g.mass[i] = math.Sqrt(norm), mass
		start = len(keys)
		keys = append(keys, key.term[:min(key.n, OwnTerms)]...)
		slices.Sort(keys[start:])
		g.keys[i] = keys[start:len(keys):len(keys)]
		if key.n > 0 {
			g.hasTerms[i] = true
			minHash(sig[:groupTermBands], key.hash[:key.n], perms)
			bandKeys(g.termKeys[i*groupTermBands:(i+1)*groupTermBands], sig[:], 1)
		}
	}
}

// forEachParallel calls f(0) to f(n-1), spread over the available processors.
func forEachParallel(n int, f func(int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for k := range n {
			f(k)
		}
		return
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for k := range next {
				f(k)
			}
		})
	}
	for k := range n {
		next <- k
	}
	close(next)
	wg.Wait()
}

// contentForm returns the form of w that grouping compares, or "" if w is a
// function word or has no letter or digit. A possessive ending is dropped,
// so that "clinton's" counts as "clinton".
func contentForm(w string) string {
	w = strings.ToLower(w)
	if s, ok := strings.CutSuffix(w, "'s"); ok {
		w = s
	} else if s, ok := strings.CutSuffix(w, "’s"); ok {
		w = s
	}
	if isGroupStopword(w) {
		return ""
	}
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return w
		}
	}
	return ""
}

// candidates returns the pairs i<<32 | j (i < j) that enough LSH bands put
// in one bucket, sorted and without repeats: groupTermMinBands of the
// key-term bands, or any one of the shingle bands.
func (g *grouper) candidates() []uint64 {
	byTerms := g.bandPairs(g.termKeys, g.hasTerms, groupTermBands)
	slices.Sort(byTerms)
	pairs := g.bandPairs(g.shingleKeys, g.hasShingles, groupShingleBands)
	for s := 0; s < len(byTerms); {
		e := s + 1
		for e < len(byTerms) && byTerms[e] == byTerms[s] {
			e++
		}
		if e-s >= groupTermMinBands {
			pairs = append(pairs, byTerms[s])
		}
		s = e
	}
	slices.Sort(pairs)
	return slices.Compact(pairs)
}

// bandPairs returns a pair for every band that puts two documents in one
// bucket, so a pair may repeat.
func (g *grouper) bandPairs(keys []uint64, has []bool, bands int) []uint64 {
	type entry struct {
		key uint64
		doc int32
	}
	var pairs []uint64
	entries := make([]entry, 0, g.n)
	for b := range bands {
		entries = entries[:0]
		for i := range g.n {
			if has[i] {
				entries = append(entries, entry{keys[i*bands+b], int32(i)})
			}
		}
		slices.SortFunc(entries, func(x, y entry) int {
			if c := cmp.Compare(x.key, y.key); c != 0 {
				return c
			}
			return cmp.Compare(x.doc, y.doc)
		})
		for s := 0; s < len(entries); {
			e := s + 1
			for e < len(entries) && entries[e].key == entries[s].key {
				e++
			}
			window := e - s
			if window > groupMaxBucket {
				window = groupBucketWindow + 1
			}
			for x := s; x < e; x++ {
				for y := x + 1; y < min(e, x+window); y++ {
					pairs = append(pairs, uint64(entries[x].doc)<<32|uint64(entries[y].doc))
				}
			}
			s = e
		}
	}
	return pairs
}

// similarity is the verification score (see Score) of documents i and j.
func (g *grouper) similarity(i, j int32) float64 {
	ta, wa := g.termsOf(i)
	tb, wb := g.termsOf(j)
	var o Overlap
	sorted.Each(ta, tb, func(x, y int) { o.Add(wa[x], wb[y], g.idf[ta[x]]) })
	if o.Shared < groupMinShared {
		return 0
	}
	o.OwnA, o.OwnB = sorted.CountFew(g.keys[i], tb), sorted.CountFew(g.keys[j], ta)
	o.Shingles = sorted.Count(g.shinglesOf(i), g.shinglesOf(j))
	return g.score(i, j, o)
}
