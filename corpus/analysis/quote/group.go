package quote

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/corpus/internal/unionfind"
)

// Grouping: the quotes of one utterance across articles, joined strongest
// first under the rule that keeps an article's member consecutive.

// Groups groups the quotes of arts (the articles of one story) by
// utterance: quotes from different articles that give the same words, or
// one of them more of the words than the other, or the same words with a
// few changed. Each group holds at most one quote per article; an
// article's consecutive quotes of one speaker may together be its member
// when another outlet quotes them as one (see Quote.Parts). Short quotes
// take no part; every other quote is in exactly one group, alone if no
// other outlet carries it, except an article's repeat of an utterance it
// already carries in a group.
//
// Each article's quotes are Extract's, but for one thing the story's
// other reports tell: a "he" or "she" after a lone surname takes it when
// another report writes it as a person's (see namesPerson).
//
// Groups come by number of outlets, most first, then in order of first
// appearance (the first article carrying them, then position in it).
// Groups only reads the articles; it is safe to call concurrently.
func Groups(arts []*corpus.Article) []Group {
	groups, _ := GroupAll(arts)
	return groups
}

// GroupAll returns Groups(arts), and the short quotes of arts (scare
// quotes and quoted phrases: “beauties”, “alarm”) gathered by wording, one
// quote per article in a group, most outlets first; both from one
// extraction of each article's quotes.
func GroupAll(arts []*corpus.Article) (groups, short []Group) {
	g := &grouper{ids: make(map[string]int32)}
	seen := make(map[*corpus.Article]bool, len(arts))
	for _, a := range arts {
		if a != nil && !seen[a] {
			seen[a] = true
			g.arts = append(g.arts, a)
		}
	}
	g.weigh()
	g.collect()
	short = shortGroups(g.short)
	if len(g.units) == 0 {
		return nil, short
	}
	g.join(g.edges())
	return g.groups(), short
}

// unit is a quote taking part in grouping.
type unit struct {
	q   Quote
	art int // index into grouper.arts
	bag []bagItem
	// seq is the quote's word forms (by id) in text order.
	seq    []int32
	weight float64
	// Consecutive quotes of one speaker in one article, in the same or
	// adjacent paragraphs, share a chain; pos is the place in it.
	chain, pos int
}

// bagItem is a word form (by id) and how often a quote has it; bags are
// sorted by id.
type bagItem struct{ id, n int32 }

// grouper holds the state of one Groups call.
type grouper struct {
	arts   []*corpus.Article
	ids    map[string]int32
	idf    []float64
	stop   []bool // per form id: a stopword
	units  []unit
	short  []Quote // the Short quotes, which take no part in grouping
	parent unionfind.Sets
	// members[root] lists a component's units.
	members [][]int32
}

// weigh sets each word form's IDF over the sentences of all articles.
func (g *grouper) weigh() {
	var df, stamp []int32
	n := 0
	for _, a := range g.arts {
		for _, se := range a.Sentences {
			n++
			for _, t := range a.Tokens.In(se.Tokens()).All() {
				if t.Kind != corpus.TokWord {
					continue
				}
				id, ok := g.ids[t.Form]
				if !ok {
					id = int32(len(df))
					g.ids[t.Form] = id
					df = append(df, 0)
					stamp = append(stamp, -1)
				}
				if stamp[id] != int32(n) {
					stamp[id] = int32(n)
					df[id]++
				}
			}
		}
	}
	g.idf = make([]float64, len(df))
	g.stop = make([]bool, len(df))
	for i, d := range df {
		g.idf[i] = math.Log(1 + float64(n)/float64(d))
	}
	for f, id := range g.ids {
		g.stop[id] = corpus.IsStopword(f)
	}
}

// form returns the id of a word form, adding it (as a word seen once) if
// no sentence had it.
func (g *grouper) form(f string) int32 {
	id, ok := g.ids[f]
	if !ok {
		id = int32(len(g.idf))
		g.ids[f] = id
		g.idf = append(g.idf, math.Log(2+float64(len(g.idf))))
		g.stop = append(g.stop, corpus.IsStopword(f))
	}
	return id
}

