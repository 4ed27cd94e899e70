package compare

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// prunePairs returns the article pairs the pruning tests search: every
// ordered pair of every story of the shared corpus, when present, and
// generated long pairs, where most scored pairs are pruned.
func prunePairs(t *testing.T) (names []string, pairs [][2]*corpus.Article) {
	t.Helper()
	add := func(name string, a, b *corpus.Article) {
		names = append(names, name)
		pairs = append(pairs, [2]*corpus.Article{a, b})
	}
	for _, n := range []int{1000, 10000} {
		a, b := syntheticPair(n, 3)
		add(fmt.Sprintf("synthetic %d", n), a, b)
		add(fmt.Sprintf("synthetic %d reversed", n), b, a)
	}
	if testing.Short() {
		return names, pairs
	}
	c, _, err := corpus.LoadDir(testcorpus.SharedPath("corpora/stories"))
	if err != nil {
		t.Logf("no shared stories (%v): generated pairs only", err)
		return names, pairs
	}
	for _, s := range c.Stories {
		for _, a := range s.Articles {
			for _, b := range s.Articles {
				if a != b {
					add(a.ID+" vs "+b.ID, a, b)
				}
			}
		}
	}
	return names, pairs
}

// TestPruningKeepsEveryPair checks that pruning changes nothing the
// candidate search returns: the same candidates and near pairs, in the
// same order, as when every pair's features are computed in full (which a
// collect hook forces).
func TestPruningKeepsEveryPair(t *testing.T) {
	names, pairs := prunePairs(t)
	search := func(a, b *corpus.Article, full bool) ([]candidate, []candidate) {
		m := newMatcher(&Fitted)
		left, right := m.unitsOf(a, true), m.unitsOf(b, true)
		m.weigh(left, right)
		if full {
			m.collect = func(int, int, Features) {}
		}
		cands, err := m.candidates(context.Background(), left, right)
		if err != nil {
			t.Fatal(err)
		}
		return cands, m.near
	}
	pruned := 0
	for i, p := range pairs {
		got, gotNear := search(p[0], p[1], false)
		want, wantNear := search(p[0], p[1], true)
		if !slices.Equal(got, want) || !slices.Equal(gotNear, wantNear) {
			t.Errorf("%s: pruned search found %d candidates and %d near pairs, the full one %d and %d",
				names[i], len(got), len(gotNear), len(want), len(wantNear))
		}
		pruned++
	}
	if pruned == 0 {
		t.Fatal("no pair searched")
	}
}

// TestPruningPrunes checks that pruning is on with the fitted model and
// drops most scored pairs of a long article pair: were a feature left out
// of meaningRanges, everything would be computed and Compare would grow
// faster than its input again.
func TestPruningPrunes(t *testing.T) {
	p := newPruning(&Fitted)
	if p == nil {
		t.Fatal("no pruning with the fitted model: a feature is neither known before the meaning features nor in meaningRanges")
	}
	a, b := syntheticPair(10000, 3)
	m := newMatcher(&Fitted)
	left, right := m.unitsOf(a, true), m.unitsOf(b, true)
	m.weigh(left, right)
	scored, hopeless := 0, 0
	m.collect = func(l, r int, f Features) {
		scored++
		if f[fVerbatim] != 1 && f[fSurface] < sureScore {
			known := Features{}
			for _, i := range knownBeforeMeaning {
				known[i] = f[i]
			}
			known[fNeighbours] = f[fNeighbours]
			if p.hopeless(known, true) {
				hopeless++
			}
		}
	}
	if _, err := m.candidates(context.Background(), left, right); err != nil {
		t.Fatal(err)
	}
	if hopeless < scored/2 {
		t.Errorf("%d of %d scored pairs are hopeless, want at least half", hopeless, scored)
	}
}

// TestMeaningFeatureRanges checks that every feature is either known
// before pruning or has a range in meaningRanges, and that the features
// of every pair scored lie within those ranges: pruning is exact only if
// they do.
func TestMeaningFeatureRanges(t *testing.T) {
	known := map[int]bool{}
	for _, i := range knownBeforeMeaning {
		known[i] = true
	}
	for i := range int(NumFeatures) {
		_, ranged := meaningRanges[i]
		if known[i] == ranged {
			t.Errorf("feature %s: known before pruning %v, ranged %v; want exactly one", FeatureNames[i], known[i], ranged)
		}
	}
	names, pairs := prunePairs(t)
	for k, p := range pairs {
		err := CandidatePairs(context.Background(), p[0], p[1], func(_, _ int, f Features) {
			for i, r := range meaningRanges {
				if f[i] < r[0] || f[i] > r[1] {
					t.Errorf("%s: feature %s is %v, outside its range %v", names[k], FeatureNames[i], f[i], r)
				}
			}
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
