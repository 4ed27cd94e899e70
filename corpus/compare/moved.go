package compare

import (
	"github.com/newsdiff/newsdiff/corpus"
)

// Moved runs inside a pair: the word diff is a sequence, so a fragment one
// outlet put earlier in the sentence than the other ("…, police said on
// Friday" against "On Friday, police said …") comes out as a deletion and
// an insertion of the same words. markMovedRuns finds those and flags both
// halves Moved, so that a reader sees one fragment in two places rather
// than two changes (issue 9, sixth defect).

// minMovedRun is the fewest words a deleted and an inserted run must share
// in order to be shown as one moved fragment. Two words in common ("the
// president") coincide in any two sentences about one story; three, one of
// them a content word, rarely do by chance.
const minMovedRun = 3

// maxMovedWords bounds the changed words looked at in one block, so that a
// long pair that differs everywhere costs no more than its diff did;
// maxMovedTries bounds the inserted places one deleted run is tried
// against, and maxMovedRun the words one try extends over (a longer moved
// run is flagged as several), so that repetitive text costs what its
// length does.
const (
	maxMovedWords = 4000
	maxMovedTries = 8
	maxMovedRun   = 64
)

// wordAt is one word of a changed op: its token index in the article, the
// op it belongs to, and its matching form's hash.
type wordAt struct {
	tok  int
	op   int
	hash uint64
}

// mover finds moved runs in the blocks of one pair of articles
// (markMovedRuns), keeping its tables from one block to the next: a
// comparison looks for moved runs in each of its paired blocks, and made
// its tables afresh for each, a third of its allocations.
type mover struct {
	del, ins []wordAt
	// hashes caches corpus.HashForm of the forms of arts[0] (the left
	// article) and arts[1] (the right), by form id; 0 until worked out.
	arts   [2]*corpus.Article
	hashes [2][]uint64
	// places maps the hash of each minMovedRun-word gram of the inserted
	// words to where it first and last starts, and next each place to
	// the next with the same hash, -1 after the last: the places of a
	// gram in order.
	places  map[uint64]gramPlaces
	next    []int32
	usedIns []bool
}

type gramPlaces struct{ first, last int32 }

// markMovedRuns returns ops with every run of at least minMovedRun words
// (one of them a content word) that a delete and an insert both carry
// split out of its op and flagged Moved on both sides. Each word moves at
// most once; the longest run at each place in the deletions wins. ops is
// not modified; when nothing moved, it is returned as is.
func markMovedRuns(a, b *corpus.Article, ops []Op) []Op {
	var mv mover
	return mv.mark(a, b, ops)
}

// mark is markMovedRuns with mv's tables.
func (mv *mover) mark(a, b *corpus.Article, ops []Op) []Op { return mv.markFrom(a, b, ops, 0, 0) }

// markFrom is mark for ops that start at or after token lt of a and rt
// of b, which it finds their spans from (see corpus.SpanCursorAt).
func (mv *mover) markFrom(a, b *corpus.Article, ops []Op, lt, rt int) []Op {
	mv.del = mv.changedWords(mv.del[:0], 0, a, ops, OpDelete, lt)
	mv.ins = mv.changedWords(mv.ins[:0], 1, b, ops, OpInsert, rt)
	del, ins := mv.del, mv.ins
	if len(del) < minMovedRun || len(ins) < minMovedRun || len(del)+len(ins) > maxMovedWords {
		return ops
	}
	if mv.places == nil {
		mv.places = make(map[uint64]gramPlaces)
	}
	clear(mv.places)
	next := resized(mv.next, len(ins))
	mv.next = next
	for j := 0; j+minMovedRun <= len(ins); j++ {
		next[j] = -1
		if ins[j].op != ins[j+minMovedRun-1].op {
			continue
		}
		h := gramHash(ins[j : j+minMovedRun])
		p, seen := mv.places[h]
		if !seen {
			mv.places[h] = gramPlaces{int32(j), int32(j)}
			continue
		}
		next[p.last] = int32(j)
		mv.places[h] = gramPlaces{p.first, int32(j)}
	}
	usedIns := resized(mv.usedIns, len(ins))
	mv.usedIns = usedIns
	// movedL and movedR hold the token ranges that moved, in order of
	// the left side's deletions (the right's are sorted below).
	var movedL, movedR []corpus.Range
	for i := 0; i+minMovedRun <= len(del); {
		best, bestLen := -1, 0
		if del[i].op == del[i+minMovedRun-1].op {
			p, ok := mv.places[gramHash(del[i:i+minMovedRun])]
			j32 := p.first
			for tries := 0; ok && j32 >= 0 && tries < maxMovedTries; tries++ {
				j := int(j32)
				n := 0
				for n < maxMovedRun && i+n < len(del) && j+n < len(ins) && del[i+n].op == del[i].op && ins[j+n].op == ins[j].op &&
					!usedIns[j+n] && del[i+n].hash == ins[j+n].hash {
					n++
				}
				if n > bestLen {
					best, bestLen = j, n
				}
				j32 = next[j]
			}
		}
		if bestLen < minMovedRun || !hasContentWord(a, del[i:i+bestLen]) {
			i++
			continue
		}
		for k := range bestLen {
			usedIns[best+k] = true
		}
		movedL = append(movedL, corpus.Range{Start: del[i].tok, End: del[i+bestLen-1].tok + 1})
		movedR = append(movedR, corpus.Range{Start: ins[best].tok, End: ins[best+bestLen-1].tok + 1})
		i += bestLen
	}
	if len(movedL) == 0 {
		return ops
	}
	sortRanges(movedR)
	out := make([]Op, 0, len(ops)+4*len(movedL))
	for _, op := range ops {
		switch {
		case op.Kind == OpDelete && !op.Minor:
			out, movedL = splitMoved(out, a, op, op.Left, movedL)
		case op.Kind == OpInsert && !op.Minor:
			out, movedR = splitMoved(out, b, op, op.Right, movedR)
		default:
			out = append(out, op)
		}
	}
	return out
}

