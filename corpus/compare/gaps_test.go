package compare

import (
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestFillGaps checks that a pair the model is unsure of is made only
// between two sentences whose neighbours pair with each other.
func TestFillGaps(t *testing.T) {
	text := "Title\n\nOne thing happened first. A second thing then followed. The third came last."
	a := corpus.Parse("a", []byte(text))
	b := corpus.Parse("b", []byte(text))
	m := newMatcher(nil)
	left, right := m.unitsOf(a, false), m.unitsOf(b, false)
	if len(left) != 3 || len(right) != 3 {
		t.Fatalf("%d and %d units, want 3 and 3", len(left), len(right))
	}
	one := func(l, r int) group {
		return group{l: corpus.Range{Start: l, End: l + 1}, r: corpus.Range{Start: r, End: r + 1}}
	}
	for _, tc := range []struct {
		name   string
		groups []group
		near   candidate
		want   bool
	}{
		{"after a pair", []group{one(0, 0)}, candidate{l: 1, r: 1, score: 0.4}, true},
		{"before a pair", []group{one(2, 2)}, candidate{l: 1, r: 1, score: 0.4}, true},
		{"neighbours paired elsewhere", []group{one(0, 2), one(2, 0)}, candidate{l: 1, r: 1, score: 0.4}, false},
		{"no pair near", nil, candidate{l: 1, r: 1, score: 0.4}, false},
		{"a side already paired", []group{one(0, 0), one(2, 1)}, candidate{l: 1, r: 1, score: 0.4}, false},
	} {
		m.near = []candidate{tc.near}
		gs := m.fillGaps(append([]group(nil), tc.groups...), left, right)
		got := len(gs) > len(tc.groups)
		if got != tc.want {
			t.Errorf("%s: paired %v, want %v", tc.name, got, tc.want)
		}
		if got && (gs[len(gs)-1].l.Start != tc.near.l || gs[len(gs)-1].r.Start != tc.near.r || !gs[len(gs)-1].para) {
			t.Errorf("%s: made %+v", tc.name, gs[len(gs)-1])
		}
	}
}

// TestGapPairUnderThirtyPercent: in the Las Vegas story, the Las Vegas
// Sun's "Cherry died in the Maserati, and his passenger was shot" follows
// a sentence paired with the one before the other outlet's "A passenger in
// the Maserati was among the injured." The model gives the pair 0.26 on
// its own words, under the 0.3 the gap filler once asked, so it stayed
// one-sided on both sides.
func TestGapPairUnderThirtyPercent(t *testing.T) {
	a, b, c := compareStoryFiles(t, "2013-02-21-las-vegas-strip-shooting", "02_lasvegassun.txt", "03_unattributed.txt")
	const left, right = "Cherry died in the Maserati, and his passenger was shot", "A passenger in the Maserati was among the injured"
	for _, blk := range c.Blocks {
		if blk.Kind != Aligned && blk.Kind != Moved {
			continue
		}
		if strings.Contains(a.Text(blk.Left), left) && strings.Contains(b.Text(blk.Right), right) {
			return
		}
	}
	t.Errorf("%q and %q are not paired with each other", left, right)
}
