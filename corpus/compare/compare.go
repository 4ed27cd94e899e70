package compare

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/newsdiff/newsdiff/corpus"
)

// Compare aligns the passages of a and b that report the same thing and
// diffs each aligned pair word by word. Blocks come in a's order; passages
// only b has sit after the block holding their nearest preceding neighbour
// in b. The titles, when both articles have one, are the first block.
// Compare(b, a) pairs the same passages as Compare(a, b), with the same
// matches, scores and diffs, sides swapped (mirror.go).
//
// Compare only reads a and b; it is safe to call concurrently. It returns
// ctx's error soon after ctx is done. Time and memory grow linearly with
// the two articles' length whatever their text (see candidates and
// Differ.Diff), so any pair within the loader's size limit compares in
// bounded time and memory.
func Compare(ctx context.Context, a, b *corpus.Article) (*Comparison, error) {
	return CompareWith(ctx, a, b, &Fitted)
}

// CompareWith is Compare with md in place of the fitted model: for fitting
// and cross-validating a model (scripts/fitpairs). A nil md pairs by the
// surface score alone.
func CompareWith(ctx context.Context, a, b *corpus.Article, md *Model) (*Comparison, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if exceedsFullLimits(a, b) {
		return compareBounded(ctx, a, b)
	}
	// The matcher's units, features and buffers are this comparison's
	// alone and none reaches the Comparison: they go back to the pool for
	// the next one (scratch.go).
	m := takeMatcher(md)
	defer m.release()
	return compareFull(ctx, a, b, m)
}

// compareFull is the full comparison of a and b with matcher m, which
// holds no other comparison's state.
func compareFull(ctx context.Context, a, b *corpus.Article, m *matcher) (*Comparison, error) {
	m.ctx = ctx
	// The alignment is made in the canonical order and mirrored for the
	// other (mirror.go).
	swapped := !canonical(a, b)
	if swapped {
		a, b = b, a
	}
	left, right := m.unitsOf(a, true), m.unitsOf(b, true)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.weigh(left, right)
	cands, err := m.candidates(ctx, left, right)
	if err != nil {
		return nil, err
	}
	d := m.takeDiffer()
	gs, err := assign(ctx, cands, left, right, a, b, d)
	if err != nil {
		return nil, err
	}
	m.merge(gs, left, right, a, b)
	gs = m.fillGaps(gs, left, right)
	gs = m.split(cands, gs, left, right, a, b)
	gs = m.crossSplit(cands, gs, left, right, a, b)
	sortGroups(gs)
	markMoved(gs)
	gs, err = coalesce(ctx, gs, left, right, a, b, d)
	if err != nil {
		return nil, err
	}
	ls, rs := sentencesOf(left), sentencesOf(right)
	if swapped {
		// Each group's diff, and the runs it moves, are made in the
		// canonical order too, so that the two orders' blocks differ in
		// nothing but their sides.
		var mv mover
		for i := range gs {
			if ctx.Err() == nil {
				gs[i].ops = mv.mark(a, b, groupDiff(d, a, b, groupSentences(ls, gs[i].l), groupSentences(rs, gs[i].r), gs[i]))
			}
		}
		a, b, ls, rs = b, a, rs, ls
		mirrorGroups(gs)
		mirrorCandidates(cands)
	}

	bb := &blockBuilder{ctx: ctx, a: a, b: b, left: ls, right: rs, d: d, lines: &m.lineGrams, mirrored: swapped}
	bb.build(gs)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	bb.markRepeats(cands, gs)
	bb.markSiblings(gs)
	return newComparison(a, b, bb.blocks, false), nil
}

// CandidatePairs calls fn for every pair of sentences (by index into each
// article's Sentences) that the matcher scores when comparing a and b,
// with the pair's features: the rows the model is fitted on. Identical
// sentences of one article are one class and reported once; pairs with a
// title are scored by Compare but not reported, nor are near twins, which
// their word diff pairs without the model (neartwin.go).
func CandidatePairs(ctx context.Context, a, b *corpus.Article, fn func(ls, rs int, f Features)) error {
	m := newMatcher(nil)
	left, right := m.unitsOf(a, true), m.unitsOf(b, true)
	m.weigh(left, right)
	m.fitting = true
	m.collect = func(l, r int, f Features) {
		// The model is fitted on body sentences: the gold marks no title,
		// so a title's pairs would all count as negatives.
		if !left[l].title && !right[r].title {
			fn(left[l].sent, right[r].sent, f)
		}
	}
	_, err := m.candidates(ctx, left, right)
	return err
}

