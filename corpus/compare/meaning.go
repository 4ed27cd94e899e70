package compare

import (
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/sorted"
	"github.com/newsdiff/newsdiff/corpus/lexicon"
)

// What two sentences mean, beyond their strings: the matcher pairs two
// wordings of one event by their lemmas (hack, hacked, hacking), related
// words (deny, denial; Russia, Russian), names, numbers and days, and
// their place in the article, combined by a small logistic model (see
// model.go and scripts/fitpairs).

// wordInfo is what the lexicon says of one matching form.
type wordInfo struct {
	key    uint64 // hash of the lemma or normalised value
	class  lexicon.Class
	groups []uint32
}

// wordInfos caches the lexicon's answer per matching form for every
// comparison in the process: a lookup is a binary search over the table,
// and the words of a story recur in every pair. The cache stops growing at
// maxWordInfoBytes so that hostile text cannot fill memory; past it,
// forms are looked up each time. It is bounded in bytes, not forms: 128k
// forms held 22 MB of ordinary words for the life of a server, and 128
// MB of 1 KB ones.
//
// It is a map behind a read-write lock rather than a sync.Map: a form is
// stored once and then only read, and the sync.Map's lookups, a walk
// down a trie of nodes, missed the cache at every level once a 10,000-word
// pair's work had pushed the trie out. Looking up 5,000 forms in random
// order after sweeping 4 MiB took 31 ns a form with the sync.Map and 15
// with the map (go1.26, 2 cores).
//
// The map is made at the first store, sized for a short pair's words
// (firstWordInfos): grown from empty, its rehashing was about a thirtieth
// of the first comparison in a fresh process.
var (
	wordInfos struct {
		sync.RWMutex
		m map[string]*wordInfo // nil until the first store
	}
	wordInfoBytes atomic.Int64
)

// firstWordInfos is the size wordInfos is made for: the distinct words of
// a pair of short articles with those carriesNoEvent asks of (257 for the
// seed pair).
const firstWordInfos = 400

// maxWordInfoBytes bounds wordInfos: about 100,000 news words, several
// times a large story's vocabulary. wordInfoCost is what an entry costs
// beyond its form: the wordInfo and the map's entry and nodes.
const (
	maxWordInfoBytes = 12 << 20
	wordInfoCost     = 112
)

func infoOf(form string) *wordInfo {
	wordInfos.RLock()
	wi := wordInfos.m[form]
	wordInfos.RUnlock()
	if wi != nil {
		return wi
	}
	key, class, groups := lexicon.KeyGroups(form)
	wi = &wordInfo{key: corpus.HashForm(key), class: class, groups: groups}
	if cost := int64(len(form) + wordInfoCost); wordInfoBytes.Load()+cost <= maxWordInfoBytes {
		wordInfos.Lock()
		if wordInfos.m == nil {
			wordInfos.m = make(map[string]*wordInfo, firstWordInfos)
		}
		if stored, ok := wordInfos.m[form]; ok {
			wi = stored // another comparison stored it meanwhile
		} else {
			// A copy: the form may share its bytes with an article that
			// the cache must not keep.
			wordInfos.m[strings.Clone(form)] = wi
			wordInfoBytes.Add(cost)
		}
		wordInfos.Unlock()
	}
	return wi
}

// meaning is the part of a sentence's features that goes past its
// strings. All slices are sorted and distinct.
type meaning struct {
	lemmas  []uint64 // lemma keys of the content words (numbers and days normalised)
	names   []uint64 // lemma keys of capitalised words inside the sentence: who and where
	numbers []uint64 // normalised numbers, weekdays and months
	groups  []uint32 // related-word groups of the content words that are neither names nor numbers
	// event is the subset of lemmas that are neither names nor numbers:
	// the words that say what happened.
	event []uint64

	// In one comparison: the dense id of each lemma (matcher.lemmaIDs),
	// the IDF of each lemma and event word, and their sums (see
	// matcher.weigh and matcher.weighLemmas).
	lids             []int32
	lidfs, eidfs     []float32 // see weightOf
	lweight, eweight float64
}

