package compare

import (
	"context"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestStatsPaired checks that Stats counts the prose passages two articles
// share, and none for two unrelated articles, whose titles alone are
// paired.
func TestStatsPaired(t *testing.T) {
	korea := corpus.Parse("korea", []byte("North Korea fires missile\n\nNorth Korea fired a ballistic missile into the sea off its east coast on Sunday, the South Korean military said.\n\nThe launch was the third this month.\n"))
	korea2 := corpus.Parse("korea2", []byte("Pyongyang launches missile\n\nNorth Korea fired a ballistic missile into the sea off its east coast on Sunday, South Korea's military said.\n\nJapan protested the launch.\n"))
	fox := corpus.Parse("fox", []byte("Quarterback signs record deal\n\nThe quarterback agreed to a five-year contract extension worth a record sum on Friday.\n\nFans cheered outside the stadium.\n"))
	for _, tt := range []struct {
		name string
		a, b *corpus.Article
		want func(int) bool
	}{
		{"same story", korea, korea2, func(n int) bool { return n >= 1 }},
		{"different stories", korea, fox, func(n int) bool { return n == 0 }},
	} {
		c, err := Compare(context.Background(), tt.a, tt.b)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Stats().Paired; !tt.want(got) {
			t.Errorf("%s: %d paired passages", tt.name, got)
		}
	}
}

// TestStatsCountOneSidedTitles checks that the words of a title only one
// side has count as deleted or inserted, as a paired title's changes do (a
// new article holding a title was headed "0 inserted" above its one
// block), and that the one-sided blocks counted are those shown, the
// titles' included: the count was of prose alone, and a head said "0
// left only" above a left-only heading or line of page furniture. Of
// those, the prose passages count apart, as the reader marks them: the
// left's body sentence and the right's one line, read as prose.
func TestStatsCountOneSidedTitles(t *testing.T) {
	body := corpus.Parse("body", []byte("Some headline here\n\nA body sentence about the things that happened today.\n"))
	title := corpus.Parse("title", []byte("A different headline entirely\n"))
	c, err := Compare(context.Background(), body, title)
	if err != nil {
		t.Fatal(err)
	}
	st := c.Stats()
	want := Stats{LeftOnlyWords: 12, RightOnlyWords: 4, LeftOnly: 2, RightOnly: 1, LeftProseOnly: 1, RightProseOnly: 1}
	if st != want {
		t.Errorf("stats %+v, want %+v", st, want)
	}
	if st.DeletedWords() != 12 || st.InsertedWords() != 4 {
		t.Errorf("%d deleted, %d inserted; want 12 and 4", st.DeletedWords(), st.InsertedWords())
	}
}

// TestStatsCountedOnce checks that a comparison's Stats are counted as
// Compare makes it, full or bounded, and only read afterwards: they were
// counted again at each call, walking every block (2 ms for two
// 100,000-word articles), and a reader that reopened a pair, or asked for
// them from several goroutines, counted them each time. The test empties
// the blocks of a comparison made, which nothing else may do: figures
// counted again would be none. A comparison made as a literal counts
// its blocks at each call.
func TestStatsCountedOnce(t *testing.T) {
	a := corpus.Parse("a", []byte("Storm hits coast\n\nA storm hit the coast on Monday, cutting power to thousands of homes.\n\nSchools were closed.\n\nThe mayor spoke at noon.\n"))
	b := corpus.Parse("b", []byte("Storm batters coast\n\nA storm battered the coast on Monday, cutting power to thousands of homes.\n\nThe mayor spoke at noon.\n\nRoads flooded overnight.\n"))
	for _, tt := range []struct {
		name    string
		compare func(context.Context, *corpus.Article, *corpus.Article) (*Comparison, error)
	}{
		{"full", Compare},
		{"bounded", compareBounded},
	} {
		c, err := tt.compare(context.Background(), a, b)
		if err != nil {
			t.Fatal(err)
		}
		want := c.Stats()
		if want == (Stats{}) {
			t.Fatalf("%s: no change counted: the test needs some", tt.name)
		}
		lit := &Comparison{Left: c.Left, Right: c.Right, Blocks: c.Blocks}
		if got := lit.Stats(); got != want {
			t.Errorf("%s: a literal of the same blocks counts %+v, want %+v", tt.name, got, want)
		}
		c.Blocks = nil
		if got := c.Stats(); got != want {
			t.Errorf("%s: stats counted again: %+v, want %+v as made", tt.name, got, want)
		}
		lit.Blocks = nil
		if got := lit.Stats(); got != (Stats{}) {
			t.Errorf("%s: a literal without blocks counts %+v", tt.name, got)
		}
	}
}
