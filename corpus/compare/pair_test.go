package compare

import (
	"context"
	"math"
	"path/filepath"
	"strings"
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

// TestSimilarityWithoutProse is a regression test: two identical articles
// with no prose word (a title over a line of one token too long to be a
// word, or over a line of page furniture) were 0% similar, beside
// "differs": false. And two such articles that differed were 0% however
// little they did: a one-line file with one word of seven changed (as
// git's external diff is given one), then read as a title alone, was 0%
// beside its title's 86% and "1 word deleted, 1 inserted". Without prose
// on either side every word counts. A file of one line is now its own
// body, prose, and compares to the same figures.
func TestSimilarityWithoutProse(t *testing.T) {
	long := strings.Repeat("y", 300)
	const furniture = "\n\nShare this story\n"
	tests := []struct {
		name        string
		left, right string
		want        float64
		oneLine     bool // the texts are one line each, or none: prose
	}{
		{"a long token, identical", "Title\n\nhello " + long + " world\n", "Title\n\nhello " + long + " world\n", 1, false},
		{"titles alone, identical", "A lone title" + furniture, "A lone title" + furniture, 1, false},
		{"titles alone, different", "A lone title" + furniture, "Another title here" + furniture, 0.5, false},
		{"a long token, different", "Title\n\nhello " + long + " world\n", "Title\n\nbye " + long + " world\n", 0.75, false},
		{"titles alone, a word changed", "Trump will visit the UK in July" + furniture, "Trump will visit the UK in June" + furniture, 18.0 / 20, false},
		{"nothing against nothing", "", "", 1, false},
		{"one line each, identical", "A lone title\n", "A lone title\n", 1, true},
		{"one line each, different", "A lone title\n", "Another title here\n", 0, true},
		{"one line each, a word changed", "Trump will visit the UK in July\n", "Trump will visit the UK in June\n", 12.0 / 14, true},
		{"one line each, a mark changed", "Trump will visit the UK in July\n", "Trump will visit the UK in July!\n", 1, true},
		{"a line against nothing", "Trump will visit the UK in July\n", "", 0, true},
	}
	for _, tt := range tests {
		a, b, c := compareTexts(t, tt.left, tt.right)
		switch {
		case !tt.oneLine && a.ProseWords()+b.ProseWords() != 0:
			t.Fatalf("%s: %d and %d prose words, want none", tt.name, a.ProseWords(), b.ProseWords())
		case tt.oneLine && (a.ProseWords() != a.Words || b.ProseWords() != b.Words):
			t.Fatalf("%s: %d of %d and %d of %d words prose, want all", tt.name, a.ProseWords(), a.Words, b.ProseWords(), b.Words)
		}
		if math.Abs(c.Similarity-tt.want) > 1e-9 {
			t.Errorf("%s: similarity %v, want %v", tt.name, c.Similarity, tt.want)
		}
	}
}

// TestSimilarityNeverAllOrNothingAgainstItsWords: the similarity counts
// prose words, but it is never 1 while any word differs, nor 0 while any
// is shared: a title changed over unchanged prose read "similarity 100%"
// beside "1 word deleted", and a title shared over different prose 0%.
func TestSimilarityNeverAllOrNothingAgainstItsWords(t *testing.T) {
	const prose = "The council voted on Monday to close the old bridge to traffic, the mayor said after a long meeting.\n\n" +
		"Engineers had warned for years that the bridge was unsafe, and repairs would cost more than a new one.\n"
	const other = "Zebras grazed quietly on the savannah near the lake, wildlife officials reported on Tuesday morning.\n"
	tests := []struct {
		name        string
		left, right string
		differ      bool // a word differs: the similarity is under 1
		share       bool // a word is shared: the similarity is over 0
	}{
		{"identical", "Bridge to close\n\n" + prose, "Bridge to close\n\n" + prose, false, true},
		{"the title changed", "Bridge to close\n\n" + prose, "Old bridge to close\n\n" + prose, true, true},
		{"the title alone shared", "Bridge to close\n\n" + prose, "Bridge to close\n\n" + other, true, true},
		{"nothing shared", "Bridge to close\n\n" + prose, "Zebras on the savannah\n\n" + other, true, false},
	}
	for _, tt := range tests {
		_, _, c := compareTexts(t, tt.left, tt.right)
		st := c.Stats()
		if differ := st.DeletedWords()+st.InsertedWords() > 0; differ != tt.differ {
			t.Fatalf("%s: %d words deleted and %d inserted, want some: %v", tt.name, st.DeletedWords(), st.InsertedWords(), tt.differ)
		}
		if tt.differ && c.Similarity >= 1 {
			t.Errorf("%s: similarity %v with %d words deleted and %d inserted, want under 1", tt.name, c.Similarity, st.DeletedWords(), st.InsertedWords())
		}
		if !tt.differ && c.Similarity != 1 {
			t.Errorf("%s: similarity %v, want 1", tt.name, c.Similarity)
		}
		if tt.share && c.Similarity <= 0 {
			t.Errorf("%s: similarity %v with words shared, want over 0", tt.name, c.Similarity)
		}
		if !tt.share && c.Similarity != 0 {
			t.Errorf("%s: similarity %v, want 0", tt.name, c.Similarity)
		}
	}
}
