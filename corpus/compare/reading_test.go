package compare

import (
	"context"
	"reflect"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestReadingsServeAgain compares every ordered pair of each development
// story, each article with itself too, with one matcher emptied between
// comparisons, as the pool keeps it: a pair that has an article of the
// pair before takes its reading. Every comparison must be the one a fresh
// matcher makes; what a comparison weighed on the units it took must not
// reach the next.
func TestReadingsServeAgain(t *testing.T) {
	if testing.Short() {
		t.Skip("compares every story pair twice")
	}
	c, _, err := corpus.LoadDir(testcorpus.Shared(t, "corpora/stories"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	m := newMatcher(&Fitted)
	taken, compared := 0, 0
	for _, s := range c.Stories {
		var pairs []articlePair
		for i, a := range s.Articles {
			for _, b := range s.Articles {
				pairs = append(pairs, articlePair{a, b})
				if a == b && len(s.Articles) > 1 {
					// The article was read twice by one comparison; the
					// next takes a reading of it for its right side.
					pairs = append(pairs, articlePair{s.Articles[(i+1)%len(s.Articles)], a})
				}
			}
		}
		for _, p := range pairs {
			for _, r := range m.kept {
				if r.article == p.a || r.article == p.b {
					taken++
					break
				}
			}
			m.model = &Fitted
			got, err := compareFull(ctx, p.a, p.b, m)
			if err != nil {
				t.Fatal(err)
			}
			m.empty()
			want, err := compareFull(ctx, p.a, p.b, newMatcher(&Fitted))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: %s against %s: the comparison with kept readings differs from a fresh one's", s.Name, p.a.ID, p.b.ID)
			}
			compared++
		}
	}
	if taken < compared/2 {
		t.Errorf("%d of %d comparisons took a kept reading, want most", taken, compared)
	}
}

// TestLongReadingNotKept compares a pair past maxReadingTokens: the
// matcher, emptied, keeps neither reading (nor their articles), only
// their emptied slabs.
func TestLongReadingNotKept(t *testing.T) {
	if testing.Short() {
		t.Skip("compares a 20,000-word pair")
	}
	a, b := syntheticPair(20000, 2)
	if a.Tokens.Len() <= maxReadingTokens {
		t.Fatalf("the pair has %d tokens a side, too few to test the bound", a.Tokens.Len())
	}
	m := newMatcher(&Fitted)
	if _, err := compareFull(context.Background(), a, b, m); err != nil {
		t.Fatal(err)
	}
	m.empty()
	for _, r := range m.kept {
		if r.article != nil || r.units != nil {
			t.Errorf("the emptied matcher keeps a reading of %d units", len(r.units))
		}
	}
	short := testcorpus.Seeds(t)
	if _, err := compareFull(context.Background(), short[0], short[1], m); err != nil {
		t.Fatal(err)
	}
	m.empty()
	if len(m.kept) != 2 || m.kept[0].article != short[0] || m.kept[1].article != short[1] {
		t.Errorf("after a short pair the matcher keeps %d readings, want both articles'", len(m.kept))
	}
}