// collect extracts every article's quotes, keeps those that are not
// Short as units, and links consecutive ones into chains; the Short ones
// it sets aside.
func (g *grouper) collect() {
	story := newStoryNames(g.arts)
	chain := -1
	for ai, a := range g.arts {
		prevPara, prevSpeaker, pos := -10, "", 0
		for _, q := range extractIn(a, story) {
			if q.Short {
				g.short = append(g.short, q)
				continue
			}
			if q.Para-prevPara <= 1 && speakersCompatible(q.Speaker, prevSpeaker) {
				pos++
			} else {
				chain++
				pos, prevSpeaker = 0, ""
			}
			prevPara = a.ParagraphAt(q.Parts[len(q.Parts)-1].Start) - 1
			if q.Speaker != "" {
				prevSpeaker = q.Speaker
			}
			u := unit{q: q, art: ai, chain: chain, pos: pos}
			var ids []int32
			for _, p := range q.Parts {
				r := a.TokensIn(p)
				for _, t := range a.Tokens.In(r).All() {
					if t.Kind == corpus.TokWord {
						ids = append(ids, g.form(t.Form))
					}
				}
			}
			u.seq = slices.Clone(ids)
			u.bag = newBag(ids)
			for _, b := range u.bag {
				u.weight += float64(b.n) * g.idf[b.id]
			}
			g.units = append(g.units, u)
		}
	}
}

// newBag counts the form ids of one quote.
func newBag(ids []int32) []bagItem {
	slices.Sort(ids)
	var bag []bagItem
	for _, id := range ids {
		if k := len(bag) - 1; k >= 0 && bag[k].id == id {
			bag[k].n++
		} else {
			bag = append(bag, bagItem{id, 1})
		}
	}
	return bag
}

// bagSum adds bags.
func bagSum(bags ...[]bagItem) []bagItem {
	var ids []int32
	for _, b := range bags {
		for _, it := range b {
			for range it.n {
				ids = append(ids, it.id)
			}
		}
	}
	return newBag(ids)
}

// shared returns the IDF weight, the number of words and the number of
// content words (not stopwords) two bags share.
func (g *grouper) shared(x, y []bagItem) (w float64, n, content int) {
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i].id < y[j].id:
			i++
		case x[i].id > y[j].id:
			j++
		default:
			m := min(x[i].n, y[j].n)
			w += float64(m) * g.idf[x[i].id]
			n += int(m)
			if !g.stop[x[i].id] {
				content += int(m)
			}
			i++
			j++
		}
	}
	return w, n, content
}

func (g *grouper) bagWeight(b []bagItem) float64 {
	w := 0.0
	for _, it := range b {
		w += float64(it.n) * g.idf[it.id]
	}
	return w
}

// speakersCompatible reports whether two quotes' speakers may be one
// person: either is unknown or a pronoun, or their names end alike.
func speakersCompatible(x, y string) bool {
	return x == "" || y == "" || wordSets().pronounWords[x] || wordSets().pronounWords[y] || speakerKey(x) == speakerKey(y)
}

// edge is a pair of quotes of different articles that may be the same
// utterance.
type edge struct {
	u, v    int32
	contain float64
	weight  float64
	words   int
}

// edges finds the pairs of quotes that share enough of their words. Only
// pairs that share one of a quote's rarest words are scored.
func (g *grouper) edges() []edge {
	postings := make(map[int32][]int32)
	for ui, u := range g.units {
		for _, b := range u.bag {
			postings[b.id] = append(postings[b.id], int32(ui))
		}
	}
	seen := make(map[[2]int32]bool)
	var out []edge
	var rare []bagItem
	for ui := range g.units {
		u := &g.units[ui]
		rare = append(rare[:0], u.bag...)
		slices.SortFunc(rare, func(x, y bagItem) int {
			if c := cmp.Compare(g.idf[y.id], g.idf[x.id]); c != 0 {
				return c
			}
			return cmp.Compare(x.id, y.id)
		})
		for _, b := range rare[:min(len(rare), indexWords)] {
			list := postings[b.id]
			if len(list) > maxPosting {
				continue
			}
			for _, vi := range list {
				v := &g.units[vi]
				if v.art == u.art {
					continue
				}
				key := [2]int32{min(int32(ui), vi), max(int32(ui), vi)}
				if seen[key] {
					continue
				}
				seen[key] = true
				w, n, content := g.shared(u.bag, v.bag)
				small := min(u.weight, v.weight)
				if small <= 0 || n < sharedMin || content < sharedContent && !insertedVariant(u, v) {
					continue
				}
				if c := w / small; c >= containMin {
					out = append(out, edge{u: key[0], v: key[1], contain: c, weight: w, words: n})
				}
			}
		}
	}
	slices.SortFunc(out, func(x, y edge) int {
		if c := cmp.Compare(y.contain, x.contain); c != 0 {
			return c
		}
		if c := cmp.Compare(y.weight, x.weight); c != 0 {
			return c
		}
		if c := cmp.Compare(x.u, y.u); c != 0 {
			return c
		}
		return cmp.Compare(x.v, y.v)
	})
	return out
}

