package ui

import (
	"fmt"
	"strings"
	"testing"
)

// TestStoryViewsSayTheyCoverTheFirstArticles is a regression test: on a
// story larger than analysis.MaxArticles the analysis covers only its
// first articles, and the commands say so, but the reader's quotes,
// matrix and passages views did not, so the matrix's "24 outlets" and
// the quote counts read as the whole story's. Each view's status bar now
// says it; a story within the bound says nothing of the kind.
func TestStoryViewsSayTheyCoverTheFirstArticles(t *testing.T) {
	story := func(n int) []string {
		var files []string
		for i := range n {
			files = append(files, fmt.Sprintf("outlet%02d.txt", i),
				fmt.Sprintf("Fire at the city hall %d\n\nA fire broke out at the city hall of Springfield on Monday night, the fire chief said. Outlet %d adds that %d firefighters answered the call.\n", i, i, i+3))
		}
		return files
	}
	for _, tt := range []struct {
		articles int
		want     string
	}{
		{26, "the first 24 of 26 articles"},
		{5, ""},
	} {
		c := filesCorpus(t, "fire", story(tt.articles)...)
		if len(c.Stories) != 1 || len(c.Stories[0].Articles) != tt.articles {
			t.Fatalf("%d articles: loaded %d stories", tt.articles, len(c.Stories))
		}
		m := newModel(t, c, 160, 45)
		for _, key := range []string{"2", "3", "4"} {
			m = press(m, key)
			status := screenLines(m)[len(screenLines(m))-2]
			if got := strings.Contains(status, "articles"); tt.want == "" && got {
				t.Errorf("%d articles, view %s: status %q speaks of a limit", tt.articles, key, status)
			}
			if tt.want != "" && !strings.Contains(status, tt.want) {
				t.Errorf("%d articles, view %s: status %q, want %q in it", tt.articles, key, status, tt.want)
			}
		}
	}
}
