package story

import "github.com/newsdiff/newsdiff/corpus"

// GroupTerms returns, in text order, the words of a that story grouping
// compares: the content forms (see contentForm) of the words of its prose
// and title, or of all its words when it has no prose, less its furniture
// (see furnitureRanges): none for a page of furniture. An index that groups
// articles one at a time (corpus/archive) keeps these instead of the
// article, so that it weighs words exactly as GroupArticles does.
func GroupTerms(a *corpus.Article) []string {
	words := groupWords(a)
	out := words[:0:0]
	for _, w := range words {
		if c := contentForm(w); c != "" {
			out = append(out, c)
		}
	}
	return out
}
