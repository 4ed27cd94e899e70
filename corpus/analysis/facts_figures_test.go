package analysis

import (
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestFiguresGivenAlike checks, on the multinews clusters they were found
// in, figures that two outlets give alike although the values differ,
// each once reported as a disagreement: a date against a day of the week;
// a bound or round figure against a value it allows; a sentence set
// against every sentence of a paragraph the two outlets print alike; a
// number against one of something else. And that the figures that do
// disagree stay reported.
func TestFiguresGivenAlike(t *testing.T) {
	root := testcorpus.Shared(t, "corpora/multinews")
	for _, tc := range []struct {
		dir    string
		files  []string
		values []string // the values of a disagreement, in article order
		want   bool     // reported
		what   string
	}{
		// A date and a day of the week.
		{"multinews-test-51025", []string{"01.txt", "02.txt"}, []string{"april 15", "monday"}, false,
			"\"detailed online today (april 15)\" against \"published online monday\""},
		{"multinews-test-51198", []string{"01.txt", "03.txt"}, []string{"october 10", "monday"}, false,
			"\"went to the hospital on october 10\" against \"on monday, the … health district said\""},
		// Bounds and round figures.
		{"multinews-test-52664", []string{"01.txt", "02.txt"}, []string{"150", "143"}, false,
			"\"the first-responder fee of nearly $ 150\" against \"being charged $ 143\""},
		{"multinews-test-50915", []string{"01.txt", "03.txt"}, []string{"40", "48"}, false,
			"\"walked more than 40 kilometres\" against \"to walk 48 kilometres\""},
		{"multinews-test-51592", []string{"01.txt", "03.txt"}, []string{"30", "20"}, false,
			"\"died after waiting 30 minutes\" against \"at least 20 minutes elapsed\""},
		{"multinews-test-51462", []string{"01.txt", "02.txt"}, []string{"50", "52"}, false,
			"\"worth about $ 50 million\" against \"worth $ 52 million\""},
		{"multinews-test-54011", []string{"01.txt", "02.txt"}, []string{"133", "130"}, false,
			"\"about 133 million years ago\" against \"about 130 million years ago\""},
		{"longbench-multinews-099", []string{"02.txt", "03.txt"}, []string{"258,000", "260,000"}, false,
			"\"about 258,000 patients\" against \"nearly 260,000 patients\""},
		{"multinews-test-52703", []string{"01.txt", "02.txt"}, []string{"35,000", "38,717"}, true,
			"\"fewer than 35,000 votes\" against \"38,717 votes\" disagree"},
		{"multinews-test-52249", []string{"01.txt", "02.txt"}, []string{"13", "11"}, true,
			"\"at least 13 people … died\" against \"at least 11 people … died\" disagree"},
		// A paragraph two outlets print alike: each sentence pairs with
		// its own, not with every other.
		{"longbench-multinews-150", []string{"01.txt", "02.txt"}, []string{"2:20 p.m.", "3:50 p.m."}, false,
			"\"crossed the … border about 2:20 p.m.\" against \"the last phone signal … around 3:50 p.m.\""},
		{"multinews-test-52775", []string{"01.txt", "02.txt"}, []string{"11,854", "10,000"}, false,
			"Cruz's book \"sold 11,854 copies\" against another's \"sold fewer than 10,000 copies\""},
		// Figures of a list that both outlets give, one rounded.
		{"longbench-multinews-099", []string{"01.txt", "02.txt"}, []string{"95.1", "70"}, false,
			"\"95.1 percent … 70.3 percent\" against \"76 percent … 70 percent\""},
		// Numbers of different things.
		{"multinews-test-50860", []string{"01.txt", "02.txt"}, []string{"70", "59"}, false,
			"\"interstate 70 near russell\" against \"james zordel, 59, of russell\""},
		{"multinews-test-53185", []string{"01.txt", "02.txt"}, []string{"22", "23"}, false,
			"\"gabriel kovari, 22\" against \"anthony walgate, 23\""},
		{"multinews-test-51840", []string{"01.txt", "02.txt"}, []string{"6.2", "7.3"}, false,
			"\"10 kilometers ( 6.2 miles ) deep and struck\" against \"the 7.3 magnitude quake struck\""},
		{"multinews-test-51310", []string{"01.txt", "02.txt"}, []string{"46", "45"}, true,
			"\"clifford knight, 46\" against \"clifford knight, 45\" disagree"},
	} {
		an := analysedFiles(t, root, tc.dir, tc.files...)
		got := false
		for _, d := range an.Disagreements() {
			vals := mentionValues(d)
			got = got || strings.Join(vals, "|") == strings.Join(tc.values, "|")
		}
		if got != tc.want {
			t.Errorf("%s: %q reported %v, want %v: %s\n%s", tc.dir, tc.values, got, tc.want, tc.what, describe(an.Disagreements()))
		}
	}
}

// TestTimeNotAboutItsMeridiem checks, on the cluster it was found in,
// that two times are not headed by the "p.m" both carry: "time · p.m"
// said nothing of what happened at 11:15 p.m. or 10:40 p.m.
func TestTimeNotAboutItsMeridiem(t *testing.T) {
	root := testcorpus.Shared(t, "corpora/multinews")
	an := analysedFiles(t, root, "longbench-multinews-068", "01.txt", "03.txt")
	times := 0
	for _, d := range an.Disagreements() {
		if d.Kind != FactTime {
			continue
		}
		times++
		if meridiem(d.About) {
			t.Errorf("the times %s are about %q", describe([]Disagreement{d}), d.About)
		}
	}
	if times != 1 {
		t.Errorf("%d time disagreements, want 1 (\"about 11:15 p.m.\" against \"around 10:40 p.m.\"):\n%s", times, describe(an.Disagreements()))
	}
}

// TestHourAlone checks that an hour written without minutes ("6 p.m.")
// is a time, not a count: "at 7 p.m." against "at 8 p.m." was reported as
// the numbers 7 and 8. And that it is the time written with minutes and
// no "p.m." ("at 6:00"), as in the cluster where a vigil is held "at 6
// p.m. Thursday" in one outlet and "Thursday at 6:00" in another.
func TestHourAlone(t *testing.T) {
	an := analysedTexts(t,
		"Vigil\n\nA vigil for the boy will be held at 7 p.m. Thursday at the community center on the east side of town.\n",
		"Vigil held\n\nThe family of the boy is holding a vigil Thursday at 8 p.m. at the community center on the east side of town.\n")
	ds := an.Disagreements()
	if len(ds) != 1 || ds[0].Kind != FactTime || ds[0].Mentions[0].Value != "7 p.m." || ds[0].Mentions[1].Value != "8 p.m." {
		t.Errorf("want one time disagreement, 7 p.m. against 8 p.m.; got:\n%s", describe(ds))
	}

	root := testcorpus.Shared(t, "corpora/multinews")
	an = analysedFiles(t, root, "longbench-multinews-093", "01.txt", "02.txt")
	for _, d := range an.Disagreements() {
		if d.Kind == FactTime || d.Kind == FactNumber {
			t.Errorf("reported %s", describe([]Disagreement{d}))
		}
	}
	for _, tc := range []struct {
		x, y string
		want bool
	}{
		{"6:00 pm", "6:00", true}, {"6:00 pm", "18:00", true}, {"6:00 am", "6:00", true},
		{"6:00 pm", "7:00", false}, {"6:00 pm", "6:00 am", false}, {"6:00", "18:00", false},
	} {
		if got := sameClock(tc.x, tc.y); got != tc.want {
			t.Errorf("sameClock(%q, %q) = %v, want %v", tc.x, tc.y, got, tc.want)
		}
	}
}