// insertedVariant reports whether two quotes are one wording, the longer
// having at most insertedWords words that the shorter lacks and the
// shorter every word of the longer's other words in their order ("We are
// doing everything we can" and "We are doing everything we possibly
// can"), and their speakers may be one person. Such a pair is the same
// utterance even when the words they share are mostly function words,
// which alone are too weak a likeness for quotes whose words differ
// otherwise.
func insertedVariant(u, v *unit) bool {
	short, long := u.seq, v.seq
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(short) < MinWords || len(long)-len(short) > insertedWords || !speakersCompatible(u.q.Speaker, v.q.Speaker) {
		return false
	}
	i := 0
	for _, id := range long {
		if i < len(short) && short[i] == id {
			i++
		}
	}
	return i == len(short)
}

// find returns the root of i's component.
func (g *grouper) find(i int32) int32 { return g.parent.Find(i) }

// join unites the quotes of each edge, strongest first, unless that would
// put two quotes of one article in a group that are not consecutive in one
// chain, which only an edge strong enough to be a repeat may do.
func (g *grouper) join(edges []edge) {
	g.parent = unionfind.New(len(g.units))
	g.members = make([][]int32, len(g.units))
	for i := range g.units {
		g.members[i] = []int32{int32(i)}
	}
	for _, e := range edges {
		ru, rv := g.find(e.u), g.find(e.v)
		if ru == rv {
			continue
		}
		repeat := e.contain >= repeatContain && e.words >= repeatShared
		if !repeat && !g.consecutive(ru, rv) {
			continue
		}
		if len(g.members[ru]) < len(g.members[rv]) {
			ru, rv = rv, ru
		}
		g.parent.Link(ru, rv)
		g.members[ru] = append(g.members[ru], g.members[rv]...)
		g.members[rv] = nil
	}
}

// consecutive reports whether merging two components keeps, for every
// article, its quotes in them consecutive in one chain.
func (g *grouper) consecutive(ru, rv int32) bool {
	for _, x := range g.members[rv] {
		ux := g.units[x]
		var pos []int
		for _, y := range g.members[ru] {
			uy := g.units[y]
			if uy.art != ux.art {
				continue
			}
			if uy.chain != ux.chain {
				return false
			}
			pos = append(pos, uy.pos)
		}
		if len(pos) == 0 {
			continue
		}
		for _, y := range g.members[rv] {
			if uy := g.units[y]; uy.art == ux.art {
				if uy.chain != ux.chain {
					return false
				}
				pos = append(pos, uy.pos)
			}
		}
		slices.Sort(pos)
		pos = slices.Compact(pos)
		if pos[len(pos)-1]-pos[0]+1 != len(pos) {
			return false
		}
	}
	return true
}

// groups builds the QuoteGroups from the components.
func (g *grouper) groups() []Group {
	d := compare.NewDiffer()
	var out []Group
	for root, ms := range g.members {
		if len(ms) == 0 || g.find(int32(root)) != int32(root) {
			continue
		}
		slices.Sort(ms)
		var qs []Quote
		var bags [][]bagItem
		// Units are in article order, and in text order within one.
		for i := 0; i < len(ms); {
			j := i
			for j < len(ms) && g.units[ms[j]].art == g.units[ms[i]].art {
				j++
			}
			others := slices.Concat(ms[:i], ms[j:])
			q, bag := g.member(ms[i:j], others)
			qs = append(qs, q)
			bags = append(bags, bag)
			i = j
		}
		grp := Group{Quotes: qs, Common: g.common(bags), Speaker: groupSpeaker(qs)}
		grp.Ops = make([][]compare.Op, len(qs))
		for i, q := range qs {
			grp.Ops[i] = opsBetween(d, qs[grp.Common], q)
		}
		out = append(out, grp)
	}
	artOf := make(map[*corpus.Article]int, len(g.arts))
	for i, a := range g.arts {
		artOf[a] = i
	}
	slices.SortStableFunc(out, func(x, y Group) int {
		if c := cmp.Compare(len(y.Quotes), len(x.Quotes)); c != 0 {
			return c
		}
		if c := cmp.Compare(artOf[x.Quotes[0].Article], artOf[y.Quotes[0].Article]); c != 0 {
			return c
		}
		return cmp.Compare(x.Quotes[0].Span.Start, y.Quotes[0].Span.Start)
	})
	return out
}

