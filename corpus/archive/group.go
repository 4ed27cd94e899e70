package archive

import (
	"cmp"
	"context"
	"hash/fnv"
	"math"
	"slices"
	"sync"

	"github.com/newsdiff/newsdiff/corpus/internal/sorted"
	"github.com/newsdiff/newsdiff/corpus/story"
)

// Story grouping in an archive is incremental: articles are taken one at a
// time, in path order, and each joins the story of the articles it is most
// like or starts a story of its own. Nothing is ever compared with every
// other article. Each grouped article is filed under a few keys, and a new
// article is compared only with the articles filed under its own keys
// (locality-sensitive hashing with content-defined keys):
//
//   - its key terms: its groupKeyTerms content terms of highest TF-IDF
//     weight, which articles written independently about one event share
//     (names, places, numbers); a pair must share groupMinKeyVotes of them;
//   - a sample of its shingles (runs of three content words), those whose
//     hash falls in one part in groupShingleSample, which articles copying
//     one another (wire copy, long quotations) share; one is enough.
//
// Every key yields at most groupPerKey articles, the most recently grouped,
// so a key that a large part of the archive shares (a common name) costs no
// more than a rare one: the work per article is bounded, and building the
// index is linear in the number of articles. Candidates are verified with
// the similarity story.GroupArticles uses (IDF-weighted cosine and
// containment of content terms, plus shared shingles), under the same
// threshold.
//
// An article that groups with nothing is a story of one, listed apart; no
// story collects the leftovers.

const (
	// groupKeyTerms is the number of key terms an article is filed under.
	// story.GroupArticles draws its key-term MinHash from 24; 12 keep
	// most of the recall (articles on one event share several of their
	// heaviest terms) at half the index rows.
	groupKeyTerms = 12

	// groupMinKeyVotes is how many key terms a pair must share to be
	// verified: one shared name is chance, two already narrow the
	// candidates to the event.
	groupMinKeyVotes = 2

	// groupShingleSample keeps one shingle in this many as a key. A copied
	// passage of 60 content words has about 58 shingles, so it carries a
	// kept one with probability 1-(15/16)^58 ≈ 0.98.
	groupShingleSample = 16
	// groupMaxShingleKeys bounds the shingle keys of a long article.
	groupMaxShingleKeys = 12

	// groupPerKey is the most articles one key yields.
	groupPerKey = 48

	// groupMaxCandidates is the most articles one article is verified
	// against, the ones with most shared keys first.
	groupMaxCandidates = 96

	// groupLinkSample is how many of a story's members, the ones most like
	// the article, its average similarity to the story is taken over: an
	// article joins a story when it is like the story, not when it is
	// like one member (which would chain one event into the next).
	groupLinkSample = 4

	// Key namespaces, so that a term and a shingle with one hash are
	// different keys.
	keyTerm    = 1 << 62
	keyShingle = 2 << 62
)

// termHash hashes a content term or shingle to 32 bits. Collisions among
// an archive's few hundred thousand distinct terms are rare (a handful)
// and only merge two terms' counts.
func termHash(parts ...string) uint32 {
	h := fnv.New32a()
	for i, p := range parts {
		if i > 0 {
			h.Write([]byte{0})
		}
		h.Write([]byte(p))
	}
	return h.Sum32()
}

// signatureOf makes the grouping signature of an article from its content
// terms in text order (story.GroupTerms).
func signatureOf(terms []string) Signature {
	var sig Signature
	hashes := make([]uint32, len(terms))
	for i, t := range terms {
		hashes[i] = termHash(t)
	}
	for i := 0; i+story.ShingleSize <= len(terms); i++ {
		sig.Shingles = append(sig.Shingles, termHash(terms[i:i+story.ShingleSize]...))
	}
	slices.Sort(sig.Shingles)
	sig.Shingles = slices.Compact(sig.Shingles)
	slices.Sort(hashes)
	for i := 0; i < len(hashes); {
		j := i + 1
		for j < len(hashes) && hashes[j] == hashes[i] {
			j++
		}
		sig.Terms = append(sig.Terms, hashes[i])
		sig.Counts = append(sig.Counts, uint16(min(j-i, math.MaxUint16)))
		i = j
	}
	return sig
}