// hollow reports whether ops, the diff of a pair the surface score made
// without being sure of it, have almost nothing in common: two sentences
// that share "Twitter" and "wrote" are not the same report.
//
// The ops start at token lt of a and rt of b (see corpus.SpanCursorAt).
func hollow(a, b *corpus.Article, ops []Op, lt, rt int) bool {
	ca, cb := a.SpanCursorAt(lt), b.SpanCursorAt(rt)
	eq, lw, rw := opWords(&ca, &cb, ops)
	return lw+rw > 0 && 2*float64(eq)/float64(lw+rw) < minPairSimilarity
}

// coalesce joins groups that follow each other on both sides, and sit in
// the same paragraph on at least one, when both are in order or both moved:
// a paragraph two outlets share reads as one passage, a quote one outlet
// splits over two paragraphs and another keeps in one pairs as a whole, and
// a verbatim run across a sentence boundary stays in one block.
//
// A long joined group's diff is its parts' diffs end to end, with the
// space between them diffed on its own: the cost stays that of the parts,
// however long a paragraph two outlets share.
func coalesce(ctx context.Context, gs []group, left, right []unit, a, b *corpus.Article, d *Differ) ([]group, error) {
	var out []group
	for gi, g := range gs {
		if gi%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if k := len(out) - 1; k >= 0 && g.moved == out[k].moved && g.split == 0 && out[k].split == 0 &&
			!left[out[k].l.Start].title && !right[out[k].r.Start].title && !left[g.l.Start].title && !right[g.r.Start].title &&
			out[k].l.End == g.l.Start && out[k].r.End == g.r.Start &&
			adjacentSentences(left, out[k].l.End-1, g.l.Start) &&
			adjacentSentences(right, out[k].r.End-1, g.r.Start) &&
			(sameParagraph(a, left, out[k].l.End-1, g.l.Start) || sameParagraph(b, right, out[k].r.End-1, g.r.Start)) {
			prev := &out[k]
			lt, rt := unitTokens(a, left, prev.l), unitTokens(b, right, prev.r)
			gl, gr := unitTokens(a, left, g.l), unitTokens(b, right, g.r)
			if gl.End-lt.Start <= maxDiffTokens && gr.End-rt.Start <= maxDiffTokens {
				// Short enough to diff whole, so that a run across the
				// sentence boundary (split differently on each side) shows.
				prev.ops = nil
			} else {
				ops := append([]Op(nil), groupOps(d, a, b, left, right, *prev)...)
				ops = append(ops, d.Diff(a, corpus.Range{Start: lt.End, End: gl.Start}, b, corpus.Range{Start: rt.End, End: gr.Start})...)
				ops = append(ops, groupOps(d, a, b, left, right, g)...)
				prev.ops = joinOps(ops)
			}
			prev.l.End, prev.r.End = g.l.End, g.r.End
			prev.score = max(prev.score, g.score)
			continue
		}
		out = append(out, g)
	}
	return out, nil
}

// unitTokens returns the token range of the sentences of units r.
func unitTokens(a *corpus.Article, us []unit, r corpus.Range) corpus.Range {
	return tokenRange(a, corpus.Range{Start: us[r.Start].sent, End: us[r.End-1].sent + 1})
}

// groupOps returns g's diff, computing it when not yet known.
func groupOps(d *Differ, a, b *corpus.Article, left, right []unit, g group) []Op {
	if g.ops != nil {
		return g.ops
	}
	return d.Diff(a, unitTokens(a, left, g.l), b, unitTokens(b, right, g.r))
}

