package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/corpus/compare/gold"
)

// TestLowestWithin: the threshold chosen is the lowest whose figures keep
// wrong pairings within maxWrong, even past one that does not, and the
// surest when none does.
func TestLowestWithin(t *testing.T) {
	curve := func(wrongAt func(th float64) int) []gold.Score {
		scores := make([]gold.Score, len(thresholds))
		for k, th := range thresholds {
			scores[k] = gold.Score{Wrong: wrongAt(th), Checked: 100}
		}
		return scores
	}
	for _, tc := range []struct {
		name    string
		wrongAt func(float64) int
		want    float64
	}{
		{"within down to 0.6", func(th float64) int { return map[bool]int{true: 2, false: 5}[th >= 0.6] }, 0.6},
		{"over at 0.8, within again down to 0.7", func(th float64) int {
			if th == 0.8 || th < 0.7 {
				return 3
			}
			return 1
		}, 0.7},
		{"never within", func(float64) int { return 9 }, 0.95},
	} {
		if got := lowestWithin(curve(tc.wrongAt)); got != tc.want {
			t.Errorf("%s: lowestWithin = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestHeldOutCurve: on two gold stories, the curve has the figures of
// every event pair at every threshold, and the threshold chosen is the
// one the curve gives.
func TestHeldOutCurve(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpora", "stories")
	if _, err := os.Stat(filepath.Join(dir, "events.tsv")); err != nil {
		t.Skipf("shared data not present at %s; skipping", dir)
	}
	all, kinds, err := gold.Load(filepath.Join(dir, "events.tsv"), dir)
	if err != nil {
		t.Fatal(err)
	}
	var ss []*gold.Story
	for _, s := range all {
		if s.Name == "pao" || s.Name == "christie" {
			ss = append(ss, s)
		}
	}
	if len(ss) != 2 {
		t.Fatalf("found %d of the stories pao and christie", len(ss))
	}
	ctx := context.Background()
	rows := map[string][]row{}
	for _, s := range ss {
		rows[s.Name] = storyRows(ctx, s)
	}
	curve := heldOutCurve(ctx, rows, ss, kinds, nears[0])
	if len(curve) != len(thresholds) {
		t.Fatalf("%d figures for %d thresholds", len(curve), len(thresholds))
	}
	want := evaluate(ctx, fit(rows[ss[0].Name]), ss[1:], kinds).Total["paraphrase"] +
		evaluate(ctx, fit(rows[ss[1].Name]), ss[:1], kinds).Total["paraphrase"]
	for k, sc := range curve {
		if sc.Total["paraphrase"] != want {
			t.Errorf("threshold %v: %d paraphrase event pairs, want %d", thresholds[k], sc.Total["paraphrase"], want)
		}
	}
	if first, last := curve[0].Hits["paraphrase"], curve[len(curve)-1].Hits["paraphrase"]; first > last {
		t.Errorf("the surest threshold pairs %d paraphrases, the least sure %d", first, last)
	}
	if got, _ := chooseThreshold(ctx, rows, ss, kinds, nears[0]); got != lowestWithin(curve) {
		t.Errorf("chooseThreshold = %v, the curve gives %v", got, lowestWithin(curve))
	}
}

// TestSurfacePairedReadsTheSurfaceScore: -sweep counts a positive row as
// paired by the surface score from the surface feature, not from whichever
// feature is last.
func TestSurfacePairedReadsTheSurfaceScore(t *testing.T) {
	at := func(name string, v float64) compare.Features {
		var f compare.Features
		f[slices.Index(compare.FeatureNames[:], name)] = v
		return f
	}
	for _, tc := range []struct {
		name string
		f    compare.Features
		want bool
	}{
		{"surface at the threshold", at("surface", 0.32), true},
		{"surface over it", at("surface", 0.6), true},
		{"surface under it", at("surface", 0.2), false},
		{"only the neighbours agree", at("neighbours", 0.9), false},
		{"only the last feature is high", func() compare.Features {
			var f compare.Features
			f[len(f)-1] = 1
			return f
		}(), false},
	} {
		if got := surfacePaired(tc.f); got != tc.want {
			t.Errorf("%s: surfacePaired = %v, want %v", tc.name, got, tc.want)
		}
	}
}
