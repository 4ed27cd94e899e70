package analysis

import (
	"slices"
	"strings"
	"testing"
)

// crashStory is a story of a crash as outlets tell it: one article for
// each lead sentence given.
func crashStory(t *testing.T, leads ...string) *Analysis {
	t.Helper()
	var texts []string
	for _, l := range leads {
		texts = append(texts, "Crash on the highway\n\n"+l+"\n\nThe driver of the van fled the scene on foot.\n")
	}
	return analysedTexts(t, texts...)
}

// countFacts lists the number facts of an, each as what it is about and
// each outlet's value: "people: a=Three b=three c=Four", in the order
// of the first outlet's counts.
func countFacts(an *Analysis) []string {
	var out []string
	for _, d := range an.Disagreements() {
		if d.Kind != FactNumber {
			continue
		}
		var b strings.Builder
		b.WriteString(d.About + ":")
		for _, m := range d.Mentions {
			b.WriteString(" " + m.Article.ID + "=" + m.Value)
		}
		out = append(out, b.String())
	}
	return out
}

// countCases are sentences that hold two counts of one noun, each by its
// own act, as three outlets give them: the first two agree on both
// counts, written in another order, and the third gives others.
var countCases = []struct {
	name  string
	leads []string
	want  []string // the number facts of all three (see countFacts)
	acts  []string // their acts, in the same order
}{
	{"passive, the noun left out of the second",
		[]string{
			"Three people were killed and six were injured in the crash on Monday, police said.",
			"Six people were injured and three were killed in the crash on Monday, police said.",
			"Four people were killed and five were injured in the crash on Monday, police said.",
		},
		[]string{"people: a=Three b=three c=Four", "people: a=six b=Six c=five"},
		[]string{"killed", "injured"}},
	{"the second's verb left out",
		[]string{
			"Three people were killed and six injured in the crash on Monday, police said.",
			"Six people were injured and three killed in the crash on Monday, police said.",
			"Four people were killed and five injured in the crash on Monday, police said.",
		},
		[]string{"people: a=Three b=three c=Four", "people: a=six b=Six c=five"},
		[]string{"killed", "injured"}},
	{"leaving dead and injured",
		[]string{
			"The crash on Monday left three people dead and six injured, police said.",
			"The crash on Monday left six people injured and three dead, police said.",
			"The crash on Monday left four people dead and five injured, police said.",
		},
		[]string{"people: a=three b=three c=four", "people: a=six b=six c=five"},
		[]string{"killed", "injured"}},
	{"dead and hurt, no noun",
		[]string{
			"In the crash on the highway on Monday: three dead, six hurt, police said.",
			"In the crash on the highway on Monday: six hurt, three dead, police said.",
			"In the crash on the highway on Monday: four dead, five hurt, police said.",
		},
		[]string{": a=three b=three c=four", ": a=six b=six c=five"},
		[]string{"killed", "injured"}},
	{"active, the act before the count",
		[]string{
			"The crash on Monday killed three people and injured six, police said.",
			"The crash on Monday injured six people and killed three, police said.",
			"The crash on Monday killed four people and injured five, police said.",
		},
		[]string{"people: a=three b=three c=four", "people: a=six b=six c=five"},
		[]string{"killed", "injured"}},
	{"wounded and injured are one act",
		[]string{
			"Three people were killed and six others were wounded in the crash on Monday, police said.",
			"Six people were injured and three were killed in the crash on Monday, police said.",
			"Four people were killed and five others were hurt in the crash on Monday, police said.",
		},
		[]string{"people: a=Three b=three c=Four", "people: a=six b=Six c=five"},
		[]string{"killed", "injured"}},
	{"the counts swapped",
		[]string{
			"Three people were killed and four were injured in the crash on Monday, police said.",
			"Three people were killed and four were injured in the crash on Monday, police said.",
			"Four people were killed and three were injured in the crash on Monday, police said.",
		},
		[]string{"people: a=Three b=Three c=Four", "people: a=four b=four c=three"},
		[]string{"killed", "injured"}},
}

// TestCountsByAct is the defect of two counts of one noun in a sentence:
// each count is compared with the count by the same act in the other
// outlets, so an outlet giving other figures disagrees on each, and two
// outlets giving the same figures in another order agree.
func TestCountsByAct(t *testing.T) {
	for _, tc := range countCases {
		if got := countFacts(crashStory(t, tc.leads...)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: number facts\n%q, want\n%q", tc.name, got, tc.want)
		}
		// The first two agree.
		if got := countFacts(crashStory(t, tc.leads[:2]...)); len(got) > 0 {
			t.Errorf("%s: two outlets giving the same counts disagree: %q", tc.name, got)
		}
		// The third against either disagrees on both counts.
		for _, other := range tc.leads[:2] {
			if got := countFacts(crashStory(t, other, tc.leads[2])); len(got) != 2 {
				t.Errorf("%s: %q against %q: number facts %q, want 2", tc.name, other, tc.leads[2], got)
			}
		}
	}
}

// TestCountFactHoldsOneAct checks that a count whose sentence says no
// act, near both a count of the killed and one of the injured, does not
// join the two into one fact: it is compared with the first, by the rule
// for counts that say no act, and the injured stand alone.
func TestCountFactHoldsOneAct(t *testing.T) {
	an := crashStory(t,
		"Three people were killed in the crash on Monday, police said.",
		"Four people were in the crash on Monday, police said.",
		"Five people were injured in the crash on Monday, police said.",
	)
	want := []string{"people: a=Three b=Four"}
	if got := countFacts(an); !slices.Equal(got, want) {
		t.Errorf("number facts %q, want %q", got, want)
	}
}