// lazyDocFreq: when fewer than one article in this many is to be grouped,
// the document frequencies are read term by term as grouping needs them
// (the new articles' terms and their candidates'), not all at once. A
// hundred articles added to 100,000 need some 40,000 of the archive's
// frequencies; reading all of them took a quarter of the refresh.
const lazyDocFreq = 8

// weights gives term weights from document frequencies.
type weights struct {
	df   map[uint32]int32
	docs int
	// store, when set, is where the frequencies of terms not in df yet are
	// read from (need); df then holds every term read, zero for a term
	// no grouped article uses. When nil, df is complete.
	store Store
	// shared is weigh's buffer, reused from one article to the next.
	shared []weighed
}

// need reads the frequencies of the terms of sigs that are not known yet.
func (w *weights) need(ctx context.Context, sigs ...Signature) error {
	if w.store == nil {
		return nil
	}
	var missing []uint32
	for i := range sigs {
		for _, t := range sigs[i].Terms {
			if _, ok := w.df[t]; !ok {
				w.df[t] = 0
				missing = append(missing, t)
			}
		}
	}
	if len(missing) == 0 {
		return nil
	}
	got, err := w.store.DocFreqOf(ctx, missing)
	if err != nil {
		for _, t := range missing {
			delete(w.df, t)
		}
		return err
	}
	for t, n := range got {
		w.df[t] = n
	}
	return nil
}

// add counts sig's terms in the frequencies.
func (w *weights) add(sig *Signature) {
	for _, t := range sig.Terms {
		w.df[t]++
	}
	w.docs++
}

// vector is a signature weighed: its terms' IDF and TF-IDF weights, norm
// and IDF mass, as the similarity needs them, and its story.OwnTerms
// heaviest terms. Weights are float32 to halve what a first build of a
// large archive keeps in memory.
type vector struct {
	sig        *Signature
	idfs, wts  []float32
	norm, mass float64
	own        []uint32 // ascending
}

func (w *weights) vector(sig *Signature) vector {
	v, _ := w.weigh(sig)
	return v
}

// weigh returns sig's vector and its heaviest terms that another article
// has too, heaviest first, as many as keys and the vector's own take.
func (w *weights) weigh(sig *Signature) (vector, []uint32) {
	v := vector{sig: sig, idfs: make([]float32, len(sig.Terms)), wts: make([]float32, len(sig.Terms))}
	// Each term's frequency is looked up once, for its weight and for
	// whether another article has it: the look-ups were most of weighing.
	shared := w.shared[:0]
	for i, t := range sig.Terms {
		df := w.df[t]
		idf := story.IDF(w.docs, int(df))
		wt := idf * (1 + math.Log(float64(max(1, sig.Counts[i]))))
		v.idfs[i], v.wts[i] = float32(idf), float32(wt)
		v.norm += wt * wt
		v.mass += idf
		if df > 1 {
			shared = append(shared, weighed{t, v.wts[i]})
		}
	}
	w.shared = shared
	v.norm = math.Sqrt(v.norm)
	heavy := heaviest(shared, max(groupKeyTerms, story.OwnTerms))
	v.own = slices.Clone(heavy[:min(len(heavy), story.OwnTerms)])
	slices.Sort(v.own)
	return v, heavy
}

// weighed is a term with its TF-IDF weight in one article.
type weighed struct {
	t  uint32
	wt float32
}

// candidate is v as a candidate article's vector, which similarity
// needs without the IDF of each term (it takes them from the article
// being grouped): a first build of 100,000 articles keeps one per
// article, and their IDFs were 30 MB.
func (v vector) candidate() vector {
	v.idfs = nil
	return v
}

