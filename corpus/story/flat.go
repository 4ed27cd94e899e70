package story

import (
	"fmt"
	"io/fs"

	"github.com/newsdiff/newsdiff/corpus"
)

// LoadDir loads the directory or file at path (see corpus.LoadDir) and
// splits a flat directory's articles into stories by content (SplitFlat).
func LoadDir(path string) (*corpus.Corpus, []corpus.Problem, error) {
	c, problems, err := corpus.LoadDir(path)
	if c != nil {
		SplitFlat(c)
	}
	return c, problems, err
}

// LoadFS loads fsys (see corpus.LoadFS) and splits a flat file system's
// articles into stories by content (SplitFlat).
func LoadFS(fsys fs.FS, name string) (*corpus.Corpus, []corpus.Problem, error) {
	c, problems, err := corpus.LoadFS(fsys, name)
	if c != nil {
		SplitFlat(c)
	}
	return c, problems, err
}

// SplitFlat splits the root story of a flat corpus (see corpus.Corpus.Flat)
// into stories by content, in place; a corpus with story folders is left as
// it is. Stories keep the order in which their first article was loaded.
func SplitFlat(c *corpus.Corpus) {
	if !c.Flat {
		return
	}
	arts := c.Articles()
	groupRootStory(arts, c.Name)
	c.Stories = nil
	stories := make(map[string]*corpus.Story)
	for _, a := range arts {
		s := stories[a.Story]
		if s == nil {
			s = &corpus.Story{Name: a.Story}
			stories[a.Story] = s
			c.Stories = append(c.Stories, s)
		}
		s.Articles = append(s.Articles, a)
	}
}

// groupRootStory splits the articles of a flat directory that name no story
// of their own into stories by what they report (see GroupArticles): one
// directory may hold several unrelated events. Only groups of two or more
// articles become stories of their own, named after their first article's
// title; the largest keeps the directory's name, together with any article
// that groups with nothing — a reader who puts two very differently worded
// reports side by side still gets them compared.
func groupRootStory(arts []*corpus.Article, name string) {
	var pool []*corpus.Article
	for _, a := range arts {
		if a.Story == name {
			pool = append(pool, a)
		}
	}
	if len(pool) < 4 {
		return
	}
	var multi [][]*corpus.Article
	for _, g := range GroupArticles(pool) {
		if len(g) >= 2 {
			multi = append(multi, g)
		}
	}
	if len(multi) < 2 {
		return
	}
	largest := 0
	for i, g := range multi {
		if len(g) > len(multi[largest]) {
			largest = i
		}
	}
	used := map[string]bool{}
	for _, a := range arts {
		used[a.Story] = true
	}
	for i, g := range multi {
		if i == largest {
			continue
		}
		title := []rune(g[0].Title)
		if len(title) > 60 {
			title = append(title[:59], '…')
		}
		story := string(title)
		for n := 2; used[story] || story == ""; n++ {
			story = fmt.Sprintf("%s (%d)", string(title), n)
		}
		used[story] = true
		for _, a := range g {
			a.Story = story
		}
	}
}
