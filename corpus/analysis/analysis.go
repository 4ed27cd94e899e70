// Package analysis reads one story across all its outlets at once: the
// coverage matrix (who reports how much of whom), the passages only one
// outlet has, the runs of words outlets copy verbatim, and the facts
// (days, numbers, names, attributions) they disagree on; quotations are
// package quote's. It builds on pairwise comparisons (package compare) and
// knows nothing of terminals.
//
// facts.go runs past 600 lines: finding the facts in each article, linking
// the mentions of one fact across outlets and telling a disagreement from a
// different event share one notion of a mention and its sentence.
package analysis

import (
	"cmp"
	"context"
	"slices"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis/quote"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/corpus/internal/unionfind"
)

// Analysis is what a story's articles say across all outlets at once: who
// shares what with whom, what only one outlet reports, and which passages
// are copied word for word.
type Analysis struct {
	Story    *corpus.Story
	Articles []*corpus.Article
	// Pairs holds the comparison of every pair i < j, as Pairs[i][j]; the
	// comparison of j with i is read from the same value's right side, so
	// that every figure is symmetric by construction.
	Pairs    [][]*compare.Comparison
	Coverage [][]Coverage // Coverage[i][j]: article i against article j
	Unique   [][]Passage  // per article, the passages no other outlet pairs with
	Verbatim []VerbatimRun
	Quotes   []quote.Group // the story's quotations, grouped by utterance
	// ShortQuotes are the quotes under quote.MinWords words, which
	// grouping leaves out, gathered by wording (see quote.GroupAll).
	ShortQuotes []quote.Group
	// Note says why Articles holds fewer articles than the story, or is
	// zero when it holds them all.
	Note Limit
	// VerbatimNote says why Verbatim is empty without looking (see
	// MaxVerbatimWords), or is zero when it was looked for.
	VerbatimNote VerbatimLimit
	facts        []Disagreement
}

// Coverage says how much of one article (the row) another (the column)
// also reports.
type Coverage struct {
	// Aligned is the share of the row article's prose words that sit in
	// passages paired with the column article.
	Aligned float64
	// Verbatim is the share of the row article's prose words that the
	// column article has word for word in a paired passage.
	Verbatim float64
	// EqualWords is the number of words the two articles have equal in
	// paired passages; the same from either side.
	EqualWords int
}

// Passage is a run of sentences of one article.
type Passage struct {
	Article   *corpus.Article
	Sentences corpus.Range
	Span      corpus.Span
}

// VerbatimRun is a run of words that two or more outlets print word for
// word (in matching form): agency copy, or one outlet republishing another.
type VerbatimRun struct {
	// Spans holds one span per carrying article, in article order: all
	// it shares with the run's other carriers, or with some of them.
	Spans []ArticleSpan
	// Common is the longest stretch of words that every carrier prints,
	// in the first carrier's text; Words counts them. Carriers that share
	// words in links of a chain (A with B, B with C), none all at once,
	// make a run of two carriers for each link.
	Common ArticleSpan
	Words  int
	// At holds, for each carrier in Spans' order, where in its text the
	// words of Common start. A carrier's span may begin well before them,
	// in another paragraph ("…against a political opponent. “This has
	// gone…", where the others print only the second sentence), and the
	// paragraph shown beside the run is the one its words are in.
	At []int
}

// Paragraph returns the paragraph of carrier i (an index into Spans)
// that holds the start of the run's common words, numbered as
// corpus.Article.ParagraphAt numbers them.
func (r VerbatimRun) Paragraph(i int) int {
	return r.Spans[i].Article.ParagraphAt(r.At[i])
}

// ArticleSpan is a span of one article.
type ArticleSpan struct {
	Article *corpus.Article
	Span    corpus.Span
}

// MinVerbatimRun is the fewest consecutive words two outlets must share
// for a verbatim run: shorter runs are set phrases and names ("the
// Democratic National Committee"), longer ones are copy.
const MinVerbatimRun = 12

