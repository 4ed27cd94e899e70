package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// labelsCorpus returns n listed articles in stories of 50, every one from
// one of three outlets, with titles in capitals and, every third, a
// character beyond ASCII: an archive's listing as the filter sees it.
func labelsCorpus(n int) *corpus.Corpus {
	c := &corpus.Corpus{}
	var st *corpus.Story
	for i := range n {
		if i%50 == 0 {
			st = &corpus.Story{Name: fmt.Sprintf("Story %d: The Spokesman For The Illinois Lottery Says", i/50)}
			c.Stories = append(c.Stories, st)
		}
		title := fmt.Sprintf("Article %d About The Mega Millions Jackpot", i)
		if i%3 == 0 {
			title += " — Leer En Español"
		}
		st.Articles = append(st.Articles, &corpus.Article{ID: fmt.Sprint(i), Outlet: fmt.Sprintf("Outlet %d", i%3), Title: title})
	}
	return c
}

// TestFilterLabelsCostAnAllocationAnArticle checks that the first letter
// of a filter, which makes every entry's label, folds each outlet and
// story name once rather than once an article: typed into the list of a
// 100,000-article archive, that letter took most of a second to show.
func TestFilterLabelsCostAnAllocationAnArticle(t *testing.T) {
	const n = 2000
	s := NewStyles(renderer(0))
	keys := DefaultKeyMap()
	p := newArticlesPane(labelsCorpus(n), &s, &keys)
	allocs := testing.AllocsPerRun(3, func() {
		q := p
		q.labelled = false
		q.setFilter("m")
	})
	// One for each label, and a few for the folded names and the list.
	if max := 1.2 * n; allocs > max {
		t.Errorf("labelling %d articles: %.0f allocations, want at most %.0f", n, allocs, max)
	}
}

// TestFilterLabels checks what the filter looks in: outlet, title and
// story, one line each, lowercased as strings.ToLower does, invalid
// UTF-8 included.
func TestFilterLabels(t *testing.T) {
	tests := []struct{ outlet, title, story string }{
		{"Outlet 1", "Plain ASCII Title", "A Story"},
		{"AL JAZEERA", "Leer en ESPAÑOL: Última Hora", "ÉTÉ"},
		{"x", "İstanbul ΣΊΣΥΦΟΣ", "Straße"},
		{"Bad\xffByte", "A \xe2\x80 Title\xff", "s\xc3"},
		{"Two\nLines", "  spaced   out  ", "tab\there"},
		{"", "", ""},
	}
	for _, tt := range tests {
		st := &corpus.Story{Name: tt.story}
		a := &corpus.Article{Outlet: tt.outlet, Title: tt.title}
		st.Articles = []*corpus.Article{a}
		var l labeller
		got := l.label(entry{story: st, article: a})
		want := strings.ToLower(termsafe.OneLine(tt.outlet) + "\n" + termsafe.OneLine(tt.title) + "\n" + termsafe.OneLine(tt.story))
		if got != want {
			t.Errorf("label(%q, %q, %q) = %q, want %q", tt.outlet, tt.title, tt.story, got, want)
		}
	}
}