// joinOps merges neighbouring ops of one kind whose spans touch, so that a
// diff joined from parts reads as one.
func joinOps(ops []Op) []Op {
	out := ops[:0]
	for _, op := range ops {
		if k := len(out) - 1; k >= 0 && out[k].Kind == op.Kind && out[k].Minor == op.Minor && out[k].Moved == op.Moved &&
			(op.Kind == OpInsert || out[k].Left.End == op.Left.Start) &&
			(op.Kind == OpDelete || out[k].Right.End == op.Right.Start) {
			out[k].Left.End = max(out[k].Left.End, op.Left.End)
			out[k].Right.End = max(out[k].Right.End, op.Right.End)
			continue
		}
		out = append(out, op)
	}
	return out
}

func adjacentSentences(us []unit, i, j int) bool { return us[j].sent == us[i].sent+1 }

func sameParagraph(a *corpus.Article, us []unit, i, j int) bool {
	return a.Sentences[us[i].sent].Para() == a.Sentences[us[j].sent].Para()
}

// blockBuilder lays the groups and the one-sided passages out as blocks.
type blockBuilder struct {
	// ctx, once done, makes the builder skip the remaining word diffs: the
	// caller then drops the comparison.
	ctx  context.Context
	a, b *corpus.Article
	// left and right are the sentence index of each unit, by unit index
	// (the groups' ranges): a bounded comparison has no units to spare
	// 32 bytes a sentence on.
	left, right []int32
	d           *Differ
	blocks      []Block
	// groupBlock maps a group index to its block index.
	groupBlock []int
	// oneSidedOps is where the next one-sided blocks' ops are cut from
	// (see oneSidedOp).
	oneSidedOps []Op
	// mirrored says the groups were aligned the other way round and their
	// ops, moved runs marked, mirrored (mirror.go): they are the blocks'
	// ops as they stand.
	mirrored bool
	// mv finds the moved runs of each paired block.
	mv mover
	// lines is nearTwins' index, the matcher's when the builder has one
	// (the zero index when not: nearTwins makes its own).
	lines *classIndex
}

// element is a one-sided run of sentences (a non-prose paragraph, or
// adjacent unmatched prose sentences of one paragraph) or the first
// sentence of a group, gi (-1 for none).
type element struct {
	sents corpus.Range
	role  corpus.Role
	gi    int
}