// Analyze compares every pair of the story's articles (through pairs, when
// given) and derives the coverage matrix, unique passages, verbatim runs
// and quote groups. It stops with ctx's error when ctx is done first.
// Comparing every pair grows with the square of the story's size, so only
// the first MaxArticles articles are analysed, and fewer if the
// comparisons outlast Budget; Note then says so.
func Analyze(ctx context.Context, s *corpus.Story, pairs *compare.Cache) (*Analysis, error) {
	arts, cmps, note, err := comparePairs(ctx, s.Articles, s.Unread, pairs)
	if err != nil {
		return nil, err
	}
	n := len(arts)
	an := &Analysis{Story: s, Articles: arts, Pairs: cmps, Coverage: make([][]Coverage, n), Note: note}
	for i := range arts {
		an.Coverage[i] = make([]Coverage, n)
	}
	an.coverage()
	an.unique()
	an.Verbatim, an.VerbatimNote = boundedVerbatimRuns(arts, MinVerbatimRun)
	an.Quotes, an.ShortQuotes = quote.GroupAll(arts)
	an.facts = an.disagreements()
	return an, nil
}

// Comparison returns the comparison of articles i and j and whether it
// must be read mirrored (i > j: its Left is article j).
func (an *Analysis) Comparison(i, j int) (c *compare.Comparison, mirrored bool) {
	if i < j {
		return an.Pairs[i][j], false
	}
	return an.Pairs[j][i], true
}

func (an *Analysis) coverage() {
	n := len(an.Articles)
	words := make([]int, n)
	for i, a := range an.Articles {
		words[i] = a.ProseWords()
	}
	share := func(x, total int) float64 {
		if total == 0 {
			return 0
		}
		return float64(x) / float64(total)
	}
	for i := range n {
		an.Coverage[i][i] = Coverage{Aligned: 1, Verbatim: 1, EqualWords: words[i]}
		for j := i + 1; j < n; j++ {
			c := an.Pairs[i][j]
			var alignedL, alignedR, equal int
			for _, b := range c.Blocks {
				if (b.Kind != compare.Aligned && b.Kind != compare.Moved) || b.Role != corpus.RoleProse {
					continue
				}
				e, l, r := compare.OpWords(c.Left, c.Right, b.Ops)
				equal += e
				alignedL += l
				alignedR += r
			}
			an.Coverage[i][j] = Coverage{Aligned: share(alignedL, words[i]), Verbatim: share(equal, words[i]), EqualWords: equal}
			an.Coverage[j][i] = Coverage{Aligned: share(alignedR, words[j]), Verbatim: share(equal, words[j]), EqualWords: equal}
		}
	}
}

// unique finds, for each article, the prose sentences that are one-sided in
// every comparison with another outlet (and repeat no paired passage), and
// that no other outlet's sentence echoes in other words (see echoed), nor
// only introduce a passage another outlet reports (see introducesPaired),
// and joins adjacent ones of a paragraph into passages. A sentence of
// nothing but quote marks (a closing mark set apart) opens no passage.
func (an *Analysis) unique() {
	n := len(an.Articles)
	an.Unique = make([][]Passage, n)
	pairedOf := make([][]bool, n)
	for i, a := range an.Articles {
		paired := make([]bool, len(a.Sentences))
		pairedOf[i] = paired
		for j := range n {
			if j == i {
				continue
			}
			c, mirrored := an.Comparison(i, j)
			for _, b := range c.Blocks {
				sents := b.LeftSentences
				if mirrored {
					sents = b.RightSentences
				}
				if b.Kind == compare.Aligned || b.Kind == compare.Moved || b.Repeats >= 0 {
					for s := sents.Start; s < sents.End; s++ {
						paired[s] = true
					}
				}
			}
		}
	}
	echoes := echoed(an.Articles, pairedOf)
	for i, a := range an.Articles {
		paired := pairedOf[i]
		var ps []Passage
		for si, s := range a.Sentences {
			if paired[si] || echoes[i][si] || introducesPaired(a, paired, si) || a.Paragraphs[s.Para()].Role != corpus.RoleProse {
				continue
			}
			if k := len(ps) - 1; k >= 0 && ps[k].Sentences.End == si && a.Sentences[si-1].Para() == s.Para() {
				ps[k].Sentences.End = si + 1
				ps[k].Span.End = s.Span().End
				continue
			}
			if onlyMarks(a, s.Tokens()) {
				// `… violence. "`: a closing mark the splitter set
				// apart from the sentence it closes, which another
				// outlet reports, is no passage of its own.
				continue
			}
			ps = append(ps, Passage{Article: a, Sentences: corpus.Range{Start: si, End: si + 1}, Span: s.Span()})
		}
		an.Unique[i] = ps
	}
}

