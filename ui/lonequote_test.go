package ui

import (
	"strings"
	"testing"
)

// TestQuoteOneOutletGivesOpensComparison is a regression test: enter on
// the wording of a quote only one outlet gives said "no other outlet in
// this story to compare with" in a story of five, and opened nothing,
// though its help line offered to open the wording in comparison. It is
// set against the story's other articles, as a passage only one outlet
// reports is.
func TestQuoteOneOutletGivesOpensComparison(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	m = press(m, "2", "G") // the last quote: "missing emails", TRT World's alone
	q := quotesOf(m)
	g := q.entries[q.cursor()].group
	if g == nil || len(g.Quotes) != 1 {
		t.Fatalf("the last quote is not one outlet's: %+v", g)
	}
	lone := g.Quotes[0].Article
	m = press(m, "enter", "enter")
	if m.page != pageCompare {
		t.Fatalf("enter on the wording stayed on %s, saying %q", m.page, m.flash)
	}
	if m.left != lone || m.right == nil || m.right == lone || m.right.Story != lone.Story {
		t.Fatalf("opened %v against %v, want %s against another of its story", m.left, m.right, lone.Outlet)
	}
	if s := screen(m); !strings.Contains(s, "missing emails") {
		t.Errorf("the comparison does not show the quote:\n%s", s)
	}
}