func (bb *blockBuilder) build(gs []group) {
	a, b := bb.a, bb.b
	// 32-bit group indexes: there are fewer groups than sentences (see
	// sentencesOf).
	groupOfL := make([]int32, len(a.Sentences))
	groupOfR := make([]int32, len(b.Sentences))
	for i := range groupOfL {
		groupOfL[i] = -1
	}
	for i := range groupOfR {
		groupOfR[i] = -1
	}
	// A sentence split between two groups (split.go) is in groupOf by
	// the group of its first part and in second by that of its other.
	secondL, secondR := map[int]int{}, map[int]int{}
	place := func(groupOf []int32, second map[int]int, s, gi int, part func(int) corpus.Range) {
		if prev := int(groupOf[s]); prev >= 0 {
			if part(gi).Start < part(prev).Start {
				groupOf[s], gi = int32(gi), prev
			}
			second[s] = gi
			return
		}
		groupOf[s] = int32(gi)
	}
	lpart := func(gi int) corpus.Range { return gs[gi].lpart() }
	rpart := func(gi int) corpus.Range { return gs[gi].rpart() }
	for gi, g := range gs {
		for u := g.l.Start; u < g.l.End; u++ {
			place(groupOfL, secondL, int(bb.left[u]), gi, lpart)
		}
		for u := g.r.Start; u < g.r.End; u++ {
			place(groupOfR, secondR, int(bb.right[u]), gi, rpart)
		}
	}
	bb.groupBlock = make([]int, len(gs))

	// Lines that are not prose (share buttons, credits, captions,
	// headings) are never aligned as passages, but the same line on both
	// sides is the same line: it pairs with its first unused twin, so that
	// identical texts have no one-sided block, or else with a near twin,
	// the same line but for a word or two (below). A title is a passage like
	// the prose (see unitsOf) and pairs as one when it is in a group.
	rightElems := elements(b, groupOfR, secondR)
	twins := make(map[string][]int)
	for i, e := range rightElems {
		if e.role != corpus.RoleProse && e.gi < 0 {
			k := lineKey(b, e)
			twins[k] = append(twins[k], i)
		}
	}
	usedRight := make([]bool, len(rightElems))

	// Each left element makes one block, in order: its line twin on the
	// right, if any, is chosen first, so that the number of blocks is
	// known before any is made and they are made once, in place (on
	// bounded comparisons of 5 MiB a side, growing and then reordering a
	// block slice held three copies of it at once).
	leftElems := elements(a, groupOfL, secondL)
	twinOf := make([]int32, len(leftElems))
	for i, e := range leftElems {
		twinOf[i] = -1
		if e.gi < 0 && e.role != corpus.RoleProse {
			k := lineKey(a, e)
			if q := twins[k]; len(q) > 0 {
				twins[k] = q[1:]
				usedRight[q[0]] = true
				twinOf[i] = int32(q[0])
			}
		}
		if e.gi >= 0 {
			bb.groupBlock[e.gi] = i // the left order, until the right's are placed
		}
	}
	// A line with no twin may have a near twin: the same line but for a
	// word or two (neartwin.go).
	near := bb.nearTwins(leftElems, rightElems, twinOf, usedRight)
	// What placed sentences in groups is not needed past the elements:
	// dropped, it makes room for the blocks.
	twins, groupOfL, groupOfR, secondL, secondR = nil, nil, nil, nil, nil

	// The right article's one-sided passages, each after the in-order block
	// holding its nearest preceding neighbour; the right's title, unpaired,
	// after the left's title, so that the two titles stay together.
	type pendingElem struct{ anchor, elem int32 }
	var pending []pendingElem
	anchor := -1
	if hasTitle(a) && len(leftElems) > 0 {
		anchor = 0
	}
	for i, e := range rightElems {
		if usedRight[i] {
			continue
		}
		if gi := e.gi; gi >= 0 {
			if !gs[gi].moved {
				anchor = bb.groupBlock[gi]
			}
			continue
		}
		pending = append(pending, pendingElem{int32(anchor), int32(i)})
	}
	usedRight = nil
	// Each anchor's passages go right after it, before whatever else the
	// left article has there: the reader sees the right side's additions
	// next to the passage they follow.
	slices.SortStableFunc(pending, func(x, y pendingElem) int { return cmp.Compare(x.anchor, y.anchor) })
	bb.blocks = make([]Block, 0, len(leftElems)+len(pending))
	next := 0
	flush := func(anchor int32) {
		for ; next < len(pending) && pending[next].anchor == anchor; next++ {
			bb.blocks = append(bb.blocks, bb.oneSided(RightOnly, rightElems[pending[next].elem]))
		}
	}
	flush(-1)
	for i, e := range leftElems {
		switch {
		case e.gi >= 0:
			g := gs[e.gi]
			kind := Aligned
			if g.moved {
				kind = Moved
			}
			bb.groupBlock[e.gi] = len(bb.blocks)
			bb.blocks = append(bb.blocks, bb.pair(kind, groupSentences(bb.left, g.l), groupSentences(bb.right, g.r), g))
		case twinOf[i] >= 0 && near[i] != nil:
			bb.blocks = append(bb.blocks, bb.nearTwin(e, rightElems[twinOf[i]], near[i]))
		case twinOf[i] >= 0:
			bb.blocks = append(bb.blocks, bb.twin(e, rightElems[twinOf[i]]))
		default:
			bb.blocks = append(bb.blocks, bb.oneSided(LeftOnly, e))
		}
		flush(int32(i))
	}
}

func hasTitle(a *corpus.Article) bool {
	return len(a.Paragraphs) > 0 && a.Paragraphs[0].Role == corpus.RoleTitle
}

func unitIndex(a *corpus.Article, sents []int32) []int {
	idx := make([]int, len(a.Sentences))
	for i := range idx {
		idx[i] = -1
	}
	for ui, s := range sents {
		idx[s] = ui
	}
	return idx
}

// sentencesOf is the sentence index of each of us, for the block builder.
// An article is tokenized up to maxTokenized bytes, so an index fits 32
// bits.
func sentencesOf(us []unit) []int32 {
	sents := make([]int32, len(us))
	for i, u := range us {
		sents[i] = int32(u.sent)
	}
	return sents
}

