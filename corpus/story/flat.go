package story

import (
	"fmt"
	"io/fs"
	"slices"

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
// it is. Stories keep the order in which their first article was loaded,
// except that the articles that group with nothing (Ungrouped stories of
// one) come last.
func SplitFlat(c *corpus.Corpus) {
	if !c.Flat {
		return
	}
	arts := c.Articles()
	// The articles that name no story of their own have the directory's
	// name made a label (accents composed, spaces made one) for theirs,
	// not the name as given.
	ungrouped := groupRootStory(arts, corpus.Label(c.Name))
	c.Stories = nil
	stories := make(map[string]*corpus.Story)
	for _, a := range arts {
		s := stories[a.Story]
		if s == nil {
			s = &corpus.Story{Name: a.Story, Ungrouped: ungrouped[a.Story]}
			stories[a.Story] = s
			c.Stories = append(c.Stories, s)
		}
		s.Articles = append(s.Articles, a)
	}
	slices.SortStableFunc(c.Stories, func(a, b *corpus.Story) int {
		switch {
		case a.Ungrouped == b.Ungrouped:
			return 0
		case a.Ungrouped:
			return 1
		}
		return -1
	})
}

// groupRootStory splits the articles of a flat directory that name no story
// of their own into stories by what they report (see GroupArticles): one
// directory may hold several unrelated events. Each group of two or more
// articles is a story, the largest keeping the directory's name and the
// others named after their first article's title; an article that groups
// with nothing is a story of its own, and its name is in ungrouped, so that
// no story collects the leftovers (a catch-all story of thousands of
// unrelated articles is one no analysis can finish). A directory of fewer
// than four such articles, or one whose articles all group together, stays
// one story: a reader who puts two or three very differently worded
// reports side by side still gets them compared.
func groupRootStory(arts []*corpus.Article, name string) (ungrouped map[string]bool) {
	var pool []*corpus.Article
	for _, a := range arts {
		if a.Story == name {
			pool = append(pool, a)
		}
	}
	if len(pool) < 4 {
		return nil
	}
	groups := GroupArticles(pool)
	if len(groups) < 2 {
		return nil
	}
	largest := -1
	for i, g := range groups {
		if len(g) >= 2 && (largest < 0 || len(g) > len(groups[largest])) {
			largest = i
		}
	}
	used := map[string]bool{}
	for _, a := range arts {
		used[a.Story] = true
	}
	ungrouped = map[string]bool{}
	for i, g := range groups {
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
		if len(g) == 1 {
			ungrouped[story] = true
		}
	}
	return ungrouped
}