// onlyMarks reports whether the tokens r of a hold quote marks and
// nothing else but space.
func onlyMarks(a *corpus.Article, r corpus.Range) bool {
	marks := 0
	for k := r.Start; k < r.End; k++ {
		switch a.Tokens.Kind(k) {
		case corpus.TokSpace, corpus.TokControl:
			continue
		case corpus.TokPunct:
			if isQuoteMark(a.Tokens.Form(k)) {
				marks++
				continue
			}
		}
		return false
	}
	return marks > 0
}

// introducesPaired reports whether sentence si of a ends with a colon and
// the sentence after it, what it introduces, is paired with another
// outlet: "On Twitter, Miller wrote:" over a tweet every outlet quotes says
// who spoke, as the others do, and nothing of its own.
func introducesPaired(a *corpus.Article, paired []bool, si int) bool {
	if si+1 >= len(a.Sentences) || !paired[si+1] {
		return false
	}
	r := a.Sentences[si].Tokens()
	for k := r.End - 1; k >= r.Start; k-- {
		switch a.Tokens.Kind(k) {
		case corpus.TokSpace, corpus.TokControl:
			continue
		case corpus.TokPunct:
			return a.Tokens.Form(k) == ":"
		}
		return false
	}
	return false
}

// VerbatimRuns finds the runs of at least minWords consecutive prose words
// that two or more of arts share in matching form. Runs are found through
// an index of hashed minWords-grams, so the work grows with the text, not
// with the square of it; runs over the same words of one article are
// joined, so a paragraph three outlets copy is one run with three carriers.
func VerbatimRuns(arts []*corpus.Article, minWords int) []VerbatimRun {
	if minWords < 1 {
		minWords = 1
	}
	type stream struct {
		hashes []uint64
		spans  []corpus.Span
	}
	streams := make([]stream, len(arts))
	type pos struct{ art, at int32 }
	index := make(map[uint64][]pos)
	for ai, a := range arts {
		st := &streams[ai]
		for _, p := range a.Paragraphs {
			if p.Role != corpus.RoleProse {
				continue
			}
			for si := p.Sentences.Start; si < p.Sentences.End; si++ {
				for _, t := range a.Tokens.In(a.Sentences[si].Tokens()).All() {
					if t.Kind == corpus.TokWord {
						st.hashes = append(st.hashes, corpus.HashForm(t.Form))
						st.spans = append(st.spans, t.Span)
					}
				}
			}
		}
		for k := 0; k+minWords <= len(st.hashes); k++ {
			h := corpus.HashWords(st.hashes[k : k+minWords])
			index[h] = append(index[h], pos{int32(ai), int32(k)})
		}
	}
	// Mark, per article, which gram starts are shared with another
	// article, and link the overlapping word ranges across articles with a
	// union-find over (article, gram start).
	offset := make([]int, len(arts)+1)
	for ai := range arts {
		offset[ai+1] = offset[ai] + max(0, len(streams[ai].hashes)-minWords+1)
	}
	sets := unionfind.New(offset[len(arts)])
	shared := make([]bool, len(sets))
	for _, ps := range index {
		other := false
		for _, p := range ps[1:] {
			if p.art != ps[0].art {
				other = true
				break
			}
		}
		if !other {
			continue
		}
		first := int32(offset[ps[0].art]) + ps[0].at
		for _, p := range ps {
			id := int32(offset[p.art]) + p.at
			shared[id] = true
			sets.Union(first, id)
		}
	}
	// Consecutive shared grams of one article cover one run of words.
	for ai := range arts {
		for k := offset[ai] + 1; k < offset[ai+1]; k++ {
			if shared[k] && shared[k-1] {
				sets.Union(int32(k-1), int32(k))
			}
		}
	}
	// Collect each component's word range per article.
	type extent struct{ from, to int } // word indexes, half-open
	comps := make(map[int32]map[int]extent)
	var order []int32
	for ai := range arts {
		for k := offset[ai]; k < offset[ai+1]; k++ {
			if !shared[k] {
				continue
			}
			root := sets.Find(int32(k))
			m, ok := comps[root]
			if !ok {
				m = make(map[int]extent)
				comps[root] = m
				order = append(order, root)
			}
			// An article that prints the run twice keeps its longest copy.
			w := k - offset[ai]
			e, ok := m[ai]
			switch {
			case !ok:
				m[ai] = extent{w, w + minWords}
			case w+minWords-1 == e.to: // the next gram of the same copy
				m[ai] = extent{e.from, e.to + 1}
			case minWords > e.to-e.from:
				m[ai] = extent{w, w + minWords}
			}
		}
	}
	var runs []VerbatimRun
	var carriers []int
	for _, root := range order {
		m := comps[root]
		if len(m) < 2 {
			continue
		}
		r := VerbatimRun{}
		carriers = carriers[:0]
		for ai := range arts {
			e, ok := m[ai]
			if !ok {
				continue
			}
			carriers = append(carriers, ai)
			st := streams[ai]
			r.Spans = append(r.Spans, ArticleSpan{arts[ai], corpus.Span{Start: st.spans[e.from].Start, End: st.spans[e.to-1].End}})
		}
		// The words every carrier prints: with three or more, each
		// shares its span with some other, and the spans may differ at
		// their ends ("published Sunday. “For the country…” she").
		first := carriers[0]
		// printedAt is where carrier ai prints the gram h within its
		// stretch, as a word index of its stream; -1 where it does not.
		printedAt := func(ai int, h uint64) int {
			e := m[ai]
			for _, p := range index[h] {
				if int(p.art) == ai && int(p.at) >= e.from && int(p.at)+minWords <= e.to {
					return int(p.at)
				}
			}
			return -1
		}
		from, to := commonWords(streams[first].hashes, m[first].from, m[first].to, minWords, func(h uint64) bool {
			for _, ai := range carriers[1:] {
				if printedAt(ai, h) < 0 {
					return false
				}
			}
			return true
		})
		if to-from < minWords {
			// Shared in links of a chain (A with B, B with C) rather
			// than by all at once: each link is a run of its own, of
			// the words its two carriers print, since no words are
			// printed by all of them.
			for x, ai := range carriers {
				for _, aj := range carriers[x+1:] {
					from, to := commonWords(streams[ai].hashes, m[ai].from, m[ai].to, minWords, func(h uint64) bool {
						return printedAt(aj, h) >= 0
					})
					if to-from < minWords {
						continue
					}
					var link VerbatimRun
					link.Words = to - from
					for _, ak := range []int{ai, aj} {
						at := from
						if ak == aj {
							at = printedAt(aj, corpus.HashWords(streams[ai].hashes[from:from+minWords]))
						}
						sp := streams[ak].spans
						span := corpus.Span{Start: sp[at].Start, End: sp[min(at+to-from, m[ak].to)-1].End}
						link.Spans = append(link.Spans, ArticleSpan{arts[ak], span})
						link.At = append(link.At, span.Start)
					}
					link.Common = link.Spans[0]
					runs = append(runs, link)
				}
			}
			continue
		}
		st := streams[first]
		r.Common = ArticleSpan{arts[first], corpus.Span{Start: st.spans[from].Start, End: st.spans[to-1].End}}
		r.Words = to - from
		// Where each carrier prints the common words: its first place
		// within its span that has their first minWords-word gram.
		gram := corpus.HashWords(st.hashes[from : from+minWords])
		for k, ai := range carriers {
			at := r.Spans[k].Span.Start
			if w := printedAt(ai, gram); w >= 0 {
				at = streams[ai].spans[w].Start
			}
			r.At = append(r.At, at)
		}
		runs = append(runs, r)
	}
	slices.SortStableFunc(runs, func(a, b VerbatimRun) int {
		if c := cmp.Compare(len(b.Spans), len(a.Spans)); c != 0 {
			return c
		}
		return cmp.Compare(b.Words, a.Words)
	})
	return runs
}

// commonWords returns the longest word range within [from, to) of an
// article's word hashes whose every gram of minWords words all holds
// true of: the words each other carrier of a run prints too.
func commonWords(hashes []uint64, from, to, minWords int, all func(gram uint64) bool) (int, int) {
	bestFrom, bestTo := 0, 0
	start := -1 // the first gram of the stretch being read
	for k := from; k+minWords <= to+1; k++ {
		ok := k+minWords <= to && all(corpus.HashWords(hashes[k:k+minWords]))
		switch {
		case ok && start < 0:
			start = k
		case !ok && start >= 0:
			if end := k - 1 + minWords; end-start > bestTo-bestFrom {
				bestFrom, bestTo = start, end
			}
			start = -1
		}
	}
	return bestFrom, bestTo
}