// elements lists an article's passages in order: each paired group's first
// sentence (as a one-sentence prose element), runs of unpaired prose
// sentences within a paragraph, and whole non-prose paragraphs (the title
// among them, paired or not). Sentences of a group after its first are
// left out.
func elements(a *corpus.Article, groupOf []int32, second map[int]int) []element {
	var es []element
	for _, p := range a.Paragraphs {
		if p.Role != corpus.RoleProse {
			gi := -1
			if p.Role == corpus.RoleTitle && p.Sentences.Len() > 0 {
				gi = int(groupOf[p.Sentences.Start])
			}
			es = append(es, element{p.Sentences, p.Role, gi})
			continue
		}
		run := -1
		for si := p.Sentences.Start; si < p.Sentences.End; si++ {
			gi := int(groupOf[si])
			if gi < 0 {
				if run < 0 {
					run = len(es)
					es = append(es, element{corpus.Range{Start: si, End: si + 1}, corpus.RoleProse, -1})
				} else {
					es[run].sents.End = si + 1
				}
				continue
			}
			run = -1
			if si == 0 || int(groupOf[si-1]) != gi {
				es = append(es, element{corpus.Range{Start: si, End: si + 1}, corpus.RoleProse, gi})
			}
			if sg, ok := second[si]; ok {
				es = append(es, element{corpus.Range{Start: si, End: si + 1}, corpus.RoleProse, sg})
			}
		}
	}
	return es
}

// tokenRange returns the token range covering sentences r of a.
func tokenRange(a *corpus.Article, r corpus.Range) corpus.Range {
	return corpus.Range{Start: a.Sentences[r.Start].Tokens().Start, End: a.Sentences[r.End-1].Tokens().End}
}

// tokenSpan returns the bytes of tokens r of a.
func tokenSpan(a *corpus.Article, r corpus.Range) corpus.Span {
	return corpus.Span{Start: a.Tokens.At(r.Start).Start, End: a.Tokens.At(r.End - 1).End}
}

func sentenceSpan(a *corpus.Article, r corpus.Range) corpus.Span {
	return corpus.Span{Start: a.Sentences[r.Start].Span().Start, End: a.Sentences[r.End-1].Span().End}
}

// pair builds a two-sided block over sentences ls of a and rs of b, with
// their diff ops when already computed.
func (bb *blockBuilder) pair(kind BlockKind, ls, rs corpus.Range, g group) Block {
	lspan, rspan := sentenceSpan(bb.a, ls), sentenceSpan(bb.b, rs)
	if p := g.lpart(); p.Len() > 0 {
		lspan = tokenSpan(bb.a, p)
	}
	if p := g.rpart(); p.Len() > 0 {
		rspan = tokenSpan(bb.b, p)
	}
	title := (ls.Start == 0 && hasTitle(bb.a)) || (rs.Start == 0 && hasTitle(bb.b))
	// The ops run forward from the group's first token on each side:
	// each pass over them (the moved runs, the word counts, the match)
	// finds their spans from there (corpus.SpanCursorAt), not from each
	// article's start. At 100,000 words a side those first searches missed
	// the cache at every step and took 30 times what they did at 10,000.
	lt, rt := groupTokens(bb.a, bb.b, ls, rs, g)
	ops := g.ops
	if !bb.mirrored {
		if bb.ctx.Err() == nil {
			ops = groupDiff(bb.d, bb.a, bb.b, ls, rs, g)
		}
		ops = bb.mv.markFrom(bb.a, bb.b, ops, lt.Start, rt.Start)
	}
	blk := Block{
		Kind:           kind,
		Left:           lspan,
		Right:          rspan,
		Sibling:        -1,
		SiblingRight:   -1,
		Role:           corpus.RoleProse,
		Ops:            ops,
		LeftSentences:  ls,
		RightSentences: rs,
		Repeats:        -1,
	}
	if title {
		// A title paired with the other title or with a lead.
		blk.Role = corpus.RoleTitle
	}
	ca, cb := bb.a.SpanCursorAt(lt.Start), bb.b.SpanCursorAt(rt.Start)
	eq, lw, rw := opWords(&ca, &cb, ops)
	if lw+rw > 0 {
		blk.Similarity = 2 * float64(eq) / float64(lw+rw)
	}
	blk.Score = g.score
	blk.Match = matchOf(bb.a, bb.b, blk.Left, blk.Right, ops, g.para, bb.a.SpanCursorAt(lt.Start))
	return blk
}

