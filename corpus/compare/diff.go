package compare

import (
	"slices"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// minEqualRun is the fewest words an equal run must hold to stand between
// two changes. Shorter islands ("the", "of Trump") are folded into the
// change around them, so that a change reads as one phrase rather than as
// scattered words that happen to coincide.
const minEqualRun = 3

// maxDiffTokens is the longest stretch (on either side) diffed in one
// piece, and diffChunk the size of the pieces a longer one is cut into.
// The minimal diff costs up to the product of the two lengths: 400 tokens
// is a long paragraph, and 200-token pieces keep a 5 MiB text that
// differs everywhere to a few seconds.
const (
	maxDiffTokens = 400
	diffChunk     = 200
)

// maxMappedForms is the most forms a Differ keeps mapped to runes between
// diffs: far more than a pair of articles uses (a 5 MiB article of prose,
// 20,000), so that only texts made of words used once start afresh.
const maxMappedForms = 1 << 16

// firstMappedForms is the size a Differ's form map is made for: the
// forms of a pair's paired passages, 74 for the seed pair 000-001 and
// 127 for the median pair of the stories corpus (nine in ten under 196,
// which a map made for 128 holds before it grows). Made for 512, its
// table was 25 KiB of fresh memory that the first diff of every run
// touched whole, six page faults; a longer pair grows it once and the
// pooled Differ keeps it.
const firstMappedForms = 128

// Differ diffs token ranges word by word. Each distinct matching form is
// mapped to one rune, the way go-diff's line mode maps lines, so that the
// diff runs over words rather than characters. A Differ is not safe for
// concurrent use; one comparison uses one Differ.
//
// The numbers a Differ gives forms are not runes: a diff of two texts of
// words never used twice numbers 1.2 million forms, past the last rune
// (utf8.MaxRune), where go-diff would see every word as U+FFFD and take
// different words for one. They are compared as numbers for the common
// prefix and suffix, and each piece go-diff gets is renumbered from 1 (see
// myers), a few hundred forms at most.
type Differ struct {
	dmp   *diffmatchpatch.DiffMatchPatch
	runes map[string]rune
	next  rune
	// local renumbers the forms of one piece for go-diff; la and lb hold
	// form numbers, and ma and mb a piece's renumbered runes.
	local  map[rune]rune
	ma, mb []rune
	la     []rune
	lb     []rune
	// lpos and rpos are the token indexes of la and lb's runes: int32,
	// since a pair may be a whole 5 MiB article a side.
	lpos, rpos []int32
	// runs and folded are a diff's runs and foldIslands' spare (each
	// pass writes the other), solidRuns the runs over solid tokens, and
	// offL, offR, words and stretch foldIslands' tables: only the ops a
	// diff returns outlive it, and a comparison makes thousands of diffs.
	solidRuns, runs, folded    []run
	offL, offR, words, stretch []int
	// byArticle caches the rune of each form of the two articles diffed
	// last, by corpus.Tokens.FormID, 0 until mapped: a token's rune is
	// then read from a slice, and the map keyed by string is asked once
	// per form of an article rather than once per token (at 10,000
	// words, its lookups missed the cache and cost 38 times what they
	// did at 1,000). Forms are numbered in the same order either way.
	byArticle [2]articleRunes
	recent    int // the slot of byArticle used last
}

// articleRunes is the rune of each form of one article (see
// Differ.byArticle).
type articleRunes struct {
	article *corpus.Article
	runes   []rune
}

// runesOf returns the rune cache of a's forms, taking the slot not used
// last when a has none.
func (d *Differ) runesOf(a *corpus.Article) []rune {
	for i := range d.byArticle {
		if d.byArticle[i].article == a {
			d.recent = i
			return d.byArticle[i].runes
		}
	}
	i := 1 - d.recent
	slot := &d.byArticle[i]
	slot.article = a
	slot.runes = resized(slot.runes, a.Tokens.FormCount())
	d.recent = i
	return slot.runes
}

// forget drops the rune caches, as the form map is emptied.
func (d *Differ) forget() {
	for i := range d.byArticle {
		d.byArticle[i].article = nil
	}
}

// reset forgets every form mapped, as a new Differ, keeping the buffers:
// a Differ kept between comparisons numbers forms as a new one would.
func (d *Differ) reset() {
	if len(d.runes) > maxKeptMapLen {
		d.runes = make(map[string]rune, firstMappedForms)
	} else {
		clear(d.runes) // the keys are the articles' forms
	}
	d.next = 1
	d.forget()
}

// NewDiffer returns a Differ with no words mapped yet.
func NewDiffer() *Differ {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // deterministic: always the minimal diff
	return &Differ{dmp: dmp, runes: make(map[string]rune, firstMappedForms), next: 1}
}

func (d *Differ) runeOf(form string) rune {
	if r, ok := d.runes[form]; ok {
		return r
	}
	r := d.next
	d.next++
	d.runes[form] = r
	return r
}

// run is one stretch of a token diff: nl left tokens and nr right tokens,
// equal (nl == nr) or changed.
type run struct {
	equal  bool
	nl, nr int
}

// Diff returns the ops turning tokens lt of a into tokens rt of b. Equal
// and delete ops together cover lt exactly, in order; equal and insert ops
// cover rt.
//
// The diff runs over words and punctuation only; each whitespace run
// follows the token before it. Diffing whitespace as tokens let the
// minimal diff match single spaces all through a pair and leave a 6-word
// shared run unmarked ("with South Korean President Moon Jae-in" shown 0%
// shared, issue 9).
func (d *Differ) Diff(a *corpus.Article, lt corpus.Range, b *corpus.Article, rt corpus.Range) []Op {
	return d.diff(a, lt, b, rt, true)
}

// diffTitles is Diff without folding short equal runs into the changes
// around them, for a pair of headlines (a headline against a lead is
// prose on one side, and folded as prose is): in a
// line of eight words the folding that keeps a long passage's change one
// phrase hid what two headlines share, "Trump [-asks Russia to hack
// Clinton's email-]{+urges Russia to find Clinton's missing emails+}",
// where each word that differs is the point: asks or urges, hack or find.
func (d *Differ) diffTitles(a *corpus.Article, lt corpus.Range, b *corpus.Article, rt corpus.Range) []Op {
	return d.diff(a, lt, b, rt, false)
}

func (d *Differ) diff(a *corpus.Article, lt corpus.Range, b *corpus.Article, rt corpus.Range, fold bool) []Op {
	if len(d.runes) >= maxMappedForms {
		// A rune only tells forms apart within one diff. Texts whose
		// words never repeat would map every word of both (1.2 million
		// for two 5 MiB ones, 30 MB, and past the last rune).
		d.runes = make(map[string]rune, firstMappedForms)
		d.next = 1
		d.forget()
	}
	ltoks, rtoks := a.Tokens.In(lt), b.Tokens.In(rt)
	d.la, d.lpos = d.solid(d.la[:0], d.lpos[:0], ltoks, d.runesOf(a))
	d.lb, d.rpos = d.solid(d.lb[:0], d.rpos[:0], rtoks, d.runesOf(b))
	lpos, rpos := d.lpos, d.rpos
	d.solidRuns = d.diffRunes(d.solidRuns[:0], d.la, d.lb)
	d.runs = spaced(d.runs[:0], d.solidRuns, ltoks, rtoks, lpos, rpos)
	if fold {
		d.foldIslands(ltoks, rtoks)
	}
	return opsOf(d.runs, ltoks, rtoks)
}

// solid appends the runes of the tokens that are not whitespace to rs,
// and their indexes to pos; cache is the rune of each form of the tokens'
// article (runesOf).
func (d *Differ) solid(rs []rune, pos []int32, toks corpus.Tokens, cache []rune) ([]rune, []int32) {
	// Grown once to the most they may hold: appending would double a
	// buffer an article long, and keep the old one until collected.
	rs, pos = slices.Grow(rs, toks.Len()), slices.Grow(pos, toks.Len())
	for i := range toks.Len() {
		if toks.Kind(i) != corpus.TokSpace {
			id := toks.FormID(i)
			r := cache[id]
			if r == 0 {
				r = d.runeOf(toks.Form(i))
				cache[id] = r
			}
			rs = append(rs, r)
			pos = append(pos, int32(i))
		}
	}
	return rs, pos
}

// spaced appends to runs the runs over the solid tokens (indexes lpos,
// rpos into ltoks, rtoks) made runs over every token: the whitespace after
// a token goes with it, equal when both sides have the same whitespace
// there and a change when not (a line break one side has is shown,
// quietly).
func spaced(runs, solidRuns []run, ltoks, rtoks corpus.Tokens, lpos, rpos []int32) []run {
	next := func(pos []int32, i, n int) int { // token index of solid token i, or n past the end
		if i < len(pos) {
			return int(pos[i])
		}
		return n
	}
	sameSpace := func(l0, l1, r0, r1 int) bool {
		if l1-l0 != r1-r0 {
			return false
		}
		for k := range l1 - l0 {
			if ltoks.Form(l0+k) != rtoks.Form(r0+k) {
				return false
			}
		}
		return true
	}
	// Whitespace before the first solid token.
	l0, r0 := next(lpos, 0, ltoks.Len()), next(rpos, 0, rtoks.Len())
	if sameSpace(0, l0, 0, r0) {
		runs = appendEqual(runs, l0)
	} else {
		runs = appendChange(runs, l0, r0)
	}
	i, j := 0, 0
	for _, sr := range solidRuns {
		if !sr.equal {
			l0, r0 := next(lpos, i, ltoks.Len()), next(rpos, j, rtoks.Len())
			l1, r1 := next(lpos, i+sr.nl, ltoks.Len()), next(rpos, j+sr.nr, rtoks.Len())
			if sr.nl > 0 && sr.nr > 0 {
				// The same space after a replaced phrase on both sides is
				// not part of the change: "[-will probably-]{+’ll+} be".
				ls, rs := int(lpos[i+sr.nl-1])+1, int(rpos[j+sr.nr-1])+1
				if sameSpace(ls, l1, rs, r1) {
					runs = appendChange(runs, ls-l0, rs-r0)
					runs = appendEqual(runs, l1-ls)
					i += sr.nl
					j += sr.nr
					continue
				}
			}
			runs = appendChange(runs, l1-l0, r1-r0)
			i += sr.nl
			j += sr.nr
			continue
		}
		for range sr.nl {
			runs = appendEqual(runs, 1)
			ls, le := int(lpos[i])+1, next(lpos, i+1, ltoks.Len())
			rs, re := int(rpos[j])+1, next(rpos, j+1, rtoks.Len())
			if sameSpace(ls, le, rs, re) {
				runs = appendEqual(runs, le-ls)
			} else {
				runs = appendChange(runs, le-ls, re-rs)
			}
			i++
			j++
		}
	}
	return runs
}

// diffRunes appends the runs turning la into lb. The common prefix and
// suffix are taken off first (an article compared with itself costs a
// scan); a middle longer than maxDiffTokens on either side is diffed in
// proportional chunks of about diffChunk tokens, because the minimal diff
// costs the product of the lengths when they differ throughout, and a
// paragraph or a sentence without a full stop can be a whole article.
func (d *Differ) diffRunes(runs []run, la, lb []rune) []run {
	p := 0
	for p < len(la) && p < len(lb) && la[p] == lb[p] {
		p++
	}
	q := 0
	for q < len(la)-p && q < len(lb)-p && la[len(la)-1-q] == lb[len(lb)-1-q] {
		q++
	}
	runs = appendEqual(runs, p)
	ml, mr := la[p:len(la)-q], lb[p:len(lb)-q]
	if len(ml) <= maxDiffTokens && len(mr) <= maxDiffTokens {
		runs = d.myers(runs, ml, mr)
	} else {
		k := (max(len(ml), len(mr)) + diffChunk - 1) / diffChunk
		for i := range k {
			runs = d.myers(runs, ml[i*len(ml)/k:(i+1)*len(ml)/k], mr[i*len(mr)/k:(i+1)*len(mr)/k])
		}
	}
	return appendEqual(runs, q)
}

// myers appends go-diff's minimal diff of la and lb.
func (d *Differ) myers(runs []run, la, lb []rune) []run {
	switch {
	case len(la) == 0 && len(lb) == 0:
		return runs
	case len(la) == 0 || len(lb) == 0:
		return appendChange(runs, len(la), len(lb))
	}
	la, lb = d.renumber(la, lb)
	for _, df := range d.dmp.DiffMainRunes(la, lb, false) {
		n := utf8.RuneCountInString(df.Text)
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			runs = appendEqual(runs, n)
		case diffmatchpatch.DiffDelete:
			runs = appendChange(runs, n, 0)
		case diffmatchpatch.DiffInsert:
			runs = appendChange(runs, 0, n)
		}
	}
	return runs
}

