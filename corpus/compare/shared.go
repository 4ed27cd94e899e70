package compare

import (
	"slices"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/lexicon"
)

// SharedWords is what a renderer needs to show a paraphrase pair as two
// passages side by side rather than as a word diff, which for two
// wordings of one event strikes through almost every word.
type SharedWords struct {
	// Left and Right are the content words of each side that the other
	// side also has, as a lemma (hack, hacked), a related word (Russia,
	// Russians) or the same number or day.
	Left, Right []corpus.Span
	// LeftDiffer and RightDiffer are the numbers, days and months of each
	// side that the other side does not give although it gives one of the
	// same kind: a disputed value, to flag.
	LeftDiffer, RightDiffer []corpus.Span
}

// Shared returns the shared and differing content words of a paired block
// of c (nothing for a one-sided block).
func (c *Comparison) Shared(b Block) SharedWords {
	var sw SharedWords
	if b.Kind != Aligned && b.Kind != Moved {
		return sw
	}
	left := blockWords(c.Left, b.Left)
	right := blockWords(c.Right, b.Right)
	sw.Left, sw.LeftDiffer = left.sharedWith(right)
	sw.Right, sw.RightDiffer = right.sharedWith(left)
	return sw
}

// blockWord is a content word of a block with what the lexicon says of it.
type blockWord struct {
	span corpus.Span
	info *wordInfo
}

type blockWordList struct {
	words  []blockWord
	keys   []uint64 // sorted lemma keys
	groups []uint32 // sorted related-word groups
	kinds  [4]bool  // which lexicon classes occur
}

func blockWords(a *corpus.Article, s corpus.Span) blockWordList {
	var l blockWordList
	r := a.TokensIn(s)
	for _, t := range a.Tokens.In(r).All() {
		if t.Kind != corpus.TokWord || corpus.IsStopword(t.Form) {
			continue
		}
		wi := infoOf(t.Form)
		l.words = append(l.words, blockWord{t.Span, wi})
		l.keys = append(l.keys, wi.key)
		l.groups = append(l.groups, wi.groups...)
		l.kinds[wi.class] = true
	}
	slices.Sort(l.keys)
	slices.Sort(l.groups)
	l.groups = slices.Compact(l.groups)
	return l
}

// sharedWith returns the words of l that other has (or relates to), and
// those that disagree: a number, day or month that other lacks while it
// has one of the same class.
func (l blockWordList) sharedWith(other blockWordList) (shared, differ []corpus.Span) {
	for _, w := range l.words {
		_, same := slices.BinarySearch(other.keys, w.info.key)
		switch {
		case same || w.info.class == lexicon.Plain && relatedTo(w.info.groups, other.groups):
			shared = append(shared, w.span)
		case w.info.class != lexicon.Plain && other.kinds[w.info.class]:
			differ = append(differ, w.span)
		}
	}
	return shared, differ
}