// groupTokens returns the tokens group g diffs, over sentences ls of a
// and rs of b: the sentences' tokens, or the part of them g pairs.
func groupTokens(a, b *corpus.Article, ls, rs corpus.Range, g group) (lt, rt corpus.Range) {
	lt, rt = tokenRange(a, ls), tokenRange(b, rs)
	if p := g.lpart(); p.Len() > 0 {
		lt = p
	}
	if p := g.rpart(); p.Len() > 0 {
		rt = p
	}
	return lt, rt
}

// groupDiff returns the diff of group g, over sentences ls of a and rs of
// b: its ops when already computed, but for two titles, which are diffed
// as titles.
func groupDiff(d *Differ, a, b *corpus.Article, ls, rs corpus.Range, g group) []Op {
	lt, rt := groupTokens(a, b, ls, rs, g)
	switch {
	case ls.Start == 0 && hasTitle(a) && rs.Start == 0 && hasTitle(b):
		return d.diffTitles(a, lt, b, rt)
	case g.ops == nil:
		return d.Diff(a, lt, b, rt)
	}
	return g.ops
}

// groupSentences returns the sentences that units us of a group span,
// sents being each unit's sentence.
func groupSentences(sents []int32, us corpus.Range) corpus.Range {
	return corpus.Range{Start: int(sents[us.Start]), End: int(sents[us.End-1]) + 1}
}

// matchOf names how a paired block's sides relate: a paraphrase when the
// model made the pair or no run of runLen words is equal, unless every word
// is; otherwise a
// quote when the longest equal run sits inside quotation marks on either
// side (or holds one: one outlet may drop the marks), verbatim copy when
// not.
//
// ca is a cursor over a's tokens (see corpus.SpanCursorAt), at or
// before the first op's on the left; it is the function's own.
func matchOf(a, b *corpus.Article, left, right corpus.Span, ops []Op, para bool, ca corpus.SpanCursor) Match {
	// Sides whose words are all equal are copy however short ("Mouse
	// on."), whoever paired them.
	same := true
	for _, op := range ops {
		same = same && (op.Kind == OpEqual || op.Minor)
	}
	if para && !same {
		return Paraphrase
	}
	longest, at := 0, Op{}
	for _, op := range ops {
		if op.Kind == OpEqual {
			if n := ca.WordsIn(op.Left); n > longest {
				longest, at = n, op
			}
		}
	}
	switch {
	case longest < runLen && !same:
		return Paraphrase
	case longest == 0:
		return Verbatim // equal, but no word to place: punctuation alone
	}
	if insideQuote(a.Text(corpus.Span{Start: left.Start, End: at.Left.Start})) ||
		insideQuote(b.Text(corpus.Span{Start: right.Start, End: at.Right.Start})) ||
		strings.ContainsAny(a.Text(at.Left), "\"“”") {
		return Quote
	}
	return Verbatim
}

// insideQuote reports whether a quotation opened in text is still open at
// its end. Straight double quotes toggle; curly ones open and close.
func insideQuote(text string) bool {
	open := false
	for _, r := range text {
		switch r {
		case '“':
			open = true
		case '”':
			open = false
		case '"':
			open = !open
		}
	}
	return open
}

// lineKey is what makes two non-prose elements the same line: their role
// and the matching forms of their words and marks, whitespace aside, as
// the word diff compares them. Keyed by their bytes, a heading that only
// made an apostrophe straight ("Smith’s", "Smith's") or its words capitals
// ("READ MORE") was no twin: shown removed and added, and a difference
// to --ignore-punctuation and --ignore-case, which a sentence so changed
// is not.
func lineKey(a *corpus.Article, e element) string {
	var b strings.Builder
	b.WriteString(e.role.String())
	toks := a.Tokens.In(tokenRange(a, e.sents))
	for i := range toks.Len() {
		if k := toks.Kind(i); k == corpus.TokWord || k == corpus.TokPunct {
			b.WriteByte(0)
			b.WriteString(toks.Form(i))
		}
	}
	return b.String()
}

