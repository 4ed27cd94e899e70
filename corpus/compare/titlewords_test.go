package compare

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// titleBlock returns the block that pairs the two titles of c, or nil.
func titleBlock(c *Comparison) *Block {
	for i := range c.Blocks {
		b := &c.Blocks[i]
		if (b.Kind == Aligned || b.Kind == Moved) && b.LeftSentences.Start == 0 && b.RightSentences.Start == 0 {
			return b
		}
	}
	return nil
}

// TestTitlesPairOnTheirWords: two headlines of one story tell its event
// in its commonest words, which the model's IDF-weighted features count
// for little, so the sample's "Trump asks Russia to hack Clinton's email"
// and "Trump urges Russia to find Clinton's missing emails" were left
// apart. Titles that share most of their words, one that says what
// happened among them, now pair; names alone, or two words, do not.
func TestTitlesPairOnTheirWords(t *testing.T) {
	seeds := testcorpus.Seeds(t)
	for _, p := range [][2]int{{0, 2}, {0, 4}, {1, 3}, {2, 3}, {2, 4}, {3, 4}} {
		a, b := seeds[p[0]], seeds[p[1]]
		if blk := titleBlock(compareOrFail(t, a, b)); blk == nil || blk.Match != Paraphrase {
			t.Errorf("%s ~ %s: titles %q and %q not paired as a paraphrase (%+v)", a.ID, b.ID, a.Text(a.Sentences[0].Span()), b.Text(b.Sentences[0].Span()), blk)
		}
	}

	// Bodies of nothing in common, so that only the titles can pair.
	leftBody := "\n\nThe council met on Tuesday evening in the town hall.\n\nResidents filled the public gallery.\n"
	rightBody := "\n\nA vote was held late in the week.\n\nSome of those present walked out before it ended.\n"
	for _, tc := range []struct {
		name, left, right string
		want              bool
	}{
		{"one event in other words", "Council approves new river bridge after decade of debate", "River footbridge gets council approval", true},
		{"names alone", "Donald Trump meets Theresa May in London", "Theresa May criticises Donald Trump", false},
		{"two words in common", "Council approves river bridge", "Council approves school budget cuts", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, c := compareTexts(t, tc.left+leftBody, tc.right+rightBody)
			if got := titleBlock(c) != nil; got != tc.want {
				t.Errorf("titles paired %v, want %v", got, tc.want)
			}
		})
	}
}

// TestTitleDiffKeepsShortRuns: the word diff folds an equal run of fewer
// than minEqualRun words between two changes into them, so that a
// passage's change reads as one phrase; in a headline that hid every word
// two outlets share ("Russia to", "Clinton's") between the ones they
// chose differently.
func TestTitleDiffKeepsShortRuns(t *testing.T) {
	seeds := testcorpus.Seeds(t)
	a, b := seeds[2], seeds[3] // "Trump asks Russia to hack Clinton's email" ~ "Trump urges Russia to find Clinton's missing emails"
	blk := titleBlock(compareOrFail(t, a, b))
	if blk == nil {
		t.Fatal("titles not paired")
	}
	var equal []string
	for _, op := range blk.Ops {
		if op.Kind == OpEqual {
			equal = append(equal, strings.TrimSpace(a.Text(op.Left)))
		}
	}
	for _, want := range []string{"Trump", "Russia to", "Clinton’s"} {
		found := false
		for _, e := range equal {
			found = found || e == want
		}
		if !found {
			t.Errorf("%q not shown equal; equal runs %q", want, equal)
		}
	}
}

// TestTitlesOfTwoStoriesStayApart compares the first article of every
// development story with the first of the next: headlines of two stories
// never pair on their words, however many names they share ("Robert
// Mueller provides list of questions to Trump's lawyers" and "Mueller
// Statement Disputes Report That Trump Directed Cohen to Lie").
func TestTitlesOfTwoStoriesStayApart(t *testing.T) {
	dir := testcorpus.Shared(t, "corpora/stories")
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var firsts []*corpus.Article
	for _, e := range ents {
		files, _ := filepath.Glob(filepath.Join(dir, e.Name(), "*.txt"))
		for _, f := range files[:min(len(files), 3)] {
			a, _, err := corpus.LoadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			firsts = append(firsts, a)
		}
	}
	if len(firsts) < 40 {
		t.Fatalf("found %d articles in %s, want the stories' first three each", len(firsts), dir)
	}
	for i := range firsts {
		for j := i + 3 - i%3; j < len(firsts) && j < i+9; j++ {
			a, b := firsts[i], firsts[j]
			if filepath.Dir(a.Source) == filepath.Dir(b.Source) {
				continue
			}
			if blk := titleBlock(compareOrFail(t, a, b)); blk != nil {
				t.Errorf("%s ~ %s: titles of two stories paired: %q ~ %q", a.Source, b.Source, a.Text(blk.Left), b.Text(blk.Right))
			}
		}
	}
}