// sentenceMeaning computes the meaning of sentence si of a, noting the
// related-word groups of its event words in the matcher. lower, when not
// nil, says by form id which forms the article writes in lower case
// somewhere (see titleCase): in a headline set in title case, only a
// capitalised word outside it is a name.
func (m *matcher) sentenceMeaning(a *corpus.Article, si int, lower []bool) meaning {
	var sm meaning
	s := a.Sentences[si]
	toks := a.Tokens.In(s.Tokens())
	// The content words' lemmas and kinds, in order, gathered in the
	// matcher's buffers; then one allocation for the lemmas and, after
	// them, the names, numbers and event words they split into.
	keys, kinds, groups := m.lemmaBuf[:0], m.kinds[:0], m.groupBuf[:0]
	first := true
	for i := range toks.Len() {
		if toks.Kind(i) != corpus.TokWord {
			continue
		}
		initial := first
		first = false
		if _, stopword := m.forms.word(a, toks, i); stopword {
			continue
		}
		key, class, hasGroups := m.forms.lemma(a, toks, i)
		keys = append(keys, key)
		switch {
		case class != lexicon.Plain:
			kinds = append(kinds, 1)
			continue
		case !initial && capitalised(a.Raw[toks.Span(i).Start:]) && (lower == nil || !lower[toks.FormID(i)]):
			kinds = append(kinds, 2)
		default:
			kinds = append(kinds, 3)
		}
		if hasGroups {
			groups = m.noteGroups(groups, a, toks, i)
		}
	}
	m.lemmaBuf = keys
	// Split, sorted and made distinct in the matcher's buffer, then kept
	// in one slice of the slab sized to them (see sentenceFeatures).
	n := len(keys)
	buf := slices.Grow(m.sortBuf[:0], 2*n)[:2*n]
	m.sortBuf = buf
	sm.lemmas = buf[:n:n]
	copy(sm.lemmas, keys)
	counts := [4]int{}
	for _, k := range kinds {
		counts[k]++
	}
	rest := buf[n:]
	sm.numbers = rest[0:0:counts[1]]
	sm.names = rest[counts[1] : counts[1] : counts[1]+counts[2]]
	sm.event = rest[counts[1]+counts[2] : counts[1]+counts[2] : n]
	for i, k := range kinds {
		switch k {
		case 1:
			sm.numbers = append(sm.numbers, sm.lemmas[i])
		case 2:
			sm.names = append(sm.names, sm.lemmas[i])
		case 3:
			sm.event = append(sm.event, sm.lemmas[i])
		}
	}
	m.kinds = kinds
	parts := [4]*[]uint64{&sm.lemmas, &sm.numbers, &sm.names, &sm.event}
	used := 0
	for _, p := range parts {
		slices.Sort(*p)
		*p = slices.Compact(*p)
		used += len(*p)
	}
	kept := m.rd.words.make(used)
	for _, p := range parts {
		k := copy(kept, *p)
		*p, kept = kept[:k:k], kept[k:]
	}
	m.groupBuf = groups
	if len(groups) > 0 {
		slices.Sort(groups)
		groups = slices.Compact(groups)
		sm.groups = m.rd.groups.make(len(groups))
		copy(sm.groups, groups)
	}
	return sm
}

// noteGroups appends to groups the related-word groups of word i of toks,
// tokens of a, and notes them in m.groupsOf by its lemma, once an article
// a form: a lemma's groups are the lexicon's for that lemma, whatever form
// it was read from.
func (m *matcher) noteGroups(groups []uint32, a *corpus.Article, toks corpus.Tokens, i int) []uint32 {
	gs := m.forms.relatedGroups(a, toks, i)
	if len(gs) == 0 {
		return groups
	}
	if !m.forms.noted(a, toks, i) {
		// The cache's slice, which outlives the copy in m.forms.
		wi := m.forms.info(a, toks, i)
		m.groupsOf[wi.key] = wi.groups
		m.rd.noted = append(m.rd.noted, notedGroups{wi.key, wi.groups})
	}
	return append(groups, gs...)
}