// twin pairs a non-prose element of the left article with its identical
// twin on the right: an aligned block of the elements' role, all equal.
func (bb *blockBuilder) twin(l, r element) Block {
	blk := bb.lineBlock(l, r)
	blk.Similarity, blk.Match = 1, Verbatim
	blk.Ops = bb.d.Diff(bb.a, tokenRange(bb.a, l.sents), bb.b, tokenRange(bb.b, r.sents))
	return blk
}

// lineBlock returns the aligned block of a non-prose element of the left
// article and its twin or near twin on the right, of the left's role, with
// no similarity, match or ops yet.
func (bb *blockBuilder) lineBlock(l, r element) Block {
	return Block{
		Kind:           Aligned,
		Left:           sentenceSpan(bb.a, l.sents),
		Right:          sentenceSpan(bb.b, r.sents),
		Role:           l.role,
		LeftSentences:  l.sents,
		RightSentences: r.sents,
		Repeats:        -1,
		Sibling:        -1,
		SiblingRight:   -1,
	}
}

func (bb *blockBuilder) oneSided(kind BlockKind, e element) Block {
	blk := Block{Kind: kind, Role: e.role, Repeats: -1, Sibling: -1, SiblingRight: -1}
	if kind == LeftOnly {
		blk.Left = sentenceSpan(bb.a, e.sents)
		blk.LeftSentences = e.sents
		blk.Ops = bb.oneSidedOp(Op{Kind: OpDelete, Left: blk.Left})
	} else {
		blk.Right = sentenceSpan(bb.b, e.sents)
		blk.RightSentences = e.sents
		blk.Ops = bb.oneSidedOp(Op{Kind: OpInsert, Right: blk.Right})
	}
	return blk
}

// oneSidedOp returns the ops of a one-sided block, op alone, cut from a
// slab: an Op is 40 bytes, which the allocator rounds up to 48 when each
// is made on its own, and the bounded comparison of two 5 MiB files of
// two-word sentences has 283,000 one-sided blocks. A slab holds as many
// ops as there are blocks so far, from 4 to 256, so that a small
// comparison keeps few spare. The slice is full: appending to it copies.
func (bb *blockBuilder) oneSidedOp(op Op) []Op {
	if len(bb.oneSidedOps) == 0 {
		bb.oneSidedOps = make([]Op, min(max(len(bb.blocks), 4), 256))
	}
	ops := bb.oneSidedOps[:1:1]
	bb.oneSidedOps = bb.oneSidedOps[1:]
	ops[0] = op
	return ops
}

// OpWords counts the words in equal ops (on the left) and all words on each
// side of ops.
func OpWords(a, b *corpus.Article, ops []Op) (equal, left, right int) {
	ca, cb := a.SpanCursor(), b.SpanCursor()
	return opWords(&ca, &cb, ops)
}

// opWords is OpWords with the cursors over each side's tokens to find the
// ops' spans with (see corpus.SpanCursor): the ops run forward on each
// side, so each side's spans are found from where the last ended.
func opWords(ca, cb *corpus.SpanCursor, ops []Op) (equal, left, right int) {
	for _, op := range ops {
		switch op.Kind {
		case OpEqual:
			n := ca.WordsIn(op.Left)
			equal += n
			left += n
			right += cb.WordsIn(op.Right)
		case OpDelete:
			left += ca.WordsIn(op.Left)
		case OpInsert:
			right += cb.WordsIn(op.Right)
		}
	}
	return
}

