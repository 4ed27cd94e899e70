package compare_test

import (
	"context"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestResearchStoriesAlign loads the held-out stories (several outlets per
// event) and checks the comparison invariants on every pair, reporting the
// overall figures.
func TestResearchStoriesAlign(t *testing.T) {
	// The research corpora live beside the repository, never in it: a fresh
	// clone has none, and the test skips.
	c, probs, err := corpus.LoadDir(testcorpus.Shared(t, "corpora/stories"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		t.Logf("problem: %v", p)
	}
	pairs, paired, moved := 0, 0, 0
	for _, s := range c.Stories {
		if len(s.Articles) < 2 {
			continue
		}
		for i, a := range s.Articles {
			for _, b := range s.Articles[i+1:] {
				cmp, err := compare.Compare(context.Background(), a, b)
				if err != nil {
					t.Fatal(err)
				}
				pairs++
				for _, blk := range cmp.Blocks {
					switch blk.Kind {
					case compare.Aligned:
						paired++
					case compare.Moved:
						paired++
						moved++
					}
					if blk.Similarity < 0 || blk.Similarity > 1 {
						t.Errorf("%s vs %s: similarity %v", a.Source, b.Source, blk.Similarity)
					}
				}
			}
		}
	}
	t.Logf("%d stories, %d pairs: %d paired passages, %d of them moved", len(c.Stories), pairs, paired, moved)
	if pairs < 50 || paired == 0 {
		t.Errorf("want at least 50 pairs with paired passages, got %d pairs, %d paired", pairs, paired)
	}
}

// TestMultinewsLoads loads the large scale corpus — lower-cased text, stray
// control bytes, thousands of stories — and checks that everything loads,
// that no title keeps a control character, and compares the first pair of
// every story.
func TestMultinewsLoads(t *testing.T) {
	dir := testcorpus.Shared(t, "corpora/multinews")
	if testing.Short() {
		t.Skip("large corpus; skipped in -short mode")
	}
	c, probs, err := corpus.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	arts := c.Articles()
	t.Logf("%d stories, %d articles, %d problems", len(c.Stories), len(arts), len(probs))
	if len(arts) < 7000 {
		t.Errorf("loaded %d articles, want the corpus's ~7,483", len(arts))
	}
	for _, a := range arts {
		if containsUnsafe(a.Title) {
			t.Fatalf("%s: unsafe title %q", a.Source, a.Title)
		}
	}
	compared := 0
	for _, s := range c.Stories {
		if len(s.Articles) >= 2 && compared < 400 {
			if _, err := compare.Compare(context.Background(), s.Articles[0], s.Articles[1]); err != nil {
				t.Fatal(err)
			}
			compared++
		}
	}
}

func containsUnsafe(s string) bool {
	for _, r := range s {
		if r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			return true
		}
	}
	return false
}