// position is sentence si's place in a, from 0 (first) to 1 (last).
func position(a *corpus.Article, si int) float64 {
	if n := len(a.Sentences); n > 1 {
		return float64(si) / float64(n-1)
	}
	return 0
}

func capitalised(word []byte) bool {
	r, _ := utf8.DecodeRune(word)
	return unicode.IsUpper(r)
}

// Feature indexes of a sentence pair, as the model weighs them.
const (
	fLemmaContain = iota // IDF-weighted containment of lemmas
	fLemmaDice           // IDF-weighted Dice of lemmas
	fEvent               // share of the event words (exact or related) in common
	fRelated             // share of the event words related only through the lexicon
	fNames               // share of the names in common
	fNameOnly            // 1 when what the pair shares is only names, numbers and days
	fNumbers             // 1 a number in common, -1 numbers on both sides and none in common
	fBigrams             // share of word bigrams in common (word order)
	fVerbatim            // 1 when a runLen-word run is shared
	fPosition            // distance between the two places in their articles
	fSurface             // the surface-word score (score)
	fShared              // lemmas in common, up to 8, over 8
	fBestForLeft         // 1 for the left sentence's candidate sharing the most lemma weight
	fBestForRight        // 1 for the right sentence's candidate sharing the most lemma weight
	fMutualBest          // 1 when both
	fNeighbours          // lemma Dice of the pair's neighbours (context.go)
	NumFeatures
)

// FeatureNames names the features in order, for the fitting script.
var FeatureNames = [NumFeatures]string{
	"lemma_contain", "lemma_dice", "event", "related", "names", "name_only",
	"numbers", "bigrams", "verbatim", "position", "surface", "shared", "best_for_left",
	"best_for_right", "mutual_best", "neighbours",
}

// Features is one sentence pair as the model sees it.
type Features [NumFeatures]float64

// A pair's features are computed in two parts: lexicalFeatures, then
// meaningFeatures. The candidate search computes the first, cheap one,
// and the second only when it can matter (see prune.go).

// lexicalFeatures computes the features that compare units a's and b's
// words as they are; surface is their surface score and verbatim whether
// they share a runLen-word run; bigrams is the share of word bigrams they
// have in common (sharedShare), which the surface score counts too;
// shared and count are the lemma weight of a they share and how many
// lemmas (sorted.WeightShared of a's lemmas and b's, as lemmaWeights
// computes it).
func lexicalFeatures(a, b *unit, surface, bigrams float64, verbatim bool, shared float64, count int) Features {
	var f Features
	f[fSurface] = surface
	f[fBigrams] = bigrams
	if verbatim {
		f[fVerbatim] = 1
	}
	f[fPosition] = math.Abs(a.pos - b.pos)

	wa, wb := a.lweight, b.lweight
	f[fShared] = float64(min(count, 8)) / 8
	if wa > 0 && wb > 0 {
		f[fLemmaContain] = shared / math.Min(wa, wb)
		if n := min(len(a.lemmas), len(b.lemmas)); n < 4 {
			f[fLemmaContain] *= float64(n) / 4
		}
		f[fLemmaDice] = 2 * shared / (wa + wb)
	}
	return f
}

