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
	var runs []run
	for _, df := range d.dmp.DiffMainRunes(d.la, d.lb, false) {
		n := utf8.RuneCountInString(df.Text)
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			runs = append(runs, run{equal: true, nl: n, nr: n})
		case diffmatchpatch.DiffDelete:
			runs = appendChange(runs, n, 0)
		case diffmatchpatch.DiffInsert:
			runs = appendChange(runs, 0, n)
		}
	}
	runs = foldIslands(runs, a.Tokens[lt.Start:lt.End], b.Tokens[rt.Start:rt.End])
	return opsOf(runs, a.Tokens[lt.Start:lt.End], b.Tokens[rt.Start:rt.End])
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
func foldIslands(runs []run, lt, rt []corpus.Token) []run {
	for {
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
}

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
