package compare

import (
	"sync"
	"unsafe"
)

// What a comparison only needs while it runs (sentence features and
// meanings, units, per-word weights, the word diff's buffers) is carved
// from memory kept between comparisons rather than allocated afresh: a
// 10,000-word comparison allocated 5.2 MB in 31,000 allocations, most of
// them a few slices per sentence, and collecting them was about a seventh
// of its time (issue 11, the growth from 1,000 to 10,000 words). The
// features and meanings are each article's reading (reading.go), kept
// with it for a comparison that has the article again.

// slab hands out slices of T carved from chunks it keeps: reset makes
// every chunk free again, so that a matcher taken from matchers serves
// the next comparison without allocating. A slice it hands out is valid
// until reset; nothing carved from a slab may reach a Comparison.
//
// The zero slab is ready to use; its chunks hold slabChunkBytes.
type slab[T any] struct {
	chunks [][]T
	size   int // elements a chunk holds, set with the first chunk
	cur    int // index of the chunk being carved
	off    int // elements of chunks[cur] handed out
}

// slabChunkBytes is a chunk's size: large enough that a sentence's slices
// take few of them, small enough that the slack of a chunk left
// half-carved stays small beside a comparison's memory.
const slabChunkBytes = 32 << 10

// maxSlabChunks is the most chunks a slab keeps between comparisons
// (1 MB): a 10,000-word comparison's features, the largest, take about
// 800 KB; a longer comparison's chunks past it are left to the collector.
// With the article-sized buffers (maxKeptBufBytes) and the maps
// (maxKeptMapLen) bounded too, an idle pooled matcher was measured
// holding 2.4 MB after a 10,000-word pair of real prose, 8.4 MB after a
// 100,000-word one, 11.7 MB after 400,000 words and 8.8 MB after a 5 MiB
// article; the pool drops it after two collections unused. Keeping a
// 100,000-word comparison's slabs and maps whole, with no bound, saved
// its allocations (35 MB to 24 MB a comparison) but not its growth from
// 10,000 words: 134.5 ms against 138.4 ms, while 10,000 words gained
// alike (11.45 ms against 11.80; medians of 15 runs, 1 core).
const maxSlabChunks = 32

// make returns a zeroed slice of n elements whose capacity is n: an
// append past it copies rather than overwrite a neighbour. A request
// larger than a chunk is an ordinary allocation.
func (s *slab[T]) make(n int) []T {
	if s.size == 0 {
		var zero T
		s.size = max(64, slabChunkBytes/max(1, int(unsafe.Sizeof(zero))))
	}
	if n > s.size {
		return make([]T, n)
	}
	if len(s.chunks) == 0 {
		s.chunks = append(s.chunks, make([]T, s.size))
	}
	if s.off+n > s.size {
		s.cur++
		s.off = 0
		if s.cur == len(s.chunks) {
			s.chunks = append(s.chunks, make([]T, s.size))
		}
	}
	out := s.chunks[s.cur][s.off : s.off+n : s.off+n]
	s.off += n
	return out
}

// reset zeroes what was handed out (so that a chunk neither keeps an
// article's data alive nor hands out stale values) and makes it free.
// The chunks past maxSlabChunks are dropped without being zeroed: left to
// the collector, they keep nothing alive and hand nothing out. Zeroed
// before they were dropped, they were megabytes written for nothing after
// every 100,000-word comparison, a sixtieth of its time.
func (s *slab[T]) reset() {
	if len(s.chunks) == 0 {
		return
	}
	if len(s.chunks) > maxSlabChunks {
		clear(s.chunks[maxSlabChunks:])
		s.chunks = s.chunks[:maxSlabChunks]
	}
	for i := 0; i < min(s.cur, len(s.chunks)); i++ {
		clear(s.chunks[i])
	}
	if s.cur < len(s.chunks) {
		clear(s.chunks[s.cur][:s.off])
	}
	s.cur, s.off = 0, 0
}

// matchers keeps matchers between comparisons with their maps, buffers
// and slabs; Compare may run in many goroutines, and each takes its own.
var matchers = sync.Pool{New: func() any { return newMatcher(nil) }}

// maxKeptMapLen is the most entries a map may hold and be kept with a
// pooled matcher: a comparison of news articles holds a few thousand, and
// a cleared map keeps its table, so a hostile text's is dropped.
const maxKeptMapLen = 1 << 15

// takeMatcher returns a matcher from the pool, set up for one comparison
// with md.
func takeMatcher(md *Model) *matcher {
	m := matchers.Get().(*matcher)
	m.model = md
	return m
}

// release empties m of everything of its comparison and returns it to
// the pool. Nothing m holds may be used after.
func (m *matcher) release() {
	m.empty()
	matchers.Put(m)
}

