package compare

import (
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