// heaviest returns at most n of the terms ts, an article's terms that
// some other article has too (a term no other article has pairs it with
// none), heaviest first. It sorts ts.
func heaviest(ts []weighed, n int) []uint32 {
	slices.SortFunc(ts, func(a, b weighed) int {
		if c := cmp.Compare(b.wt, a.wt); c != 0 {
			return c
		}
		return cmp.Compare(a.t, b.t)
	})
	out := make([]uint32, min(len(ts), n))
	for i := range out {
		out[i] = ts[i].t
	}
	return out
}

// keysOf returns the keys an article is filed under and looked up by,
// given its vector and heaviest terms (weigh).
func keysOf(v vector, heavy []uint32) []uint64 {
	var keys []uint64
	for _, t := range heavy[:min(len(heavy), groupKeyTerms)] {
		keys = append(keys, keyTerm|uint64(t))
	}
	n := 0
	for _, s := range v.sig.Shingles {
		if s%groupShingleSample == 0 && n < groupMaxShingleKeys {
			keys = append(keys, keyShingle|uint64(s))
			n++
		}
	}
	return keys
}

// similarity is story.GroupArticles' verification score of two articles
// (story.Score), from their stored terms and shingles. Only a, the
// article being grouped, needs its IDFs.
func similarity(a, b vector) float64 {
	var o story.Overlap
	sorted.Each(a.sig.Terms, b.sig.Terms, func(x, y int) { o.Add(a.wts[x], b.wts[y], a.idfs[x]) })
	o.OwnA, o.OwnB = sorted.CountFew(a.own, b.sig.Terms), sorted.CountFew(b.own, a.sig.Terms)
	sa, sb := a.sig.Shingles, b.sig.Shingles
	o.Shingles = sorted.Count(sa, sb)
	return story.Score(o, a.norm, b.norm, a.mass, b.mass, len(sa), len(sb))
}

// grouper groups articles one at a time against what the store holds and
// what it has grouped itself in this run.
type grouper struct {
	store Store
	w     *weights
	// Articles grouped in this run are kept in memory, so that a first
	// build never asks the store about them. Their keys are filed in
	// linked lists, newest first: head maps a key to its newest posting in
	// posts. Most shingle keys are an article's own, so a list costs one
	// map entry and one posting, not a slice.
	local map[int64]*Signature
	head  map[uint64]int32
	posts []posting
	// remote caches signatures read from the store in this run.
	remote map[int64]*Signature
	vecs   map[int64]vector
	// sizes counts the members of every story group.
	sizes map[int64]int
	// votes, cursors, found, taken, others and sims are reused from one article
	// to the next.
	votes   tally
	cursors []cursor
	found   []vote
	taken   []int32
	others  []vector
	sims    []float64
}

// cursor is a step along the postings of one key, and what sharing the
// key counts for.
type cursor struct {
	p, vote int32
	key     int32 // the key's place in the keys walked
}

// vote is what sharing one key with an article counts for.
type vote struct {
	id int64
	n  int32
}

// tally counts the votes of the articles that share keys with the one
// being grouped: in a slice by id, as the store's ids run from 1 up,
// with a map for any past tallyDense.
type tally struct {
	dense []int32
	big   map[int64]int
	ids   []int64 // the ids counted, in the order first counted
}

// tallyDense is the first id a tally counts in its map: a slice of 4
// million counts is 16 MB.
const tallyDense = 1 << 22

func (t *tally) add(id int64, n int) {
	if id >= 0 && id < tallyDense {
		if int(id) >= len(t.dense) {
			t.dense = append(t.dense, make([]int32, max(int(id)+1, 2*len(t.dense))-len(t.dense))...)
		}
		if t.dense[id] == 0 {
			t.ids = append(t.ids, id)
		}
		t.dense[id] += int32(n)
		return
	}
	if t.big == nil {
		t.big = map[int64]int{}
	}
	if _, ok := t.big[id]; !ok {
		t.ids = append(t.ids, id)
	}
	t.big[id] += n
}

func (t *tally) get(id int64) int {
	if id >= 0 && id < tallyDense {
		return int(t.dense[id])
	}
	return t.big[id]
}