// renumber returns la and lb as runes go-diff can carry: as they are
// when every form number is below the surrogates (the first 55,295 forms
// a Differ meets, all a pair of news articles uses), else renumbered from 1
// in order of first appearance, which keeps equal forms equal and
// different forms different.
func (d *Differ) renumber(la, lb []rune) ([]rune, []rune) {
	if slices.Max(la) < 0xD800 && slices.Max(lb) < 0xD800 {
		return la, lb
	}
	if d.local == nil {
		d.local = make(map[rune]rune, len(la)+len(lb))
	}
	clear(d.local)
	next := rune(1)
	local := func(dst, src []rune) []rune {
		dst = dst[:0]
		for _, r := range src {
			l, ok := d.local[r]
			if !ok {
				l = next
				next++ // a piece holds far fewer than 55,295 forms
				d.local[r] = l
			}
			dst = append(dst, l)
		}
		return dst
	}
	d.ma = local(d.ma, la)
	d.mb = local(d.mb, lb)
	return d.ma, d.mb
}

func appendEqual(runs []run, n int) []run {
	if n == 0 {
		return runs
	}
	if k := len(runs) - 1; k >= 0 && runs[k].equal {
		runs[k].nl += n
		runs[k].nr += n
		return runs
	}
	return append(runs, run{equal: true, nl: n, nr: n})
}

