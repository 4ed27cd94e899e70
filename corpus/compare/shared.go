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
	// Russians) or the same number or day. Which of the numbers and days
	// the sides give differently is the story's facts' to say (their
	// Shared, in the analysis package), as they say when two outlets
	// disagree.
	Left, Right []corpus.Span
}

// Shared returns the shared content words of a paired block of c (nothing
// for a one-sided block).
func (c *Comparison) Shared(b Block) SharedWords {
	var sw SharedWords
	if b.Kind != Aligned && b.Kind != Moved {
		return sw
	}
	left := blockWords(c.Left, b.Left)
	right := blockWords(c.Right, b.Right)
	sw.Left = left.sharedWith(right)
	sw.Right = right.sharedWith(left)
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
	}
	slices.Sort(l.keys)
	slices.Sort(l.groups)
	l.groups = slices.Compact(l.groups)
	return l
}

// sharedWith returns the words of l that other has (or relates to).
func (l blockWordList) sharedWith(other blockWordList) (shared []corpus.Span) {
	for _, w := range l.words {
		_, same := slices.BinarySearch(other.keys, w.info.key)
		if same || w.info.class == lexicon.Plain && relatedTo(w.info.groups, other.groups) {
			shared = append(shared, w.span)
		}
	}
	return shared
}
