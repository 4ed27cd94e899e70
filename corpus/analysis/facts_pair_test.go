package analysis

import (
	"fmt"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestOneDisagreementPerSentencePair is a regression test: two sentences
// that each give a weekday and a date ("saturday, jan. 14, 2012" against
// "sunday, jan. 15, 2012") were reported twice, once by the weekdays and
// once by the dates, as two facts of one pair of sentences.
func TestOneDisagreementPerSentencePair(t *testing.T) {
	check := func(name string, an *Analysis) {
		t.Helper()
		seen := make(map[string]bool)
		for _, d := range an.Disagreements() {
			key := d.Kind.String()
			for _, m := range d.Mentions {
				key += fmt.Sprintf(" %s/%d", m.Article.ID, m.sent)
			}
			if seen[key] {
				t.Errorf("%s: one pair of sentences reported twice for one kind:\n%s", name, describe(an.Disagreements()))
			}
			seen[key] = true
		}
	}
	an := analysedTexts(t,
		"Game day\n\nThe Ravens beat the Texans in Baltimore on Saturday, Jan. 14, 2012, in a divisional playoff game.\n",
		"Game day\n\nThe Ravens beat the Texans in Baltimore on Sunday, Jan. 15, 2012, in a divisional playoff game.\n")
	days := 0
	for _, d := range an.Disagreements() {
		if d.Kind == FactDay {
			days++
		}
	}
	if days != 1 {
		t.Errorf("%d day facts, want 1:\n%s", days, describe(an.Disagreements()))
	}
	check("built", an)
	root := testcorpus.Shared(t, "corpora/multinews")
	check("multinews-test-53833", analysedFiles(t, root, "multinews-test-53833", "01.txt", "02.txt"))
}
