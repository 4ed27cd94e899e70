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
