package ui

import (
	"strings"
	"testing"
)

// TestAccentsFoundEitherWay is a regression test: "café" written with a
// combining accent (e, U+0301) in one outlet's text and as one character
// (U+00E9) in the other's was a changed word drawn the same on both
// sides, and a search for either form found only the article that wrote
// it so. Both texts now read composed, and so does the query, however it
// was typed.
func TestAccentsFoundEitherWay(t *testing.T) {
	c := pairCorpus(t, "accents",
		"Cafe reopens\n\nThe cafe\u0301 on Main Street reopened on Monday with a queue around the block.\n",
		"Cafe reopens\n\nThe caf\u00e9 on Main Street reopened on Monday with a queue around the block.\n")
	arts := c.Articles()
	m := send(newModel(t, c, 160, 45), setPairMsg{left: arts[0], right: arts[1]})
	cmp := m.compare.pane.cmp
	if cmp == nil {
		t.Fatal("no comparison shown")
	}
	if st := cmp.Stats(); st.Inserted+st.Deleted != 0 {
		t.Errorf("the two texts differ: %+v", st)
	}
	if s := screen(m); strings.Contains(s, "~ ") {
		t.Errorf("a passage is marked changed:\n%s", s)
	}
	for _, q := range []string{"caf\u00e9", "cafe\u0301", "CAFE\u0301"} {
		status, sides := searchCounts(t, m, q)
		if !strings.HasSuffix(status, "2") && status != "2 matches" || sides != "1 left, 1 right" {
			t.Errorf("search %q: %q (%s), want both articles' café", q, status, sides)
		}
	}
}
