package analysis

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestDaysOfDifferentActs checks that two paired sentences dating
// different acts of one story ("resigned Monday", "apologized Saturday")
// are no disagreement, and that two days of the same act still are.
func TestDaysOfDifferentActs(t *testing.T) {
	tests := []struct {
		name, left, right string
		want              bool
	}{
		{"resigned against apologized",
			"A young Republican congressional aide resigned Monday after her Facebook post berating the president's daughters became a sensation on the internet.",
			"A young Republican congressional aide had to apologize Saturday for her Facebook post berating the president's daughters, a sensation on the internet.",
			false},
		{"apologized against apologized",
			"A young Republican congressional aide apologized Monday for her Facebook post berating the president's daughters, a sensation on the internet.",
			"A young Republican congressional aide had to apologize Saturday for her Facebook post berating the president's daughters, a sensation on the internet.",
			true},
		// A day beside no act word dates what the sentence reports.
		{"said against said",
			"The aide's Facebook post berating the president's daughters was a mistake, the congressional office said on Monday.",
			"The aide's Facebook post berating the president's daughters was a mistake, the congressional office said on Saturday.",
			true},
	}
	for _, tt := range tests {
		an := analysedTexts(t, "Aide quits\n\n"+tt.left+"\n", "Aide sorry\n\n"+tt.right+"\n")
		var got bool
		for _, d := range an.Disagreements() {
			got = got || d.Kind == FactDay
		}
		if got != tt.want {
			t.Errorf("%s: a day disagreement reported: %v, want %v:\n%s", tt.name, got, tt.want, describe(an.Disagreements()))
		}
	}
}

// TestFactsOfDifferentActsStories checks the two cases found in the
// development stories: days of two acts, and a quote one outlet gives to
// the person who wrote it down and another to the person who spoke it.
func TestFactsOfDifferentActsStories(t *testing.T) {
	root := testcorpus.Shared(t, "corpora/stories")
	for _, tc := range []struct {
		dir   string
		files []string
		bad   func(d Disagreement, all string) bool
		what  string
	}{
		{"2014-11-29-gop-aide-elizabeth-lauten-apologizes-for-obama-daughters-post", []string{"01_nytimes.txt", "02_foxnews.txt", "03_huffpost.txt"},
			reports(FactDay, "Monday"),
			"NYT's \"resigned Monday\" against Fox's \"had to apologize Saturday\" and HuffPost's \"on Friday apologized\": a resignation is not the apology"},
		{"2018-04-19-comey-memos-released-to-congress", []string{"01_huffpost.txt", "02_nytimes.txt"},
			reports(FactAttribution, "Comey", "Trump"),
			"HuffPost's memo quote that \"Comey wrote\" against NYT's \"Mr. Trump told Mr. Comey\": the writer and the speaker of one exchange"},
		{"2018-04-19-comey-memos-released-to-congress", []string{"02_nytimes.txt", "04_foxnews.txt"},
			reports(FactAttribution, "Comey", "Trump"),
			"NYT's \"Mr. Trump told him\" against Fox's \"Trump told Comey … Comey recalled\""},
		{"2018-04-19-comey-memos-released-to-congress", []string{"03_usatoday.txt", "04_foxnews.txt"},
			reports(FactAttribution, "congressmen", "Nunes"),
			"USA Today's \"the Republican congressmen wrote\" against Fox's \"Goodlatte, Gowdy and Nunes noted\": a role against names"},
	} {
		var arts []*corpus.Article
		for _, f := range tc.files {
			a, _, err := corpus.LoadFile(filepath.Join(root, tc.dir, f))
			if err != nil {
				t.Fatal(err)
			}
			arts = append(arts, a)
		}
		an := mustAnalyze(&corpus.Story{Name: tc.dir, Articles: arts})
		for _, d := range an.Disagreements() {
			var vals []string
			for _, m := range d.Mentions {
				vals = append(vals, m.Value)
			}
			if tc.bad(d, strings.Join(vals, " ")) {
				t.Errorf("%s: reported %s %q: %s", tc.dir, d.Kind, vals, tc.what)
			}
		}
	}
}
