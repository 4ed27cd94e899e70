package compare

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestMirroredIsCompareSwapped checks that mirroring a comparison of two
// articles in the order Compare aligns them (canonical) gives what
// Compare gives for the other order, block for block: the seed story's
// pairs, the shared stories', and the long multinews clusters'.
func TestMirroredIsCompareSwapped(t *testing.T) {
	stories := [][]*corpus.Article{testcorpus.Seeds(t)}
	for _, glob := range []string{"stories/*", "multinews/longbench-multinews-*"} {
		dirs, _ := filepath.Glob(filepath.Join(testcorpus.Shared(t, "corpora"), glob))
		for _, d := range dirs {
			c, _, err := corpus.LoadDir(d)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range c.Stories {
				stories = append(stories, s.Articles)
			}
		}
	}
	pairs := 0
	for _, as := range stories {
		for _, a := range as {
			for _, b := range as {
				if a == b || !canonical(a, b) {
					continue
				}
				ab, err := Compare(context.Background(), a, b)
				if err != nil {
					t.Fatal(err)
				}
				if ab.Bounded {
					continue // not mirrored
				}
				ba, err := Compare(context.Background(), b, a)
				if err != nil {
					t.Fatal(err)
				}
				pairs++
				if d := comparisonDiff(mirrored(ab), ba); d != "" {
					t.Errorf("%s with %s, mirrored: %s", a.Source, b.Source, d)
				}
			}
		}
	}
	if pairs < 100 {
		t.Errorf("only %d pairs mirrored", pairs)
	}
}

// comparisonDiff describes the first difference between x and y, or
// returns "" when they hold the same articles, blocks and similarity.
func comparisonDiff(x, y *Comparison) string {
	if x.Left != y.Left || x.Right != y.Right {
		return "other articles"
	}
	if len(x.Blocks) != len(y.Blocks) {
		return fmt.Sprintf("%d blocks, want %d", len(x.Blocks), len(y.Blocks))
	}
	for i := range x.Blocks {
		a, b := x.Blocks[i], y.Blocks[i]
		if !reflect.DeepEqual(a, b) {
			return fmt.Sprintf("block %d: %+v\nwant %+v", i, a, b)
		}
	}
	if x.Similarity != y.Similarity || x.Bounded != y.Bounded || x.Stats() != y.Stats() {
		return fmt.Sprintf("similarity %v, want %v", x.Similarity, y.Similarity)
	}
	return ""
}
