package analysis

import "github.com/newsdiff/newsdiff/corpus"

// Unpaired returns the articles of the story that share no passage of
// prose with any other of its articles (a title pair does not count):
// most likely another story's, filed with this one. Only articles with
// prose are weighed: a title alone (over page furniture, say) has no
// passage to share, and says nothing of which story it belongs to; two
// one-line files, the same line word for word, were each called
// unrelated when such a line was read as a title. A story of one
// article has none.
func (an *Analysis) Unpaired() []*corpus.Article {
	var withProse []int
	for i, a := range an.Articles {
		if a.ProseWords() > 0 {
			withProse = append(withProse, i)
		}
	}
	if len(withProse) < 2 {
		return nil
	}
	var out []*corpus.Article
	for _, i := range withProse {
		paired := false
		for _, j := range withProse {
			if i == j {
				continue
			}
			if c, _ := an.Comparison(i, j); c != nil && c.Stats().Paired > 0 {
				paired = true
				break
			}
		}
		if !paired {
			out = append(out, an.Articles[i])
		}
	}
	return out
}
