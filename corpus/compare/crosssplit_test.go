package compare

import (
	"strings"
	"testing"
)

// TestCrossSplit is issue 9's last quote miss of the Comey story: Fox News
// writes both quotations of the chairmen's statement in one sentence;
// Breitbart writes the first with the attribution and the second apart.
// Fox's sentence paired with Breitbart's second, Breitbart's first with
// Fox's attribution, and the first quotation stayed one-sided on both
// sides. Each sentence is now cut in two: the first quotation pairs across
// the cut, and each rest keeps its partner.
func TestCrossSplit(t *testing.T) {
	a, b, c := compareStoryFiles(t, "2018-04-19-comey-memos-released-to-congress", "04_foxnews.txt", "05_breitbart.txt")
	pairOf := func(leftText string) *Block {
		t.Helper()
		blk := blockWith(a, c, leftText)
		if blk == nil || blk.Kind != Aligned && blk.Kind != Moved {
			t.Fatalf("%q is not in a paired block", leftText)
		}
		return blk
	}
	for _, tc := range []struct{ left, right, notRight string }{
		{`Comey "never wrote that he felt obstructed or threatened,"`, "“Former Director Comey never wrote that he felt obstructed", "went to great lengths"},
		{`adding that while Comey "went to great lengths`, "“While former Director Comey went to great lengths", "never wrote"},
		{"House Judiciary Committee Chairman Bob Goodlatte, R-Va.", "read a joint statement from House Judiciary Chairman", "never wrote"},
	} {
		blk := pairOf(tc.left)
		right := b.Text(blk.Right)
		if !strings.Contains(right, tc.right) || strings.Contains(right, tc.notRight) {
			t.Errorf("%q paired with %.100q, want %q without %q", tc.left, right, tc.right, tc.notRight)
		}
	}
	// The shared quotation's block is a part on both sides, and says so.
	mid := pairOf(`Comey "never wrote that he felt obstructed or threatened,"`)
	if mid.Sibling < 0 || mid.SiblingRight < 0 {
		t.Fatalf("siblings %d and %d, want both set", mid.Sibling, mid.SiblingRight)
	}
	if got := c.Blocks[mid.Sibling]; !strings.Contains(a.Text(got.Left), "went to great lengths") {
		t.Errorf("left sibling holds %.80q, want the left sentence's rest", a.Text(got.Left))
	}
	if got := c.Blocks[mid.SiblingRight]; !strings.Contains(b.Text(got.Right), "read a joint statement") {
		t.Errorf("right sibling holds %.80q, want the right sentence's rest", b.Text(got.Right))
	}
	if note := c.SplitNote(*mid); !strings.Contains(note, "part of left") || !strings.Contains(note, "part of right") {
		t.Errorf("note %q, want both parts told", note)
	}
	// A closing quotation mark stays with the quotation it closes.
	if l, r := a.Text(mid.Left), b.Text(mid.Right); !strings.HasSuffix(l, `,"`) || !strings.HasSuffix(r, ",”") {
		t.Errorf("parts %q and %q, want each to end with its closing quotation mark", l, r)
	}
}

// TestSplitKeepsClosingQuote: a sentence cut at the comma that ends a
// quotation ('threatened,” read a joint statement…') began its second
// part with the closing quotation mark, which belongs to the first.
func TestSplitKeepsClosingQuote(t *testing.T) {
	_, b, c := compareStoryFiles(t, "2018-04-19-comey-memos-released-to-congress", "03_usatoday.txt", "05_breitbart.txt")
	found := false
	for _, blk := range c.Blocks {
		if blk.Sibling < 0 || blk.Right.Empty() {
			continue
		}
		if text := b.Text(blk.Right); strings.Contains(text, "Director Comey never wrote") || strings.Contains(text, "read a joint statement") {
			found = true
			if strings.HasPrefix(text, "”") {
				t.Errorf("part %.60q begins with another part's quotation mark", text)
			}
		}
	}
	if !found {
		t.Fatal("Breitbart's sentence quoting the statement is not cut")
	}
}