// meaningFeatures adds to f, which lexicalFeatures made, the features that
// go past the words as written: event words and names, exact or related
// through the lexicon, and numbers. Their ranges are in meaningRanges.
func (m *matcher) meaningFeatures(f *Features, a, b *unit) {
	// Event words: exact lemma matches, and those related through the
	// lexicon, each side against the other.
	exact, related := 0.0, 0.0
	ea, eb := a.eweight, b.eweight
	for k, w := range a.event {
		x := float64(a.eidfs[k])
		if _, ok := slices.BinarySearch(b.event, w); ok {
			exact += x
		} else if relatedTo(infoGroups(m, w), b.groups) {
			related += x
		}
	}
	if small := math.Min(ea, eb); small > 0 {
		f[fEvent] = math.Min(1, (exact+related)/small)
		f[fRelated] = math.Min(1, related/small)
	}
	if n := min(len(a.names), len(b.names)); n > 0 {
		// A name counts as shared when the other side has it or a related
		// one: Russia and Russians.
		sharedNames := 0
		for _, w := range a.names {
			if _, ok := slices.BinarySearch(b.names, w); ok || relatedTo(infoGroups(m, w), b.groups) {
				sharedNames++
			}
		}
		f[fNames] = math.Min(1, float64(sharedNames)/float64(n))
	}
	// The Dice of lemma weight is above 0 exactly when the pair shares
	// some: then, sharing no event word, it shares only names and numbers.
	if exact+related == 0 && f[fLemmaDice] > 0 {
		f[fNameOnly] = 1
	}
	if len(a.numbers) > 0 && len(b.numbers) > 0 {
		if sorted.Count(a.numbers, b.numbers) > 0 {
			f[fNumbers] = 1
		} else {
			f[fNumbers] = -1
		}
	}
}

// infoGroups returns the related-word groups of an event lemma of this
// comparison (kept by lemma key when the matcher saw the word).
func infoGroups(m *matcher, lemma uint64) []uint32 { return m.groupsOf[lemma] }

// relatedTo reports whether two sorted group lists share a group.
func relatedTo(a, b []uint32) bool { return sorted.Count(a, b) > 0 }

func sharedShare(a, b []uint64) float64 {
	if n := min(len(a), len(b)); n > 0 {
		return float64(sorted.Count(a, b)) / float64(n)
	}
	return 0
}

// weighLemmas sets the IDF of u's lemmas and event words, and their sums.
func (m *matcher) weighLemmas(u *unit) {
	u.lidfs = m.weights.make(len(u.lemmas))
	u.lweight = 0
	for k, id := range u.lids {
		u.lidfs[k] = weightOf(m.lidf[id])
		u.lweight += float64(u.lidfs[k])
	}
	u.eidfs = m.weights.make(len(u.event))
	u.eweight = 0
	// The event words are some of the lemmas, both sorted: each is found
	// by walking the lemmas once.
	j := 0
	for k, w := range u.event {
		for u.lemmas[j] != w {
			j++
		}
		u.eidfs[k] = u.lidfs[j]
		u.eweight += float64(u.eidfs[k])
	}
}

// lemmaIDF is the idf of a lemma key, 0 for one no compared sentence
// carries.
func (m *matcher) lemmaIDF(key uint64) float64 {
	if id, ok := m.lemmaIDs.lookup(key); ok {
		return m.lidf[id]
	}
	return 0
}

// Model is a logistic model over Features: the probability that two
// sentences report the same event is 1/(1+exp(-(Bias + Σ Weights·f))).
type Model struct {
	Bias    float64
	Weights Features
	// Threshold is the least probability at which a pair the surface score
	// would not make is made as a paraphrase.
	Threshold float64
	// Near is the least probability at which a pair between two pairs is
	// made (fillGaps); 0 means nearThreshold.
	Near float64
}

// near is the least probability of a pair between two pairs.
func (md *Model) near() float64 {
	if md.Near > 0 {
		return md.Near
	}
	return nearThreshold
}

// Prob returns the model's probability for f.
func (md *Model) Prob(f Features) float64 {
	z := md.Bias
	for i, w := range md.Weights {
		z += w * f[i]
	}
	return 1 / (1 + math.Exp(-z))
}
