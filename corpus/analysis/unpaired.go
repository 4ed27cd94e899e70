package analysis

import "github.com/newsdiff/newsdiff/corpus"

// Unpaired returns the articles of the story that share no passage with
// any other of its articles (titles aside, which are always paired): most
// likely another story's, filed with this one. Only articles with prose
// are weighed: a title alone (a one-line file) has no passage to share,
// and says nothing of which story it belongs to; two such files, the
// same line word for word, were each called unrelated. A story of one
// article has none.
func (an *Analysis) Unpaired() []*corpus.Article {
	var out []*corpus.Article
	for i, a := range an.Articles {
		if a.ProseWords() == 0 {
			continue
		}
		paired, others := false, false
		for j, b := range an.Articles {
			if i == j || b.ProseWords() == 0 {
				continue
			}
			others = true
			if c, _ := an.Comparison(i, j); c != nil && c.Stats().Paired > 0 {
				paired = true
				break
			}
		}
		if others && !paired {
			out = append(out, a)
		}
	}
	return out
}