// changedWords appends the words of the ops of kind k in ops to ws, in
// order; a is the pair's left article (side 0) or its right (side 1), and
// from a token at or before the first op's on that side.
func (mv *mover) changedWords(ws []wordAt, side int, a *corpus.Article, ops []Op, k OpKind, from int) []wordAt {
	if mv.arts[side] != a {
		mv.arts[side] = a
		mv.hashes[side] = resized(mv.hashes[side], a.Tokens.FormCount())
	}
	hashes := mv.hashes[side]
	c := a.SpanCursorAt(from) // the ops run forward on each side
	for oi, op := range ops {
		if op.Kind != k || op.Minor {
			continue
		}
		sp := op.Left
		if k == OpInsert {
			sp = op.Right
		}
		r := c.TokensIn(sp)
		for ti := r.Start; ti < r.End; ti++ {
			if a.Tokens.Kind(ti) != corpus.TokWord {
				continue
			}
			id := a.Tokens.FormID(ti)
			h := hashes[id]
			if h == 0 {
				h = corpus.HashForm(a.Tokens.Form(ti))
				hashes[id] = h
			}
			ws = append(ws, wordAt{tok: ti, op: oi, hash: h})
		}
	}
	return ws
}

func gramHash(ws []wordAt) uint64 {
	h := uint64(0)
	for _, w := range ws {
		h = h*1099511628211 + w.hash
	}
	return h
}

func hasContentWord(a *corpus.Article, ws []wordAt) bool {
	for _, w := range ws {
		if !corpus.IsStopword(a.Tokens.At(w.tok).Form) {
			return true
		}
	}
	return false
}

// sortRanges sorts token ranges that do not overlap by start.
func sortRanges(rs []corpus.Range) {
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && rs[j].Start < rs[j-1].Start; j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}

// splitMoved appends op (a delete or an insert over span sp of a) to out,
// cut into pieces where the token ranges at the head of moved fall inside
// it: those pieces flagged Moved, the others as op was (Minor when they
// hold no word). It returns out and the moved ranges not yet used.
func splitMoved(out []Op, a *corpus.Article, op Op, sp corpus.Span, moved []corpus.Range) ([]Op, []corpus.Range) {
	r := a.TokensIn(sp)
	piece := func(from, to int, isMoved bool) {
		if from >= to {
			return
		}
		p := Op{Kind: op.Kind, Moved: isMoved}
		s := corpus.Span{Start: a.Tokens.At(from).Start, End: a.Tokens.At(to - 1).End}
		if op.Kind == OpDelete {
			p.Left = s
		} else {
			p.Right = s
		}
		p.Minor = !isMoved && corpus.CountWords(a.Tokens.In(corpus.Range{Start: from, End: to})) == 0
		out = append(out, p)
	}
	at := r.Start
	for len(moved) > 0 && moved[0].Start >= r.Start && moved[0].End <= r.End {
		piece(at, moved[0].Start, false)
		piece(moved[0].Start, moved[0].End, true)
		at = moved[0].End
		moved = moved[1:]
	}
	if at == r.Start {
		return append(out, op), moved
	}
	piece(at, r.End, false)
	return out, moved
}