func (t *tally) reset() {
	for _, id := range t.ids {
		if id >= 0 && id < tallyDense {
			t.dense[id] = 0
		}
	}
	clear(t.big)
	t.ids = t.ids[:0]
}

// posting is one article filed under a key, and the index in posts of the
// one filed before it (-1 for none).
type posting struct {
	id   int64
	next int32
}

func newGrouper(store Store, w *weights, sizes map[int64]int) *grouper {
	return &grouper{store: store, w: w, local: map[int64]*Signature{}, head: map[uint64]int32{},
		remote: map[int64]*Signature{}, vecs: map[int64]vector{}, sizes: sizes}
}

// group chooses sig's story group and returns it with sig's keys.
// storeHasGroups says whether the store held grouped articles before this
// run; when it did not, only this run's articles are looked at.
func (g *grouper) group(ctx context.Context, sig *Signature, storeHasGroups bool) (Grouping, error) {
	v, heavy := g.w.weigh(sig)
	keys := keysOf(v, heavy)
	if err := g.gather(ctx, keys, storeHasGroups); err != nil {
		return Grouping{}, err
	}
	votes := &g.votes
	type cand struct {
		id    int64
		votes int
	}
	var cands []cand
	for _, id := range votes.ids {
		if n := votes.get(id); n >= groupMinKeyVotes && id != sig.ID {
			cands = append(cands, cand{id, n})
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if c := cmp.Compare(b.votes, a.votes); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	cands = cands[:min(len(cands), groupMaxCandidates)]
	// Without groups in the store, every candidate is one of this run's,
	// in memory: there is nothing to fetch.
	if storeHasGroups {
		ids := make([]int64, len(cands))
		for i, c := range cands {
			ids[i] = c.id
		}
		if err := g.fetch(ctx, ids); err != nil {
			return Grouping{}, err
		}
	}

	// Similarity to each candidate, gathered by story. A candidate
	// weighed before has its vector, which holds its signature, in vecs.
	others := g.others[:0]
	for _, c := range cands {
		if ov, ok := g.vecs[c.id]; ok {
			if ov.sig.Group != 0 {
				others = append(others, ov)
			}
		} else if other := g.signature(c.id); other != nil && other.Group != 0 {
			others = append(others, g.vector(other))
		}
	}
	g.others = others
	sims := similarities(v, others, g.sims)
	g.sims = sims
	byGroup := map[int64][]float64{}
	for i, s := range sims {
		if story.Linked(s) {
			grp := others[i].sig.Group
			byGroup[grp] = append(byGroup[grp], s)
		}
	}
	best, bestScore := sig.ID, 0.0
	for grp, ss := range byGroup {
		slices.SortFunc(ss, func(a, b float64) int { return cmp.Compare(b, a) })
		ss = ss[:min(len(ss), groupLinkSample)]
		var sum float64
		for _, s := range ss {
			sum += s
		}
		// Members of the story that are not among the candidates are
		// taken as unlike the article, up to the sample size.
		score := sum / float64(min(groupLinkSample, max(len(ss), g.sizes[grp])))
		if story.Linked(score) && (score > bestScore || score == bestScore && grp < best) {
			best, bestScore = grp, score
		}
	}
	sig.Group = best
	g.local[sig.ID] = sig
	g.vecs[sig.ID] = v.candidate()
	// The counts are in the weights now; at 100,000 articles they were
	// 15 MB.
	sig.Counts = nil
	g.sizes[best]++
	for _, k := range keys {
		next, ok := g.head[k]
		if !ok {
			next = -1
		}
		g.head[k] = int32(len(g.posts))
		g.posts = append(g.posts, posting{id: sig.ID, next: next})
	}
	return Grouping{ID: sig.ID, Group: best, Keys: keys}, nil
}

// gather counts in g.votes the votes of the articles filed under keys:
// this run's, and the store's when storeHasGroups. A key yields at most
// groupPerKey articles in all, this run's first, as they were grouped
// last, and then the store's, newest first: taking groupPerKey from the
// store besides this run's grouped the rest of a first build that was
// stopped otherwise than the build would have.
func (g *grouper) gather(ctx context.Context, keys []uint64, storeHasGroups bool) error {
	votes := &g.votes
	votes.reset()
	g.found, g.taken = g.postings(keys, g.found[:0], g.taken)
	for _, f := range g.found {
		votes.add(f.id, int(f.n))
	}
	if !storeHasGroups {
		return nil
	}
	lists, err := g.store.Neighbours(ctx, keys, groupPerKey)
	if err != nil {
		return err
	}
	for i, ids := range lists {
		room := groupPerKey - int(g.taken[i])
		for _, id := range ids {
			if room == 0 {
				break
			}
			if _, ok := g.local[id]; !ok {
				votes.add(id, voteOf(keys[i]))
				room--
			}
		}
	}
	return nil
}

// postings appends to found the articles filed under keys in this run,
// at most groupPerKey of each key, the most recently filed first, each
// with what sharing the key counts for, and gives in taken how many each
// key yielded.
//
// The keys' lists are walked side by side, a step of each in turn, not
// one list after another: a step reads a posting from anywhere in posts,
// mostly missing the cache, and the reads of different lists, not
// waiting on one another, overlap. Walked one by one they were a fifth
// of grouping.
func (g *grouper) postings(keys []uint64, found []vote, taken []int32) ([]vote, []int32) {
	taken = slices.Grow(taken[:0], len(keys))[:len(keys)]
	clear(taken)
	cursors := g.cursors[:0]
	for i, k := range keys {
		if p, ok := g.head[k]; ok {
			cursors = append(cursors, cursor{p, int32(voteOf(k)), int32(i)})
		}
	}
	for n := 0; n < groupPerKey && len(cursors) > 0; n++ {
		live := cursors[:0]
		for _, c := range cursors {
			post := g.posts[c.p]
			found = append(found, vote{post.id, c.vote})
			taken[c.key]++
			if post.next >= 0 {
				live = append(live, cursor{post.next, c.vote, c.key})
			}
		}
		cursors = live
	}
	g.cursors = cursors
	return found, taken
}

// parallelSimilarities is the fewest candidates whose similarities are
// split between two goroutines: grouping is otherwise one core's work, and
// the similarities are a third of it.
const parallelSimilarities = 16

// similarities returns v's similarity to each of others, in buf.
func similarities(v vector, others []vector, buf []float64) []float64 {
	sims := slices.Grow(buf[:0], len(others))[:len(others)]
	half := 0
	var wg sync.WaitGroup
	if len(others) >= parallelSimilarities {
		half = len(others) / 2
		wg.Go(func() {
			for i := range half {
				sims[i] = similarity(v, others[i])
			}
		})
	}
	for i := half; i < len(others); i++ {
		sims[i] = similarity(v, others[i])
	}
	wg.Wait()
	return sims
}

// voteOf is what sharing key k counts for: a shingle alone is enough, a
// key term needs company.
func voteOf(k uint64) int {
	if k&keyShingle != 0 {
		return groupMinKeyVotes
	}
	return 1
}

func (g *grouper) signature(id int64) *Signature {
	if s := g.local[id]; s != nil {
		return s
	}
	return g.remote[id]
}

func (g *grouper) vector(sig *Signature) vector {
	if v, ok := g.vecs[sig.ID]; ok {
		return v
	}
	v := g.w.vector(sig).candidate()
	g.vecs[sig.ID] = v
	return v
}

// fetch reads from the store the signatures of the given articles that
// are not yet in memory.
func (g *grouper) fetch(ctx context.Context, ids []int64) error {
	var need []int64
	for _, id := range ids {
		if g.signature(id) == nil {
			need = append(need, id)
		}
	}
	if len(need) == 0 {
		return nil
	}
	sigs, err := g.store.Signatures(ctx, need)
	if err != nil {
		return err
	}
	if err := g.w.need(ctx, sigs...); err != nil {
		return err
	}
	for i := range sigs {
		g.remote[sigs[i].ID] = &sigs[i]
	}
	return nil
}
