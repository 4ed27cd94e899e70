package ui

import (
	"strings"
	"testing"
)

// TestOpeningKeepsThePairsSides is a regression test: enter on the right
// article's wording of a quote, or on a passage only it reports, put it
// on the left and the left article on the right: the pair on screen came
// back swapped. Where the pair holds the article chosen, beside one the
// entry may be set against, it opens as it stands, at the passage.
func TestOpeningKeepsThePairsSides(t *testing.T) {
	m := newModel(t, seed(t), 160, 45) // Swell Digest vs Hacked.com
	// The first quote's top wording is Hacked.com's, the most common.
	m = press(m, "2", "enter")
	if g := quotesOf(m).Selected(); g == nil || g.Quotes[g.Common].Article.Outlet != "Hacked.com" {
		t.Fatalf("the first quote's most common wording is not Hacked.com's")
	}
	m = press(m, "enter")
	if m.page != pageCompare || m.left.Outlet != "Swell Digest" || m.right.Outlet != "Hacked.com" {
		t.Fatalf("enter on Hacked.com's wording: page %v, %s vs %s, want Swell Digest vs Hacked.com", m.page, m.left.Outlet, m.right.Outlet)
	}
	blk := m.compare.pane.cmp.Blocks[topBlock(m)]
	if !strings.Contains(m.right.Text(blk.Right), "if you’re listening") {
		t.Errorf("the quote is not at the top: %q", m.right.Text(blk.Right))
	}

	// The first passage only Hacked.com reports.
	m = press(m, "4")
	for range 200 {
		if it := passagesOf(m).Selected(); it != nil && len(it.at) == 1 && it.at[0].Article.Outlet == "Hacked.com" {
			break
		}
		m = press(m, "j")
	}
	it := passagesOf(m).Selected()
	if it == nil || it.at[0].Article.Outlet != "Hacked.com" {
		t.Fatal("no passage only Hacked.com reports")
	}
	text := it.at[0].Article.Text(it.at[0].Span)
	m = press(m, "enter")
	if m.left.Outlet != "Swell Digest" || m.right.Outlet != "Hacked.com" {
		t.Fatalf("enter on a passage only Hacked.com reports: %s vs %s, want Swell Digest vs Hacked.com", m.left.Outlet, m.right.Outlet)
	}
	if blk := m.compare.pane.cmp.Blocks[topBlock(m)]; !strings.Contains(text, m.right.Text(blk.Right)) {
		t.Errorf("the passage %q is not at the top: %q", text, m.right.Text(blk.Right))
	}

	// An article outside the pair still goes on the left: the top
	// wording of a quote whose most common wording is neither's.
	if m = press(m, "2"); quotesOf(m).DetailFocused() {
		m = press(m, "esc")
	}
	m = press(m, "g")
	var top string
	for range 40 {
		if g := quotesOf(m).Selected(); g != nil {
			if common := g.Quotes[g.Common].Article.Outlet; common != "Hacked.com" && common != "Swell Digest" {
				top = common
				break
			}
		}
		m = press(m, "j")
	}
	if top == "" {
		t.Fatal("no quote whose most common wording is another outlet's")
	}
	m = press(m, "enter", "enter")
	if m.left.Outlet != top || m.right == m.left {
		t.Errorf("enter on %s's wording: %s vs %s, want %[1]s on the left", top, m.left.Outlet, m.right.Outlet)
	}
}
