package ui

import (
	"testing"
)

// TestFindAnchorLooksOnce is a regression test: going to another pair
// found the passage at the top in it by scanning its blocks once for
// every passage above the top, best first, until one was there. Far down
// a comparison of hundreds of passages that was hundreds of scans of
// every block, on the UI goroutine, all of them for nothing where the
// new pair shares neither article. The blocks are now indexed once and
// each anchor looked up.
func TestFindAnchorLooksOnce(t *testing.T) {
	const size = 24 << 10
	c := filesCorpus(t, "many passages",
		"a.txt", string(shortSentences(1, size)), "b.txt", string(shortSentences(2, size)),
		"c.txt", string(shortSentences(3, size)), "d.txt", string(shortSentences(4, size)))
	arts := c.Articles()
	if len(arts) != 4 {
		t.Fatalf("%d articles, want 4", len(arts))
	}
	m := newModel(t, c, 160, 45)
	m = send(m, setPairMsg{left: arts[0], right: arts[1]})
	m = press(m, "G")
	old := m.compare.pane.cmp
	if old == nil || len(old.Blocks) < 500 || topBlock(m) < len(old.Blocks)/2 {
		t.Fatalf("want the bottom of a comparison of hundreds of passages")
	}
	for _, tc := range []struct {
		name        string
		left, right int
		found       bool
	}{
		{"a pair that shares neither article", 2, 3, false},
		{"the same pair swapped", 3, 2, true},
	} {
		from := m.compare.pane.anchors()
		m = send(m, setPairMsg{left: arts[tc.left], right: arts[tc.right]})
		p := m.compare.pane
		if p.cmp == nil || p.cmp.Left != arts[tc.left] || p.cmp.Right != arts[tc.right] {
			t.Fatalf("%s: not shown", tc.name)
		}
		// Each block of the new comparison indexed once, and each
		// anchor of the old looked up once.
		bound := len(p.cmp.Blocks) + 2*len(from.cmp.Blocks)
		if p.anchorsLooked > bound {
			t.Errorf("%s: looked %d times at blocks and anchors, want at most %d", tc.name, p.anchorsLooked, bound)
		}
		if got := topBlock(m) > 0; got != tc.found {
			t.Errorf("%s: the top is block %d", tc.name, topBlock(m))
		}
		m = press(m, "G")
	}
}
