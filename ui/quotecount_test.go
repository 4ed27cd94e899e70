package ui

import (
	"fmt"
	"strings"
	"testing"
)

// TestQuotePositionCountsAsTheStatus is a regression test: over a status
// bar that says "19 quotes · … · 14 short", the position counted the two
// together, "quote 1/33", and went on to "quote 33/33" on the last short
// quote. It counts each apart, as the heading and the status do.
func TestQuotePositionCountsAsTheStatus(t *testing.T) {
	m := press(newModel(t, seed(t), 160, 45), "2")
	q := quotesOf(m)
	long, short := len(q.sa.quotes), len(q.sa.short)
	if long == 0 || short == 0 {
		t.Fatalf("the sample has %d quotes and %d short ones: want both", long, short)
	}
	status := func(m Model) string {
		lines := screenLines(m)
		return lines[len(lines)-2]
	}
	for _, c := range []struct {
		keys []string
		want string
	}{
		{nil, fmt.Sprintf("quote 1/%d", long)},
		{[]string{"end"}, fmt.Sprintf("short quote %d/%d", short, short)},
	} {
		s := status(press(m, c.keys...))
		if !strings.HasSuffix(strings.TrimRight(s, " "), c.want) || !strings.Contains(s, fmt.Sprintf("%d quotes", long)) {
			t.Errorf("after %v the status reads %q, want it to end %q", c.keys, s, c.want)
		}
	}
}