// empty drops everything of m's comparison, keeping only what may serve
// the next one within the bounds above.
func (m *matcher) empty() {
	m.model, m.ctx, m.collect, m.fitting = nil, nil, nil, false
	m.forms.article = nil
	clear(m.forms.forms)
	clear(m.contentA)
	clear(m.contentB)
	// near grows with the pair's sentences and kinds with its longest
	// sentence; the quotation tables are bounded by maxQuotedWords but
	// held to the same bound, so that every buffer of an idle matcher is.
	m.near, m.kinds = keptBuf(m.near), keptBuf(m.kinds)
	m.lemmaBuf, m.groupBuf, m.stopBuf = keptBuf(m.lemmaBuf), keptBuf(m.groupBuf), keptBuf(m.stopBuf)
	m.sortBuf = keptBuf(m.sortBuf)
	m.quoteRows, m.contentRows = keptBuf(m.quoteRows), keptBuf(m.contentRows)
	m.contentA, m.contentB = keptBuf(m.contentA), keptBuf(m.contentB)
	m.phraseRuns, m.phraseWords = keptBuf(m.phraseRuns), keptBuf(m.phraseWords)
	m.partnerWords = keptBuf(m.partnerWords)
	m.lemmaIDs.trim()
	m.wordIDs.trim()
	m.df, m.idfOfCount = keptBuf(m.df), keptBuf(m.idfOfCount)
	m.groupsOf = keptMap(m.groupsOf)
	m.seen = keptMap(m.seen)
	m.meanings = keptMap(m.meanings)
	m.ldf, m.lidf = keptBuf(m.ldf), keptBuf(m.lidf)
	m.found, m.touched, m.best, m.runs = keptBuf(m.found), keptBuf(m.touched), keptBuf(m.best), keptBuf(m.runs)
	m.gramBuf = keptBuf(m.gramBuf)
	m.forms.forms, m.forms.groups = keptBuf(m.forms.forms), keptBuf(m.forms.groups)
	// The readings go before the slabs they were weighed from.
	m.keepReadings()
	m.rd = nil
	m.weights.reset()
	m.ids.reset()
	m.floats.reset()
	m.flags.reset()
	m.lists.reset()
	m.classIDs.trim()
	m.exact.trim()
	m.grams.trim()
	m.nearGrams.trim()
	m.lineGrams.trim()
	m.nearTried, m.nearKeyBuf = keptBuf(m.nearTried), keptBuf(m.nearKeyBuf)
	if m.differ != nil {
		m.differ.reset()
		m.differ.trimBuffers()
	}
}

// maxKeptBufBytes is the most a buffer sized by the articles (the
// candidate search's touched classes, the per-form and per-lemma tables,
// the Differ's runes and runs) may hold and be kept with a pooled matcher,
// the same as a slab. Their size follows the longest article compared:
// after a 5 MiB article the candidate search's buffer alone kept 7.4 MB,
// and the idle matcher held 16.2 MB in all (8.8 MB with this bound).
const maxKeptBufBytes = maxSlabChunks * slabChunkBytes

// keptBuf returns buf emptied, or nil when its capacity passes
// maxKeptBufBytes.
func keptBuf[T any](buf []T) []T {
	var zero T
	if cap(buf)*int(unsafe.Sizeof(zero)) > maxKeptBufBytes {
		return nil
	}
	return buf[:0]
}

// trimBuffers drops those of d's buffers that grew past maxKeptBufBytes;
// the Differ makes them again as a diff needs them.
func (d *Differ) trimBuffers() {
	for i := range d.byArticle {
		d.byArticle[i].runes = keptBuf(d.byArticle[i].runes)
	}
	d.ma, d.mb, d.la, d.lb = keptBuf(d.ma), keptBuf(d.mb), keptBuf(d.la), keptBuf(d.lb)
	d.lpos, d.rpos = keptBuf(d.lpos), keptBuf(d.rpos)
	d.solidRuns, d.runs, d.folded = keptBuf(d.solidRuns), keptBuf(d.runs), keptBuf(d.folded)
	d.offL, d.offR, d.words, d.stretch = keptBuf(d.offL), keptBuf(d.offR), keptBuf(d.words), keptBuf(d.stretch)
}

// resized returns buf holding n zero values, reusing its memory when it
// is large enough.
func resized[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

// keptMap returns x cleared, or a new map when it grew too large to keep.
func keptMap[K comparable, V any](x map[K]V) map[K]V {
	if x == nil || len(x) > maxKeptMapLen {
		return make(map[K]V)
	}
	clear(x)
	return x
}

// takeDiffer returns the matcher's Differ, as new: one kept with a pooled
// matcher keeps its map's table and its buffers for the next comparison.
func (m *matcher) takeDiffer() *Differ {
	if m.differ == nil {
		m.differ = NewDiffer()
	}
	return m.differ
}
