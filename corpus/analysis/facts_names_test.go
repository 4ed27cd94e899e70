package analysis

import (
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestOneNameWrittenTwoWays checks, on the multinews clusters they were
// found in, that a name and its initials, or a name with and without a
// hyphen, are one name: each was reported as one name given for another.
func TestOneNameWrittenTwoWays(t *testing.T) {
	root := testcorpus.Shared(t, "corpora/multinews")
	for _, tc := range []struct {
		dir   string
		files []string
		names []string
	}{
		{"longbench-multinews-009", []string{"01.txt", "02.txt"}, []string{"UC San Diego", "UCSD"}},
		{"longbench-multinews-135", []string{"01.txt", "02.txt"}, []string{"Screen Actors Guild", "SAG's"}},
		{"longbench-multinews-182", []string{"01.txt", "03.txt"}, []string{"LASD", "Los Angeles County Sheriff’s Department’s"}},
		{"longbench-multinews-171", []string{"01.txt", "02.txt"}, []string{"Reestablishment", "Re-establishment"}},
		{"longbench-multinews-123", []string{"01.txt", "03.txt"}, []string{"Bronson's", "Bronson-starring"}},
	} {
		an := analysedFiles(t, root, tc.dir, tc.files...)
		for _, d := range an.Disagreements() {
			vals := mentionValues(d)
			if d.Kind == FactName && strings.Join(vals, "|") == strings.Join(tc.names, "|") {
				t.Errorf("%s: one name reported as two: %q", tc.dir, vals)
			}
		}
	}
	// Initials that are not the name's are another name.
	for _, tc := range []struct {
		short, long string
		want        bool
	}{
		{"UCSD", "UC San Diego", true},
		{"FBI", "Federal Bureau of Investigation", true},
		{"NASA", "Federal Bureau of Investigation", false},
		{"Wella", "Coty Inc", false},
	} {
		if got := initialsOf(tc.short, tc.long); got != tc.want {
			t.Errorf("initialsOf(%q, %q) = %v, want %v", tc.short, tc.long, got, tc.want)
		}
	}
}

// TestTimeZoneNamesNoOne checks, on the cluster it was found in, that a
// time zone is no name: "10 p.m. Et" against "10 p.m. Est" was reported
// as one name given for another.
func TestTimeZoneNamesNoOne(t *testing.T) {
	root := testcorpus.Shared(t, "corpora/multinews")
	an := analysedFiles(t, root, "multinews-test-51401", "01.txt", "02.txt")
	for _, d := range an.Disagreements() {
		if d.Kind == FactName {
			t.Errorf("reported %s", describe([]Disagreement{d}))
		}
	}
}

// TestNameBothOutletsGive checks, on the clusters it was found in, that a
// name change is no disagreement when each article names elsewhere what
// the other gives: an outlet calling a man "Delynn" had noted that his
// name is Dallas Swonger, as the other calls him; "McComas said" and
// "NASA officials said" are two claims of one story, and each outlet
// names both.
func TestNameBothOutletsGive(t *testing.T) {
	root := testcorpus.Shared(t, "corpora/multinews")
	for _, tc := range []struct {
		dir   string
		files []string
	}{
		{"longbench-multinews-112", []string{"02.txt", "03.txt"}},
		{"longbench-multinews-073", []string{"01.txt", "04.txt"}},
	} {
		an := analysedFiles(t, root, tc.dir, tc.files...)
		for _, d := range an.Disagreements() {
			if d.Kind == FactName {
				t.Errorf("%s: reported %s", tc.dir, describe([]Disagreement{d}))
			}
		}
	}
}