// member returns one article's quote in a group, and its bag: the run
// of its units there that are consecutive in one chain, joined, that is
// most like the other articles' units (others), the longest on a tie. An
// article that carries an utterance twice, a question once as it was put
// and once in a fuller form, is shown by the wording the other outlets
// share: the longer one would show the article as rewording what it also
// prints word for word.
func (g *grouper) member(us, others []int32) (Quote, []bagItem) {
	best, bestWords, bestScore := us[:1], -1, -1.0
	for i := 0; i < len(us); {
		j := i + 1
		for j < len(us) && g.units[us[j]].chain == g.units[us[i]].chain && g.units[us[j]].pos == g.units[us[j-1]].pos+1 {
			j++
		}
		words := 0
		bags := make([][]bagItem, 0, j-i)
		for _, u := range us[i:j] {
			words += g.units[u].q.Words
			bags = append(bags, g.units[u].bag)
		}
		score := g.likeness(bagSum(bags...), others)
		if score > bestScore+1e-9 || score > bestScore-1e-9 && words > bestWords {
			best, bestWords, bestScore = us[i:j], words, score
		}
		i = j
	}
	if len(best) == 1 {
		return g.units[best[0]].q, g.units[best[0]].bag
	}
	q := g.units[best[0]].q
	q.Parts = nil
	q.Words = 0
	q.Hedges = nil
	bags := make([][]bagItem, 0, len(best))
	for _, u := range best {
		p := g.units[u].q
		q.Parts = append(q.Parts, p.Parts...)
		q.Words += p.Words
		q.Block = q.Block || p.Block
		q.Unclosed = p.Unclosed
		if q.Speaker == "" {
			q.Speaker, q.Verb = p.Speaker, p.Verb
		}
		for _, h := range p.Hedges {
			if !slices.Contains(q.Hedges, h) {
				q.Hedges = append(q.Hedges, h)
			}
		}
		bags = append(bags, g.units[u].bag)
	}
	q.Span = corpus.Span{Start: q.Parts[0].Start, End: q.Parts[len(q.Parts)-1].End}
	settleJoints(&q)
	return q, bagSum(bags...)
}

// likeness returns how much bag is like the bags of units: the sum of
// their weighted Dice overlaps, as common weighs them.
func (g *grouper) likeness(bag []bagItem, units []int32) float64 {
	w := g.bagWeight(bag)
	score := 0.0
	for _, u := range units {
		b := g.units[u].bag
		score += g.dice(bag, b, w, g.bagWeight(b))
	}
	return score
}

// dice is the weighted Dice overlap of bags a and b, whose weights are
// wa and wb; 0 when both weigh nothing.
func (g *grouper) dice(a, b []bagItem, wa, wb float64) float64 {
	if wa+wb <= 0 {
		return 0
	}
	s, _, _ := g.shared(a, b)
	return 2 * s / (wa + wb)
}

// common returns the index of the bag most like the others: the largest
// sum of weighted Dice overlaps; the earliest on a tie.
func (g *grouper) common(bags [][]bagItem) int {
	if len(bags) < 3 {
		return 0
	}
	weights := make([]float64, len(bags))
	for i, b := range bags {
		weights[i] = g.bagWeight(b)
	}
	best, bestScore := 0, -1.0
	for i := range bags {
		score := 0.0
		for j := range bags {
			if i != j {
				score += g.dice(bags[i], bags[j], weights[i], weights[j])
			}
		}
		if score > bestScore+1e-9 {
			best, bestScore = i, score
		}
	}
	return best
}

// groupSpeaker returns the most common speaker of qs by name key, in the
// form most quotes give it (the longest on a tie); of speakers as common,
// the first that ends in a name ("Devin Nunes" rather than "chairmen",
// whichever outlet comes first). Pronouns never count: "he" heading a list
// of utterances names no one.
func groupSpeaker(qs []Quote) string {
	count := make(map[string]int)
	forms := make(map[string]map[string]int)
	named := make(map[string]bool)
	var keys []string
	for _, q := range qs {
		if q.Speaker == "" || wordSets().pronounWords[q.Speaker] {
			continue
		}
		k := speakerKey(q.Speaker)
		if count[k] == 0 {
			keys = append(keys, k)
			forms[k] = make(map[string]int)
		}
		count[k]++
		forms[k][q.Speaker]++
		named[k] = named[k] || endsInName(q.Speaker)
	}
	best := ""
	for _, k := range keys {
		if best == "" || count[k] > count[best] || count[k] == count[best] && named[k] && !named[best] {
			best = k
		}
	}
	if best == "" {
		return ""
	}
	name := ""
	for _, q := range qs {
		f := q.Speaker
		if n := forms[best][f]; n > 0 && (name == "" || n > forms[best][name] || n == forms[best][name] && len(f) > len(name)) {
			name = f
		}
	}
	return name
}

// endsInName reports whether a speaker's last word is capitalised: a
// name ("Nunes", "Goodlatte, Gowdy and Nunes"), not a description ("the
// chairmen", "Republican congressmen", "source: statement").
func endsInName(speaker string) bool {
	last := speaker[strings.LastIndexByte(speaker, ' ')+1:]
	r, _ := utf8.DecodeRuneInString(last)
	return unicode.IsUpper(r)
}

// IsPronoun reports whether speaker is a pronoun ("he", "they") rather
// than a name: what a sentence gives when it names no one.
func IsPronoun(speaker string) bool { return wordSets().pronounWords[strings.ToLower(speaker)] }
