package compare

import (
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

// Differ diffs token ranges word by word. Each distinct matching form is
// mapped to one rune, the way go-diff's line mode maps lines, so that the
// diff runs over words rather than characters. A Differ is not safe for
// concurrent use; one comparison uses one Differ.
type Differ struct {
	dmp   *diffmatchpatch.DiffMatchPatch
	runes map[string]rune
	next  rune
	la    []rune
	lb    []rune
}

// NewDiffer returns a Differ with no words mapped yet.
func NewDiffer() *Differ {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // deterministic: always the minimal diff
	return &Differ{dmp: dmp, runes: make(map[string]rune, 512), next: 1}
}

func (d *Differ) runeOf(form string) rune {
	if r, ok := d.runes[form]; ok {
		return r
	}
	r := d.next
	d.next++
	if d.next == 0xD800 { // surrogates cannot travel through a Go string
		d.next = 0xE000
	}
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
func (d *Differ) Diff(a *corpus.Article, lt corpus.Range, b *corpus.Article, rt corpus.Range) []Op {
	d.la = d.la[:0]
	for _, t := range a.Tokens[lt.Start:lt.End] {
		d.la = append(d.la, d.runeOf(t.Form))
	}
	d.lb = d.lb[:0]
	for _, t := range b.Tokens[rt.Start:rt.End] {
		d.lb = append(d.lb, d.runeOf(t.Form))
	}
	runs := d.diffRunes(nil, d.la, d.lb)
	runs = foldIslands(runs, a.Tokens[lt.Start:lt.End], b.Tokens[rt.Start:rt.End])
	return opsOf(runs, a.Tokens[lt.Start:lt.End], b.Tokens[rt.Start:rt.End])
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
	if k := len(runs) - 1; k >= 0 && !runs[k].equal {
		runs[k].nl += nl
		runs[k].nr += nr
		return runs
	}
	return append(runs, run{nl: nl, nr: nr})
}

// foldIslands turns every equal run that belongs to a stretch of fewer than
// minEqualRun equal words, and touches a change of words, into part of that
// change, until none is left. A stretch runs on across punctuation and
// whitespace changes: "the “first time" against "the first time" is one
// stretch of three words, and "press." against "press!" differs by a mark,
// not a phrase.
//
// Each pass can only make new islands next to what it folded, so a few
// passes settle real text; maxFoldPasses bounds a hostile one, which may
// then keep an island.
func foldIslands(runs []run, lt, rt []corpus.Token) []run {
	for range maxFoldPasses {
		// Word counts of each equal run's stretch, and token offsets.
		li, ri := 0, 0
		offL := make([]int, len(runs)+1)
		offR := make([]int, len(runs)+1)
		words := make([]int, len(runs))
		for k, r := range runs {
			offL[k], offR[k] = li, ri
			if r.equal {
				words[k] = corpus.CountWords(lt[li : li+r.nl])
			}
			li += r.nl
			ri += r.nr
		}
		offL[len(runs)], offR[len(runs)] = li, ri
		minor := func(k int) bool {
			return !runs[k].equal && corpus.CountWords(lt[offL[k]:offL[k+1]]) == 0 && corpus.CountWords(rt[offR[k]:offR[k+1]]) == 0
		}
		stretch := make([]int, len(runs))
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
		out := runs[:0:0]
		for k, r := range runs {
			// Whitespace alone between two changes is part of them too.
			island := stretch[k] < minEqualRun || words[k] == 0 && k > 0 && k+1 < len(runs)
			if r.equal && len(runs) > 1 && island &&
				((k > 0 && !minor(k-1)) || (k+1 < len(runs) && !minor(k+1))) {
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
		runs = out
		if !folded {
			return runs
		}
	}
	return runs
}

const maxFoldPasses = 16

// opsOf turns runs into ops with byte spans. Within a change the deletion
// comes before the insertion.
func opsOf(runs []run, lt, rt []corpus.Token) []Op {
	ops := make([]Op, 0, len(runs)+len(runs)/2)
	span := func(toks []corpus.Token, i, n int) corpus.Span {
		return corpus.Span{Start: toks[i].Start, End: toks[i+n-1].End}
	}
	li, ri := 0, 0
	for _, r := range runs {
		if r.equal {
			if r.nl > 0 {
				ops = append(ops, Op{Kind: OpEqual, Left: span(lt, li, r.nl), Right: span(rt, ri, r.nr)})
			}
		} else {
			minor := corpus.CountWords(lt[li:li+r.nl]) == 0 && corpus.CountWords(rt[ri:ri+r.nr]) == 0
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