func appendChange(runs []run, nl, nr int) []run {
	if nl == 0 && nr == 0 {
		return runs
	}
	if k := len(runs) - 1; k >= 0 && !runs[k].equal {
		runs[k].nl += nl
		runs[k].nr += nr
		return runs
	}
	return append(runs, run{nl: nl, nr: nr})
}

// foldIslands turns every equal run of d.runs inside the passage that
// belongs to a stretch of fewer than minEqualRun equal words, and touches
// a change of words, into part of that change, until none is left. A short
// run at either end of the passage is no island: "President Trump" against
// "President Donald Trump" inserts "Donald", and does not change
// "President" into "President Donald". A stretch runs on across
// punctuation and whitespace changes: "the “first time" against "the first
// time" is one stretch of three words, and "press." against "press!"
// differs by a mark, not a phrase.
//
// Each pass can only make new islands next to what it folded, so a few
// passes settle real text; maxFoldPasses bounds a hostile one, which may
// then keep an island.
func (d *Differ) foldIslands(lt, rt corpus.Tokens) {
	for range maxFoldPasses {
		runs := d.runs
		// Word counts of each equal run's stretch, and token offsets.
		li, ri := 0, 0
		d.offL, d.offR = resized(d.offL, len(runs)+1), resized(d.offR, len(runs)+1)
		d.words, d.stretch = resized(d.words, len(runs)), resized(d.stretch, len(runs))
		offL, offR, words, stretch := d.offL, d.offR, d.words, d.stretch
		for k, r := range runs {
			offL[k], offR[k] = li, ri
			if r.equal {
				words[k] = corpus.CountWords(lt.Slice(li, li+r.nl))
			}
			li += r.nl
			ri += r.nr
		}
		offL[len(runs)], offR[len(runs)] = li, ri
		minor := func(k int) bool {
			return !runs[k].equal && corpus.CountWords(lt.Slice(offL[k], offL[k+1])) == 0 && corpus.CountWords(rt.Slice(offR[k], offR[k+1])) == 0
		}
		for k := 0; k < len(runs); {
			if !runs[k].equal {
				k++
				continue
			}
			// Extend over minor changes to the next equal runs.
			end, total := k, words[k]
			for end+2 < len(runs) && minor(end+1) && runs[end+2].equal {
				end += 2
				total += words[end]
			}
			for j := k; j <= end; j++ {
				stretch[j] = total
			}
			k = end + 1
		}
		folded := false
		out := d.folded[:0]
		for k, r := range runs {
			// Whitespace alone between two changes is part of them too.
			island := stretch[k] < minEqualRun || words[k] == 0 && k > 0 && k+1 < len(runs)
			if r.equal && island && k > 0 && k+1 < len(runs) && (!minor(k-1) || !minor(k+1)) {
				out = appendChange(out, r.nl, r.nr)
				folded = true
				continue
			}
			if r.equal {
				out = append(out, r)
			} else {
				out = appendChange(out, r.nl, r.nr)
			}
		}
		d.runs, d.folded = out, runs
		if !folded {
			return
		}
	}
}

const maxFoldPasses = 16

// opsOf turns runs into ops with byte spans. Within a change the deletion
// comes before the insertion.
func opsOf(runs []run, lt, rt corpus.Tokens) []Op {
	ops := make([]Op, 0, len(runs)+len(runs)/2)
	span := func(toks corpus.Tokens, i, n int) corpus.Span {
		return corpus.Span{Start: toks.Span(i).Start, End: toks.Span(i + n - 1).End}
	}
	li, ri := 0, 0
	for _, r := range runs {
		if r.equal {
			if r.nl > 0 {
				ops = append(ops, Op{Kind: OpEqual, Left: span(lt, li, r.nl), Right: span(rt, ri, r.nr)})
			}
		} else {
			minor := corpus.CountWords(lt.Slice(li, li+r.nl)) == 0 && corpus.CountWords(rt.Slice(ri, ri+r.nr)) == 0
			if r.nl > 0 {
				ops = append(ops, Op{Kind: OpDelete, Left: span(lt, li, r.nl), Minor: minor})
			}
			if r.nr > 0 {
				ops = append(ops, Op{Kind: OpInsert, Right: span(rt, ri, r.nr), Minor: minor})
			}
		}
		li += r.nl
		ri += r.nr
	}
	return ops
}
