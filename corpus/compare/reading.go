package compare

import "github.com/newsdiff/newsdiff/corpus"

// A reading is what the matcher reads of one article's sentences
// (unitsOf): its units, their features and meanings, carved from the
// reading's own slabs. All of it is the article's alone, whatever it is
// compared with; what one comparison adds (the words' IDF, the lemmas'
// ids) sits in the matcher's other slabs and is wiped off the units when
// the comparison ends.
//
// A pooled matcher keeps the readings of its last comparison, and the
// next comparison that has one of those articles (the same
// *corpus.Article) on either side takes its units as they are: a reader
// opens an article against each other of its story in turn, and a
// story's analysis compares every pair. Reading the seed pair's two
// articles was about a third of its comparison. An article is the same
// text for as long as it is compared (the pair cache counts on it too);
// a kept reading holds its article, and the slab chunks that one set of
// slabs for both articles held before.
type reading struct {
	article   *corpus.Article
	withTitle bool
	// complete is unset when the reading stopped at a cancelled context:
	// such a reading is never taken again.
	complete bool
	units    []unit
	// noted is what the reading noted in the matcher's groupsOf, in
	// order, so that a comparison that takes it notes the same.
	noted []notedGroups

	words   slab[uint64]
	feats   slab[features]
	means   slab[meaning]
	quoted  slab[quotedWord]
	groups  slab[uint32]
	unitBuf slab[unit]
}

// notedGroups is the related-word groups of one lemma key.
type notedGroups struct {
	key    uint64
	groups []uint32
}

// maxKeptReadings is how many readings a matcher keeps between
// comparisons: those of the two articles it compared last.
const maxKeptReadings = 2

// takeReading returns a kept reading of a (with its title or not), no
// longer kept, or nil when there is none.
func (m *matcher) takeReading(a *corpus.Article, withTitle bool) *reading {
	for i, r := range m.kept {
		if r.article == a && r.withTitle == withTitle {
			m.kept = append(m.kept[:i], m.kept[i+1:]...)
			return r
		}
	}
	return nil
}

// newReading returns an empty reading: the kept one compared least
// recently, emptied, when there is one, so that its slabs serve again.
func (m *matcher) newReading() *reading {
	if len(m.kept) == 0 {
		return &reading{}
	}
	r := m.kept[0]
	m.kept = append(m.kept[:0], m.kept[1:]...)
	r.reset()
	return r
}

// reset empties r, keeping its slabs' chunks within their bound.
func (r *reading) reset() {
	r.article, r.withTitle, r.complete, r.units = nil, false, false, nil
	clear(r.noted)
	r.noted = keptBuf(r.noted)
	r.words.reset()
	r.feats.reset()
	r.means.reset()
	r.quoted.reset()
	r.groups.reset()
	r.unitBuf.reset()
}

// maxReadingTokens is the longest article, in tokens, whose reading a
// matcher keeps: about 16,000 words, whose reading takes about 1 MB (a
// 10,000-word article's took 21 chunks of 32 KB). It bounds what the
// slabs' chunks do not count, a slice larger than a chunk made on its own
// (the units of an article of short sentences, the words of a sentence
// of thousands).
const maxReadingTokens = 1 << 15

// small reports whether r is a short enough article's, and its slabs
// within what a reset keeps of them: a long article's reading is not kept
// whole.
func (r *reading) small() bool {
	return r.article.Tokens.Len() <= maxReadingTokens &&
		len(r.words.chunks) <= maxSlabChunks && len(r.feats.chunks) <= maxSlabChunks &&
		len(r.means.chunks) <= maxSlabChunks && len(r.quoted.chunks) <= maxSlabChunks &&
		len(r.groups.chunks) <= maxSlabChunks && len(r.unitBuf.chunks) <= maxSlabChunks
}

// forget wipes off r's units what one comparison set on them (see
// matcher.weigh): it pointed into the matcher's slabs.
func (r *reading) forget() {
	for i := range r.units {
		u := &r.units[i]
		u.weight, u.idfs = 0, nil
		u.lids, u.lidfs, u.eidfs, u.lweight, u.eweight = nil, nil, nil, 0, 0
	}
}

// keepReadings keeps, for the next comparison, the complete readings of
// the one that ends, up to maxKeptReadings of the latest, and empties the
// others: a long article's reading is emptied too, so that an idle
// matcher holds what its slabs' bounds allow. An emptied reading is kept
// in a place left over, for its slabs.
func (m *matcher) keepReadings() {
	var full, empty [maxKeptReadings]*reading
	nf, ne := 0, 0
	sort := func(r *reading) {
		if r.complete && r.small() && nf < maxKeptReadings {
			r.forget()
			full[nf] = r
			nf++
			return
		}
		r.reset()
		if ne < maxKeptReadings {
			empty[ne] = r
			ne++
		}
	}
	// The latest first: this comparison's, in the order read, then those
	// kept before it and not taken.
	for i := len(m.reads) - 1; i >= 0; i-- {
		sort(m.reads[i])
	}
	for i := len(m.kept) - 1; i >= 0; i-- {
		sort(m.kept[i])
	}
	clear(m.reads)
	clear(m.kept)
	m.reads, m.kept = m.reads[:0], m.kept[:0]
	// The least recent first (newReading takes it): the empty ones, then
	// the full ones.
	m.kept = append(m.kept, empty[:min(ne, maxKeptReadings-nf)]...)
	for i := nf - 1; i >= 0; i-- {
		m.kept = append(m.kept, full[i])
	}
}
