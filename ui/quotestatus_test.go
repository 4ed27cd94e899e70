package ui

import (
	"strings"
	"testing"
)

// TestQuotesStatusSaysNothingOfNothing: a story without quotes had the
// status bar say "0 quotes · 0 in two or more outlets · 0 short" under a
// pane saying "no quotes in this story", and one without short quotes
// "· 0 short" under a heading that, rightly, did not count them. Counts of
// nothing are left out, as the heading leaves them out.
func TestQuotesStatusSaysNothingOfNothing(t *testing.T) {
	status := func(id string, files ...string) string {
		m := press(newModel(t, filesCorpus(t, id, files...), 160, 45), "2")
		return screenLines(m)[43]
	}
	none := status("none",
		"a.txt", "Rain in Paris\n\nIt rained in Paris on Monday. The streets were wet and people carried umbrellas.\n",
		"b.txt", "Paris rain\n\nParis had rain on Monday. Streets were wet, and people carried umbrellas to work.\n",
	)
	if !strings.Contains(none, "no quotes in this story") {
		t.Errorf("a story without quotes: status %q does not say so", none)
	}
	for _, zero := range []string{"0 quotes", "0 in two", "0 short"} {
		if strings.Contains(none, zero) {
			t.Errorf("a story without quotes: status %q counts %q", none, zero)
		}
	}
	long := status("long",
		"a.txt", "Mayor speaks\n\n\"We will open the bridge on Monday morning after the repairs,\" the mayor said on Friday.\n",
		"b.txt", "Bridge to open\n\n\"We will open the bridge on Monday morning after the repairs,\" said the mayor.\n",
	)
	if !strings.Contains(long, "1 quote · 1 in two or more outlets") || strings.Contains(long, "short") {
		t.Errorf("a story of one quote and no short ones: status %q", long)
	}
}
