package ui

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestPassagesStatusOfOneArticle: the passages of a story of one article
// had the status bar count what one article cannot have, "0 runs word
// for word · 0 facts given differently", under a pane saying there is no
// other outlet. It says the story has one article.
func TestPassagesStatusOfOneArticle(t *testing.T) {
	one, _, err := corpus.LoadFS(fstest.MapFS{
		"only.txt": {Data: []byte("A lone headline about the weather\n\nIt rained in Paris on Monday. The streets were wet and people carried umbrellas.\n")},
	}, "one")
	if err != nil {
		t.Fatal(err)
	}
	status := screenLines(press(newModel(t, one, 160, 45), "4"))[43]
	if !strings.Contains(status, "the story has one article") || strings.Contains(status, " 0 ") {
		t.Errorf("the passages of a story of one article: status %q", status)
	}
}
