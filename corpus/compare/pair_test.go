package compare

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// compareTexts parses two texts as the articles "left" and "right" and
// compares them, failing the test on an error.
func compareTexts(t *testing.T, left, right string) (a, b *corpus.Article, c *Comparison) {
	t.Helper()
	a = corpus.Parse("left", []byte(left))
	b = corpus.Parse("right", []byte(right))
	return a, b, compareOrFail(t, a, b)
}

// compareStoryFiles loads two articles of one story of the shared corpus
// and compares them; the test is skipped when the corpus is absent.
func compareStoryFiles(t *testing.T, story, left, right string) (a, b *corpus.Article, c *Comparison) {
	t.Helper()
	dir := filepath.Join(testcorpus.Shared(t, "corpora/stories"), story)
	a, _, err := corpus.LoadFile(filepath.Join(dir, left))
	if err != nil {
		t.Fatal(err)
	}
	b, _, err = corpus.LoadFile(filepath.Join(dir, right))
	if err != nil {
		t.Fatal(err)
	}
	return a, b, compareOrFail(t, a, b)
}

func compareOrFail(t *testing.T, a, b *corpus.Article) *Comparison {
	t.Helper()
	c, err := Compare(context.Background(), a, b)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
