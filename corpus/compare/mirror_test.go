package compare_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// blockKeys describes c's blocks as seen from its left article: paired
// blocks by both sides' spans, match, score and ops, one-sided ones by
// their span. flip describes them as seen from the right, sides swapped,
// so that flip of Compare(b, a) equals blockKeys of Compare(a, b) when the
// two pair the same passages the same way.
func blockKeys(c *compare.Comparison, flip bool) []string {
	var ks []string
	for _, blk := range c.Blocks {
		l, r := blk.Left, blk.Right
		kind := blk.Kind
		if flip {
			l, r = r, l
			switch kind {
			case compare.LeftOnly:
				kind = compare.RightOnly
			case compare.RightOnly:
				kind = compare.LeftOnly
			}
		}
		switch kind {
		case compare.LeftOnly, compare.RightOnly:
			ks = append(ks, fmt.Sprintf("%v %v %v", kind, l, r))
		default:
			var ops []string
			change := 0 // where the change under way began in ops
			for _, op := range blk.Ops {
				ol, or, k := op.Left, op.Right, op.Kind
				if flip {
					ol, or = or, ol
					k = map[compare.OpKind]compare.OpKind{compare.OpEqual: compare.OpEqual, compare.OpDelete: compare.OpInsert, compare.OpInsert: compare.OpDelete}[k]
				}
				if k == compare.OpEqual {
					change = len(ops) + 1
				}
				ops = append(ops, fmt.Sprintf("%v %v %v %v %v", k, ol, or, op.Minor, op.Moved))
				// Within a change, deletes come before inserts: a
				// flipped change is put back in that order.
				slices.SortStableFunc(ops[change:], func(x, y string) int {
					return strings.Compare(x[:1], y[:1]) // "delete" < "insert"
				})
			}
			ks = append(ks, fmt.Sprintf("paired %v %v %v %.6f %s", l, r, blk.Match, blk.Score, strings.Join(ops, " ")))
		}
	}
	slices.Sort(ks)
	return ks
}

// bothWays returns Compare(a, b) and Compare(b, a).
func bothWays(t *testing.T, a, b *corpus.Article) (ab, ba *compare.Comparison) {
	t.Helper()
	ab, err := compare.Compare(context.Background(), a, b)
	if err != nil {
		t.Fatal(err)
	}
	ba, err = compare.Compare(context.Background(), b, a)
	if err != nil {
		t.Fatal(err)
	}
	return ab, ba
}

// asymmetric returns the blocks of Compare(a, b) and of Compare(b, a),
// sides swapped, that the other lacks.
func asymmetric(t *testing.T, a, b *corpus.Article) (onlyAB, onlyBA []string) {
	t.Helper()
	ab, ba := bothWays(t, a, b)
	x, y := blockKeys(ab, false), blockKeys(ba, true)
	for _, k := range x {
		if !slices.Contains(y, k) {
			onlyAB = append(onlyAB, k)
		}
	}
	for _, k := range y {
		if !slices.Contains(x, k) {
			onlyBA = append(onlyBA, k)
		}
	}
	if len(ab.Blocks) != len(ba.Blocks) || ab.Similarity != ba.Similarity {
		t.Errorf("%s with %s: %d blocks, similarity %v; the other way %d, %v",
			a.ID, b.ID, len(ab.Blocks), ab.Similarity, len(ba.Blocks), ba.Similarity)
	}
	return onlyAB, onlyBA
}

// TestCompareMirrored: comparing b with a pairs the passages that comparing
// a with b pairs, with the same match, score and diff, sides swapped; a
// reader who swaps the two sides sees the same events paired. Over the seed
// articles and, when present, every pair of the development stories.
func TestCompareMirrored(t *testing.T) {
	groups := [][]*corpus.Article{testcorpus.Seeds(t)}
	if dir := testcorpus.SharedPath("corpora/stories"); !testing.Short() {
		if folders, err := os.ReadDir(dir); err == nil {
			for _, f := range folders {
				names, _ := filepath.Glob(filepath.Join(dir, f.Name(), "*.txt"))
				var as []*corpus.Article
				for _, name := range names {
					a, _, err := corpus.LoadFile(name)
					if err != nil {
						t.Fatal(err)
					}
					as = append(as, a)
				}
				groups = append(groups, as)
			}
		}
	}
	pairs, bad, badBlocks := 0, 0, 0
	for _, as := range groups {
		for i, a := range as {
			for _, b := range as[i+1:] {
				pairs++
				onlyAB, onlyBA := asymmetric(t, a, b)
				if len(onlyAB)+len(onlyBA) == 0 {
					continue
				}
				bad++
				badBlocks += len(onlyAB)
				t.Errorf("%s with %s and the other way differ:\n only one way: %s\n only the other: %s",
					a.ID, b.ID, strings.Join(onlyAB, "\n  "), strings.Join(onlyBA, "\n  "))
			}
		}
	}
	t.Logf("%d pairs, %d differ by direction, %d blocks of one direction missing from the other", pairs, bad, badBlocks)
}

// TestCompareMirroredNorthKorea: HuffPost's "North Korea will suspend its
// nuclear and missile tests" and Breitbart's "Various reports ... announced
// the halt of nuclear and missile tests" each pair with the same passage
// whichever article is on the left. They paired with each other with
// Breitbart on the left, and HuffPost's with Breitbart's note that the
// report was not yet on KCNA Watch with HuffPost on the left.
func TestCompareMirroredNorthKorea(t *testing.T) {
	dir := testcorpus.Shared(t, "corpora/stories/2018-04-20-north-korea-suspends-nuclear-and-missile-tests")
	load := func(name string) *corpus.Article {
		a, _, err := corpus.LoadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	huff, breit := load("01_huffpost.txt"), load("05_breitbart.txt")
	// partners returns, for each sentence opening, what c pairs it with
	// ("" for nothing), openings mapping each to its article.
	partners := func(c *compare.Comparison, openings map[string]*corpus.Article) map[string]string {
		got := map[string]string{}
		for _, blk := range c.Blocks {
			if blk.Kind != compare.Aligned && blk.Kind != compare.Moved {
				continue
			}
			l, r := c.Left.Text(blk.Left), c.Right.Text(blk.Right)
			for o, a := range openings {
				switch {
				case a == c.Left && strings.HasPrefix(l, o):
					got[o] = r
				case a == c.Right && strings.HasPrefix(r, o):
					got[o] = l
				}
			}
		}
		return got
	}
	openings := map[string]*corpus.Article{
		"North Korea will suspend its nuclear and missile tests": huff,
		"Various reports": breit,
	}
	hb, bh := bothWays(t, huff, breit)
	x, y := partners(hb, openings), partners(bh, openings)
	for o := range openings {
		if x[o] != y[o] {
			t.Errorf("%q... pairs with %q with HuffPost on the left, with %q with Breitbart on the left", o, x[o], y[o])
		}
	}
}
