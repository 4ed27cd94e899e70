package ui

import (
	"strings"
	"testing"
)

// TestQuoteOfStoryOfOneArticleOffersNoOpen is a regression test: in a
// story of one article, the wordings' help line offered "enter open the
// top wording in comparison", and enter only said there was no other
// outlet to compare with. There enter is not offered, and pressed, says
// why.
func TestQuoteOfStoryOfOneArticleOffersNoOpen(t *testing.T) {
	one := filesCorpus(t, "one", "only.txt", "Mayor speaks on the weather\n\n"+
		"“We will keep every school open through the storm this week,” the mayor said on Monday.\n\n"+
		"The city expects heavy rain until Friday.\n")
	m := press(newModel(t, one, 160, 45), "2")
	if q := quotesOf(m); !q.HasQuotes() {
		t.Fatalf("no quote listed:\n%s", screen(m))
	}
	m = press(m, "enter") // to the wordings
	if !quotesOf(m).DetailFocused() {
		t.Fatalf("enter on the quote did not go to its wordings:\n%s", screen(m))
	}
	lines := screenLines(m)
	if footer := lines[len(lines)-1]; strings.Contains(footer, "enter") {
		t.Errorf("the wordings of the only article offer %q", footer)
	}
	m = press(m, "enter")
	if m.page != pageQuotes {
		t.Fatalf("enter left the quotes for %s", m.page)
	}
	if !strings.Contains(m.flash, "no other outlet") {
		t.Errorf("enter on the wording said %q, want why nothing opens", m.flash)
	}
}