// markRepeats points each one-sided prose block at the paired block that
// carries the same wording, when the matcher scored it high against a unit
// that was paired elsewhere.
func (bb *blockBuilder) markRepeats(cands []candidate, gs []group) {
	if len(gs) == 0 {
		return
	}
	ownerL, ownerR := groupOwners(gs, len(bb.left), len(bb.right))
	unitOfL := unitIndex(bb.a, bb.left)
	unitOfR := unitIndex(bb.b, bb.right)
	bestL := make(map[int]candidate) // left unit -> best candidate against a paired right unit
	bestR := make(map[int]candidate)
	for _, c := range cands {
		if c.score < repeatThreshold {
			continue
		}
		if ownerL[c.l] < 0 && ownerR[c.r] >= 0 && c.score > bestL[c.l].score {
			bestL[c.l] = c
		}
		if ownerR[c.r] < 0 && ownerL[c.l] >= 0 && c.score > bestR[c.r].score {
			bestR[c.r] = c
		}
	}
	for i := range bb.blocks {
		blk := &bb.blocks[i]
		if blk.Role != corpus.RoleProse {
			continue
		}
		switch blk.Kind {
		case LeftOnly:
			for s := blk.LeftSentences.Start; s < blk.LeftSentences.End; s++ {
				if u := unitOfL[s]; u >= 0 {
					if c, ok := bestL[u]; ok {
						blk.Repeats = int32(bb.groupBlock[ownerR[c.r]])
						break
					}
				}
			}
		case RightOnly:
			for s := blk.RightSentences.Start; s < blk.RightSentences.End; s++ {
				if u := unitOfR[s]; u >= 0 {
					if c, ok := bestR[u]; ok {
						blk.Repeats = int32(bb.groupBlock[ownerL[c.l]])
						break
					}
				}
			}
		}
	}
}

// overallSimilarity is the share of prose words, over both articles, that
// sit in equal ops of paired blocks: 1 for identical texts, 0 for texts with
// nothing in common. Titles, headings, captions and boilerplate do not count,
// but where the prose alone reads as all or nothing and they say otherwise,
// the share of every word is the figure: a title changed over unchanged
// prose was "similarity 100%" beside "1 word deleted", and two articles
// sharing a title but no prose 0%. Where neither article has a prose word
// every word counts too, and two with no word at all are 1 when nothing
// differs between them and 0 otherwise (they were 0 even when identical).
func overallSimilarity(c *Comparison) float64 {
	// The blocks come in the left's order, and mostly in the right's:
	// one pair of cursors finds every block's spans from where the last
	// block's ended. A pair for each block searched from each article's
	// start, a dozen steps at 100,000 words, each missing the cache.
	eq := 0
	ca, cb := c.Left.SpanCursor(), c.Right.SpanCursor()
	for _, blk := range c.Blocks {
		if (blk.Kind == Aligned || blk.Kind == Moved) && blk.Role == corpus.RoleProse {
			e, _, _ := opWords(&ca, &cb, blk.Ops)
			eq += e
		}
	}
	total := c.Left.ProseWords() + c.Right.ProseWords()
	if total > 0 {
		prose := 2 * float64(eq) / float64(total)
		if prose > 0 && prose < 1 {
			return prose
		}
		if all, ok := allWordsSimilarity(c); ok && (all > 0 && all < 1) {
			return all
		}
		return prose
	}
	// No prose on either side (a title over page furniture, say): the
	// share of all their words. One word changed in a one-line file, then
	// read as a title alone, was 0%, beside its title's 86%.
	if all, ok := allWordsSimilarity(c); ok {
		return all
	}
	if unchanged(c) {
		return 1
	}
	return 0
}

// allWordsSimilarity is the share of all words, over both articles, that
// sit in equal ops of paired blocks, whatever their role; ok is false when
// neither article has a word.
func allWordsSimilarity(c *Comparison) (share float64, ok bool) {
	eq, lw, rw := 0, 0, 0
	ca, cb := c.Left.SpanCursor(), c.Right.SpanCursor()
	for _, blk := range c.Blocks {
		e, l, r := opWords(&ca, &cb, blk.Ops)
		if blk.Kind == Aligned || blk.Kind == Moved {
			eq += e
		}
		lw += l
		rw += r
	}
	if lw+rw == 0 {
		return 0, false
	}
	return 2 * float64(eq) / float64(lw+rw), true
}

// unchanged reports whether every block of c pairs its sides in order
// with nothing deleted or inserted.
func unchanged(c *Comparison) bool {
	for _, blk := range c.Blocks {
		if blk.Kind != Aligned {
			return false
		}
		for _, op := range blk.Ops {
			if op.Kind != OpEqual {
				return false
			}
		}
	}
	return true
}
