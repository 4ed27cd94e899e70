package ui

import (
	"strings"
	"testing"
)

// TestSameTextsOfferNoChangeKeys is a regression test: two outlets that
// print the same wire text word for word have no change between them,
// and the help line offered "n next change" all the same; pressed, n
// only said so. Like n while no match is found, n and N are off, and say
// why; a pair with a change still offers them.
func TestSameTextsOfferNoChangeKeys(t *testing.T) {
	text := "Harbour council approves new ferry timetable\n\nThe harbour council approved a new ferry timetable for the islands on Monday.\n\nThe council will meet again in March.\n"
	m := newModel(t, pairCorpus(t, "wire", text, text), 120, 30)
	if m.compare.Comparison() == nil {
		t.Fatal("no comparison on screen")
	}
	if footer := helpBar(m); strings.Contains(footer, "n next change") {
		t.Errorf("the help line offers n beside a pair with no change: %q", footer)
	}
	for _, k := range []string{"n", "N"} {
		m = press(m, k)
		if status := screenLines(m)[28]; !strings.Contains(status, "no differences: the texts are the same") {
			t.Errorf("%s beside a pair with no change: status %q", k, status)
		}
	}

	changed := strings.Replace(text, "in March", "in April", 1)
	m = newModel(t, pairCorpus(t, "wire", text, changed), 120, 30)
	if footer := helpBar(m); !strings.Contains(footer, "n next change") {
		t.Errorf("the help line does not offer n beside a pair with a change: %q", footer)
	}
}
