package archive

import (
	"fmt"
	"strings"
	"testing"
)

// TestEventsOfOnePlaceAreNotOneStory indexes reports of a dozen events in
// one place, two of each, that share the place's words (the heaviest of
// each report) and, within an event, its town, official and figure, with
// articles on nothing else: the index made one story of the events, and
// has a story of two reports for each event now (story.SpecificHeads).
func TestEventsOfOnePlaceAreNotOneStory(t *testing.T) {
	const events = 12
	region := []string{"karsk", "valley", "levee", "karsk", "valley", "levee", "karsk", "floodwater", "sandbags", "karsk", "valley", "levee", "floodwater", "sandbags"}
	dir := t.TempDir()
	var want []string
	for e := range events {
		var names []string
		for r := range 2 {
			own := []string{
				fmt.Sprintf("town%c", 'a'+e), fmt.Sprintf("official%c", 'a'+e), fmt.Sprint(1000 + 37*e),
				fmt.Sprintf("town%c", 'a'+e), fmt.Sprintf("official%c", 'a'+e), fmt.Sprint(1000 + 37*e),
			}
			for k := range 5 {
				own = append(own, fmt.Sprintf("word%c%d%c", 'a'+e, r, 'a'+k))
			}
			var words []string
			for i := 0; i < len(region); i += 2 {
				words = append(words, region[i], region[i+1], own[i/2])
			}
			words = append(words, own[len(region)/2:]...)
			name := fmt.Sprintf("event%c-%d.txt", 'a'+e, r)
			writeFile(t, dir, name, strings.Join(words, " ")+".\n")
			names = append(names, name)
		}
		want = append(want, strings.Join(names, ","))
	}
	for b := range 200 {
		var words []string
		for k := range 20 {
			words = append(words, fmt.Sprintf("other%dx%d", b, k))
		}
		name := fmt.Sprintf("other%03d.txt", b)
		writeFile(t, dir, name, strings.Join(words, " ")+".\n")
		want = append(want, "alone:"+name)
	}
	got := shape(open(t, dir, Options{}))
	wantSet := map[string]bool{}
	for _, w := range want {
		wantSet[w] = true
	}
	for _, g := range got {
		if !wantSet[g] {
			t.Errorf("unexpected story %.200q", g)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d stories, want %d", len(got), len(want))
	}
}
