package compare_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/corpus/compare/gold"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// Floors of the development gold, as goldscore.py counts them, with the
// committed model (in-sample; scripts/fitpairs reports the cross-validated
// figures). Issue 9's targets for paraphrase (80%) and quote (97%) are
// higher: these are what the engine reaches today, to be raised, never
// lowered.
const (
	floorParaphrase = 0.32 // 119/365 reached
	floorQuote      = 0.97 // 77/79 reached
	floorVerbatim   = 1.0  // 10/10
	ceilingWrong    = 0.02 // 3/169 reached
	ceilingCross    = 1.0  // paired blocks per 100 across stories
)

func TestGoldFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("compares every gold pair")
	}
	dir := testcorpus.Shared(t, "corpora/stories")
	ss, kinds, err := gold.Load(filepath.Join(dir, "events.tsv"), dir)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := gold.Evaluate(context.Background(), compare.Compare, ss, kinds)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		kind  string
		floor float64
	}{{"paraphrase", floorParaphrase}, {"quote", floorQuote}, {"verbatim", floorVerbatim}} {
		got := sc.Pct(f.kind) / 100
		t.Logf("%s: %s paired (%.1f%%)", f.kind, sc.Ratio(f.kind), 100*got)
		if got < f.floor {
			t.Errorf("%s event pairs paired %s (%.1f%%), want at least %.0f%%", f.kind, sc.Ratio(f.kind), 100*got, 100*f.floor)
		}
	}
	wrong := float64(sc.Wrong) / float64(max(1, sc.Checked))
	t.Logf("wrong pairings: %s (%.1f%%)", sc.WrongRatio(), 100*wrong)
	if wrong > ceilingWrong {
		t.Errorf("wrong pairings %s (%.1f%%), want at most %.0f%%", sc.WrongRatio(), 100*wrong, 100*ceilingWrong)
	}
}

// TestCrossStoryPairs: articles of different stories report no event in
// common, so pairs between them (beyond the titles, always paired) are
// wrong. Compares the first article of every story with the first of every
// other.
func TestCrossStoryPairs(t *testing.T) {
	dir := testcorpus.Shared(t, "corpora/stories")
	folders, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var firsts []*corpus.Article
	for _, f := range folders {
		if !f.IsDir() {
			continue
		}
		names, _ := filepath.Glob(filepath.Join(dir, f.Name(), "*.txt"))
		if len(names) == 0 {
			continue
		}
		a, _, err := corpus.LoadFile(names[0])
		if err != nil {
			t.Fatal(err)
		}
		firsts = append(firsts, a)
	}
	paired, left := 0, 0
	for i, a := range firsts {
		for j, b := range firsts {
			if i == j {
				continue
			}
			c, err := compare.Compare(context.Background(), a, b)
			if err != nil {
				t.Fatal(err)
			}
			for _, blk := range c.Blocks[1:] {
				if !blk.Left.Empty() {
					left++
				}
				if blk.Kind == compare.Aligned || blk.Kind == compare.Moved {
					paired++
					t.Logf("paired across stories: %q ~ %q", a.Text(blk.Left), b.Text(blk.Right))
				}
			}
		}
	}
	per100 := 100 * float64(paired) / float64(max(1, left))
	t.Logf("%d articles, %d paired blocks across stories, %.2f per 100 left blocks", len(firsts), paired, per100)
	if per100 > ceilingCross {
		t.Errorf("%.2f blocks paired across stories per 100, want at most %.0f", per100, ceilingCross)
	}
}
