package story

import (
	"fmt"
	"slices"
	"testing"
)

// regionDocs makes, as word lists, two reports of each of events events
// in one place, and background documents of words of their own. Every
// report repeats the place's words ("karsk", "valley", "levee", …), which
// are its heaviest, and names its event's town, official and figure
// twice; a few words of each report are its own. No three consecutive
// content words of a report are all the place's, so reports of different
// events share no passage.
func regionDocs(events, background int) (docs [][]string, event []int) {
	region := []string{"karsk", "valley", "levee", "karsk", "valley", "levee", "karsk", "floodwater", "sandbags", "karsk", "valley", "levee", "floodwater", "sandbags"}
	for e := range events {
		for r := range 2 {
			own := []string{
				fmt.Sprintf("town%c", 'a'+e), fmt.Sprintf("official%c", 'a'+e), fmt.Sprint(1000 + 37*e),
				fmt.Sprintf("town%c", 'a'+e), fmt.Sprintf("official%c", 'a'+e), fmt.Sprint(1000 + 37*e),
			}
			for k := range 5 {
				own = append(own, fmt.Sprintf("word%c%d%c", 'a'+e, r, 'a'+k))
			}
			var d []string
			for i := 0; i < len(region); i += 2 {
				d = append(d, region[i], region[i+1], own[i/2])
			}
			d = append(d, own[len(region)/2:]...)
			docs = append(docs, d)
			event = append(event, e)
		}
	}
	for b := range background {
		var d []string
		for k := range 20 {
			d = append(d, fmt.Sprintf("other%dx%d", b, k))
		}
		docs = append(docs, d)
		event = append(event, -1-b)
	}
	return docs, event
}

// TestGroupDocumentsKeepsEventsOfOnePlaceApart: reports of different
// events in one place share that place's words, the heaviest of each
// (as reports of several Gaza raids, months apart, share "gaza",
// "hamas" and "rockets"), and grouping made one story of a dozen events.
// The place's words head every report, so they tell no event from
// another; each report shares its own event's names, and only those
// join it to another.
func TestGroupDocumentsKeepsEventsOfOnePlaceApart(t *testing.T) {
	const events = 12
	docs, event := regionDocs(events, 200)
	groups := GroupDocuments(docs)
	together := 0
	for _, g := range groups {
		seen := map[int]bool{}
		for _, i := range g {
			seen[event[i]] = true
		}
		if len(seen) > 1 {
			var es []int
			for e := range seen {
				es = append(es, e)
			}
			slices.Sort(es)
			t.Errorf("one story holds reports of %d events: %v", len(seen), es)
		}
		if len(g) == 2 && event[g[0]] >= 0 && event[g[0]] == event[g[1]] {
			together++
		}
	}
	if together != events {
		t.Errorf("%d events have their two reports in one story, want %d", together, events)
	}
}
