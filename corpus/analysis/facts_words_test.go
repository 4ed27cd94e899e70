package analysis

import (
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestSpelledNumbers checks which words are read as counts: two to
// ninety-nine, and dozens of them; not "one", a name's word or a
// multiplier standing alone.
func TestSpelledNumbers(t *testing.T) {
	for _, tc := range []struct {
		sentence string
		want     string // the numbers' values and texts
	}{
		{"Police said three people were hurt.", "3=three"},
		{"Three people were hurt.", "3=Three"},
		{"Twenty-three missiles were fired in sixteen tests.", "23=Twenty-three 16=sixteen"},
		{"He has at least four dozen questions and a dozen more.", "48=four dozen 12=a dozen"},
		{"It was one of the worst crashes, and no one was hurt.", ""},
		{"The Big Ten and the Fantastic Four met a three-year-old.", ""},
		{"Hundreds of people and a million dollars, dozens of them.", ""},
		{"Three million people live there.", "3=Three"},
		{"He was a thirty-one-year-old man, a twenty-one and twenty-seven.", "21=twenty-one 27=twenty-seven"},
	} {
		a := corpus.Parse("a", []byte("Title\n\n"+tc.sentence+"\n"))
		var got []string
		for _, m := range factMentions(a, 0) {
			if m.kind == FactNumber {
				got = append(got, m.norm+"="+m.Value)
			}
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%q: numbers %q, want %q", tc.sentence, g, tc.want)
		}
	}
}

// TestSpelledNumbersOnTheStories checks, on the stories they were missed
// in, counts written in words that two outlets give differently: the
// development gold's "at least four dozen questions" against "almost four
// dozen questions" (mueller-E01), and a cluster's "three or four of the
// seven women" against "of the nine women".
func TestSpelledNumbersOnTheStories(t *testing.T) {
	for _, tc := range []struct {
		corpus, dir string
		files       []string
		values      string
	}{
		{"corpora/stories", "2018-04-30-mueller-questions-for-trump", []string{"02_nytimes.txt", "03_usatoday.txt"}, "at least four dozen|almost four dozen"},
		{"corpora/multinews", "multinews-test-52861", []string{"01.txt", "02.txt"}, "seven|nine"},
	} {
		root := testcorpus.Shared(t, tc.corpus)
		an := analysedFiles(t, root, tc.dir, tc.files...)
		found := false
		for _, d := range an.Disagreements() {
			vals := mentionValues(d)
			found = found || d.Kind == FactNumber && strings.Join(vals, "|") == tc.values
		}
		if !found {
			t.Errorf("%s: %q not reported:\n%s", tc.dir, tc.values, describe(an.Disagreements()))
		}
	}
}

// FuzzFactValues reads the numbers, days and times of any text, dated by
// any string, and compares each with each: no panic, every value is the
// text of its span, and the comparison is symmetric.
func FuzzFactValues(f *testing.F) {
	testcorpus.FuzzSeeds(f, false)
	f.Add([]byte("T\n\nAt least four dozen, a dozen, twenty-three and Twenty-one-year-old; two weeks ago, last week, yesterday, 3 days ago, an ago, a.\n"))
	f.Add([]byte("T\n\nOn Thursday, on April 31, on February 29 and last night, the last year, this month, next year.\n"))
	f.Add([]byte("T\n\nThree people were killed and six others injured, leaving four dead; 13 people, including, died, killing three and injuring at least six, three dead, six hurt.\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		a := corpus.Parse("a", raw)
		b := corpus.Parse("b", raw)
		a.Date, b.Story = string(raw[:min(len(raw), 10)]), "2016-02-29-story"
		ma, mb := factMentions(a, 0), factMentions(b, 1)
		for _, m := range ma {
			if m.Span.Start < 0 || m.Span.End > len(raw) || m.Span.Start > m.Span.End || m.Value != a.Text(m.Span) {
				t.Fatalf("value %q at %v", m.Value, m.Span)
			}
		}
		vs := carriedValues([][]Mention{ma, mb})
		for _, x := range ma {
			for _, y := range mb {
				if vs.differ(x, y) != vs.differ(y, x) {
					t.Fatalf("%q against %q is not %q against %q", x.Value, y.Value, y.Value, x.Value)
				}
			}
		}
	})
}
