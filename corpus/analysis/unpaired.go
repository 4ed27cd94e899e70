package analysis

import "github.com/newsdiff/newsdiff/corpus"

// Unpaired returns the articles of the story that share no passage with
// any other of its articles (titles aside, which are always paired): most
// likely another story's, filed with this one. A story of one article has
// none.
func (an *Analysis) Unpaired() []*corpus.Article {
	var out []*corpus.Article
	for i, a := range an.Articles {
		paired := false
		for j := range an.Articles {
			if i == j {
				continue
			}
			if c, _ := an.Comparison(i, j); c != nil && c.Stats().Paired > 0 {
				paired = true
				break
			}
		}
		if !paired && len(an.Articles) > 1 {
			out = append(out, a)
		}
	}
	return out
}
