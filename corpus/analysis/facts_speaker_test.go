package analysis

import (
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestDescribedSpeakers checks, on the multinews clusters it was found in,
// that a speaker one outlet describes and does not name ("a forensic
// investigator", "the company", "the worker") is no disagreement with the
// speaker another names, nor is one person called by two words of her
// name: each was reported as two speakers of one quote.
func TestDescribedSpeakers(t *testing.T) {
	root := testcorpus.Shared(t, "corpora/multinews")
	for _, tc := range []struct {
		dir   string
		files []string
		what  string
	}{
		{"longbench-multinews-016", []string{"02.txt", "03.txt"}, "\"Borrini said\" against \"said a forensic investigator\""},
		{"longbench-multinews-057", []string{"01.txt", "02.txt"}, "\"the company said in a statement\" against McNeil Consumer Healthcare"},
		{"longbench-multinews-061", []string{"02.txt", "03.txt"}, "a man against \"the worker says\""},
		// One person called by two words of the name: the articles
		// name her in full.
		{"longbench-multinews-047", []string{"01.txt", "03.txt"}, "Dickson Wright against Clarissa, of Clarissa Dickson Wright"},
		{"longbench-multinews-158", []string{"03.txt", "04.txt"}, "Winter against Ariel, of Ariel Winter"},
	} {
		an := analysedFiles(t, root, tc.dir, tc.files...)
		for _, d := range an.Disagreements() {
			if d.Kind == FactAttribution {
				t.Errorf("%s: attribution reported: %s\n%s", tc.dir, tc.what, describe([]Disagreement{d}))
			}
		}
	}
	// A speaker that names a body still disagrees with a person: the
	// built-in story's Al Jazeera gives Jake Sullivan's words to
	// "Clinton’s campaign".
	for _, s := range []string{"Clinton’s campaign", "Jake Sullivan", "McNeil Consumer Healthcare"} {
		if attributionKey(s) == "" {
			t.Errorf("attributionKey(%q) is empty: it names someone", s)
		}
	}
}

// TestAttributionKeySkipsNameSuffix is a regression test: attributions
// were compared by the speaker's last word, so "Roger J. Stone Jr" and
// "Stone" were reported as two speakers of one quote, and "Roger J.
// Stone Jr" and "Robert F. Kennedy Jr." as one.
func TestAttributionKeySkipsNameSuffix(t *testing.T) {
	for _, tt := range []struct{ speaker, want string }{
		{"Roger J. Stone Jr", "stone"},
		{"Roger J. Stone Jr.", "stone"},
		{"Robert S. Mueller III", "mueller"},
		{"Stone", "stone"},
		{"Robert F. Kennedy Jr.", "kennedy"},
	} {
		if got := attributionKey(tt.speaker); got != tt.want {
			t.Errorf("attributionKey(%q) = %q, want %q", tt.speaker, got, tt.want)
		}
	}
}

// TestAttributionKeyTitleSurname is a regression test: a title ending a
// name was dropped as a title, so "Martin Luther King" and "Larry King"
// had no key and were compared with no other speaker. A title ending an
// office, a nation's ruler or a body's member stays no name.
func TestAttributionKeyTitleSurname(t *testing.T) {
	for _, tt := range []struct{ speaker, want string }{
		{"Martin Luther King", "king"},
		{"Martin Luther King Jr.", "king"},
		{"Larry King", "king"},
		{"Jim Justice", "justice"},
		{"the king", ""},
		{"King", ""},
		{"Saudi King", ""},
		{"Supreme Court Justice", ""},
		{"Health Secretary", ""},
		{"House Speaker", ""},
		{"FBI Director", ""},
		{"the Prince", ""},
	} {
		if got := attributionKey(tt.speaker); got != tt.want {
			t.Errorf("attributionKey(%q) = %q, want %q", tt.speaker, got, tt.want)
		}
	}
}

// TestCallSignCarriesWords is a regression test: "WOFL says, “…”", a
// station carrying the officer's words, was reported as a speaker of the
// quote other than the officer the other outlets name.
func TestCallSignCarriesWords(t *testing.T) {
	root := testcorpus.Shared(t, "corpora/multinews")
	an := analysedFiles(t, root, "longbench-multinews-166", "01.txt", "02.txt", "03.txt")
	for _, d := range an.Disagreements() {
		if d.Kind != FactAttribution {
			continue
		}
		for _, m := range d.Mentions {
			if strings.HasPrefix(m.Value, "WOFL") {
				t.Errorf("the station that carried the words is a speaker:\n%s", describe([]Disagreement{d}))
			}
		}
	}
	for _, tt := range []struct {
		speaker string
		station bool
	}{
		{"WOFL", true}, {"KTLA", true}, {"WSVN-TV", true},
		{"NASA", false}, {"WOFLS", false}, {"Wofl", false}, {"KGO", false}, {"Graber", false},
	} {
		if got := attributionKey(tt.speaker) == ""; got != tt.station {
			t.Errorf("attributionKey(%q) = %q: unkeyed %v, want %v", tt.speaker, attributionKey(tt.speaker), got, tt.station)
		}
	}
}
