package ui

import (
	"fmt"
	"strings"
	"testing"
)

// TestTallPassageReadsToItsEnd is a regression test: a passage taller
// than the pane showed its first rows, and every moving key (j, d, pgdn,
// space, the wheel) went from it to the next entry: the rest of it could
// not be read. The keys scroll through it first, down and back up.
func TestTallPassageReadsToItsEnd(t *testing.T) {
	var long []string
	for i := range 30 {
		long = append(long, fmt.Sprintf("Sentence %d of a long paragraph only this outlet prints about the rain in Paris.", i))
	}
	base := "Rain floods Paris streets\n\nHeavy rain flooded the streets of Paris on Monday, and the river rose. " +
		"The mayor said the city would reopen the schools on Tuesday once the water had gone down.\n\n" +
		"Trains were cancelled across the region as the rain went on through the night.\n"
	c := filesCorpus(t, "rain", "a.txt", base+"\n"+strings.Join(long, " ")+"\n", "b.txt", base)
	for _, keys := range [][2]string{{"j", "k"}, {"d", "u"}, {"pgdown", "pgup"}, {" ", "b"}} {
		m := press(newModel(t, c, 60, 12), "4")
		if s := screen(m); !strings.Contains(s, "Sentence 0 ") || strings.Contains(s, "Sentence 29 ") {
			t.Fatalf("the long passage does not start the view, cut:\n%s", s)
		}
		seen := false
		for range 60 {
			m = press(m, keys[0])
			if strings.Contains(screen(m), "Sentence 29 of") {
				seen = true
				break
			}
		}
		if !seen {
			t.Errorf("%s never showed the end of the long passage:\n%s", keys[0], screen(m))
			continue
		}
		for range 60 {
			m = press(m, keys[1])
		}
		if s := screen(m); !strings.Contains(s, "Sentence 0 ") {
			t.Errorf("%s did not come back to the start of the long passage:\n%s", keys[1], s)
		}
	}
}
