package compare

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// twoPartners is a sentence reporting two events against an article that
// reports each in a sentence of its own.
var twoPartners = [2]string{
	"Inquiry widens\n\nThe inquiry covers the mayor's dealings with a property developer over the harbour land sale; it also asks whether the police chief destroyed records of the night shift arrests.\n",
	"City hall inquiry\n\nInvestigators are examining the mayor's dealings with a property developer over the harbour land sale.\n\nThe weather was fine.\n\nThey also want to know whether the police chief destroyed records of the night shift arrests.\n",
}

// TestOneSentenceTwoPartners is issue 9's fourth defect: a sentence
// reporting two events paired with one partner, and the other partner
// stayed one-sided. Each part of the sentence now pairs with its own
// partner, in two blocks that point at each other and still cover the
// sentence once.
func TestOneSentenceTwoPartners(t *testing.T) {
	_, _, c := compareTexts(t, twoPartners[0], twoPartners[1])
	checkTwoPartners(t, c, "harbour land sale", "night shift arrests")
}

// TestOneSentenceTwoPartnersMueller is the case the defect was found in:
// the New York Times sentence listing Cohen's Moscow deal, Kushner's back
// channel and Stone, against USA Today's sentences on Cohen and on
// Kushner.
func TestOneSentenceTwoPartnersMueller(t *testing.T) {
	_, _, c := compareStoryFiles(t, "2018-04-30-mueller-questions-for-trump", "02_nytimes.txt", "03_usatoday.txt")
	checkTwoPartners(t, c, "Moscow real estate deal", "Jared Kushner, to set up a back channel")
}

// checkTwoPartners checks that the left sentence holding first and second
// is split between two paired blocks, first's partner holding first and
// second's holding second.
func checkTwoPartners(t *testing.T, c *Comparison, first, second string) {
	t.Helper()
	a, b := c.Left, c.Right
	var got [2]int
	got[0], got[1] = -1, -1
	for i, blk := range c.Blocks {
		if blk.Kind != Aligned && blk.Kind != Moved {
			continue
		}
		for k, want := range []string{first, second} {
			if strings.Contains(a.Text(blk.Left), want) && strings.Contains(b.Text(blk.Right), want[strings.LastIndex(want, " ")+1:]) {
				got[k] = i
			}
		}
	}
	if got[0] < 0 || got[1] < 0 || got[0] == got[1] {
		for _, blk := range c.Blocks {
			t.Logf("%v %q | %q", blk.Kind, a.Text(blk.Left), b.Text(blk.Right))
		}
		t.Fatalf("blocks pairing %q and %q: %v; want two blocks", first, second, got)
	}
	x, y := c.Blocks[got[0]], c.Blocks[got[1]]
	if int(x.Sibling) != got[1] || int(y.Sibling) != got[0] {
		t.Errorf("siblings %d and %d, want %d and %d", x.Sibling, y.Sibling, got[1], got[0])
	}
	if x.LeftSentences != y.LeftSentences {
		t.Errorf("the two parts are of sentences %v and %v, want one", x.LeftSentences, y.LeftSentences)
	}
	if x.Left.End > y.Left.Start && y.Left.End > x.Left.Start {
		t.Errorf("the parts overlap: %v and %v", x.Left, y.Left)
	}
	if left, ok := c.SplitSide(x); !ok || !left {
		t.Errorf("SplitSide = %v, %v; want the left", left, ok)
	}
	// Every byte of each side is in at most one block, and the
	// sentence's words are all in one of the two parts.
	s := a.Sentences[x.LeftSentences.Start].Span()
	if n := a.WordsIn(x.Left) + a.WordsIn(y.Left); n != a.WordsIn(s) {
		t.Errorf("the parts hold %d words of the sentence's %d", n, a.WordsIn(s))
	}
	if err := checkComparison(c); err != nil {
		t.Error(err)
	}
}

// TestBestBoundaryCountsAsEveryBoundaryAfresh checks bestBoundary, which
// counts the marks on from one boundary to the next, against counting
// every mark for every boundary, on random sentences of up to 400 tokens.
func TestBestBoundaryCountsAsEveryBoundaryAfresh(t *testing.T) {
	afresh := func(bounds []int, marks []clauseMark) (int, bool) {
		bestGood, bestAt, wFirst := 0, -1, true
		for _, at := range bounds {
			var wBefore, uBefore, wAfter, uAfter int
			for _, mk := range marks {
				before := mk.tok < at
				switch {
				case mk.w > 0 && before:
					wBefore++
				case mk.w > 0:
					wAfter++
				case before:
					uBefore++
				default:
					uAfter++
				}
			}
			if wBefore >= minSplitWords && uAfter >= minSplitWords && wAfter <= maxStray && uBefore <= maxStray && wBefore+uAfter > bestGood {
				bestGood, bestAt, wFirst = wBefore+uAfter, at, true
			}
			if uBefore >= minSplitWords && wAfter >= minSplitWords && uAfter <= maxStray && wBefore <= maxStray && uBefore+wAfter > bestGood {
				bestGood, bestAt, wFirst = uBefore+wAfter, at, false
			}
		}
		return bestAt, wFirst
	}
	rng := rand.New(rand.NewPCG(3, 4))
	found := 0
	for range 5000 {
		var bounds []int
		var marks []clauseMark
		n := 1 + rng.IntN(400)
		for tok := range n {
			switch r := rng.IntN(10); {
			case r == 0:
				bounds = append(bounds, tok)
			case r < 4:
				// Words of one side bunched in the first or second half
				// more often than not, so that some sentences split.
				w := 1
				if (tok < n/2) != (rng.IntN(5) == 0) {
					w = -1
				}
				marks = append(marks, clauseMark{tok, w})
			}
		}
		gotAt, gotFirst := bestBoundary(bounds, marks)
		wantAt, wantFirst := afresh(bounds, marks)
		if gotAt != wantAt || gotAt >= 0 && gotFirst != wantFirst {
			t.Fatalf("bounds %v, marks %v: bestBoundary = %d, %v, want %d, %v", bounds, marks, gotAt, gotFirst, wantAt, wantFirst)
		}
		if gotAt >= 0 {
			found++
		}
	}
	if found < 100 {
		t.Errorf("only %d of 5000 sentences have a boundary: the test checks little", found)
	}
}
