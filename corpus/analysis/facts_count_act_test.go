package analysis

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestCountedBy checks the act and the noun each count of a sentence is
// read with: an act after the count, through its noun phrase and the
// words that link them, or before it; the noun of the count before for
// one that leaves it out; none for a count no act is said of, or of a
// measure.
func TestCountedBy(t *testing.T) {
	for _, tc := range []struct {
		sentence string
		want     string // each count's value, act and noun
	}{
		{"Three people were killed and six were injured in the crash.", "3 killed people, 6 injured people"},
		{"Six people were injured and three were killed in the crash.", "6 injured people, 3 killed people"},
		{"Three people were killed and six injured in the crash.", "3 killed people, 6 injured people"},
		{"The crash left three people dead and six injured.", "3 killed people, 6 injured people"},
		{"The crash left three dead and six injured.", "3 killed -, 6 injured -"},
		{"The bus overturned on Monday, leaving three dead and six injured.", "3 killed -, 6 injured -"},
		{"The bus overturned on Monday, killing three and injuring six.", "3 killed -, 6 injured -"},
		{"Crash on the highway: three dead, six hurt.", "3 killed -, 6 injured -"},
		{"The blast killed at least three people and wounded six others.", "3 killed people, 6 injured people"},
		{"Two soldiers have been killed and three more were seriously wounded.", "2 killed soldiers, 3 injured soldiers"},
		{"Three young children were killed.", "3 killed children"},
		{"At least 13 people, including children, died after the boat sank.", "13 killed people"},
		{"Police arrested four men and detained two women.", "4 arrested men, 2 arrested women"},
		{"The fire displaced 300 residents.", "300 displaced residents"},
		{"He was arrested three days later.", "3 - -"},
		{"He was shot three times and 40 percent of the town was evacuated.", "3 - -, 40 - -"},
		{"Three people were in the car, police said.", "3 - -"},
		{"The Israeli military said 97 rockets hit Israel and 99 more were intercepted.", "97 - -, 99 - -"},
		{"Two men who were arrested, and three killed.", "2 - -, 3 killed -"},
	} {
		a := corpus.Parse("a", []byte("Title\n\n"+tc.sentence+"\n"))
		var got []string
		for _, m := range factMentions(a, 0) {
			if m.kind == FactNumber {
				got = append(got, m.norm+" "+cmpOr(m.countedBy, "-")+" "+cmpOr(m.unit, "-"))
			}
		}
		if g := strings.Join(got, ", "); g != tc.want {
			t.Errorf("%q: counts %q, want %q", tc.sentence, g, tc.want)
		}
	}
}

func cmpOr(s, or string) string {
	if s == "" {
		return or
	}
	return s
}

// TestCountActNames checks the act each fact of countCases is said to
// count by: what a reader tells "people · killed" from "people ·
// injured" by.
func TestCountActNames(t *testing.T) {
	for _, tc := range countCases {
		var acts []string
		for _, d := range crashStory(t, tc.leads...).Disagreements() {
			if d.Kind == FactNumber {
				acts = append(acts, d.Act)
			}
		}
		if !slices.Equal(acts, tc.acts) {
			t.Errorf("%s: acts %q, want %q", tc.name, acts, tc.acts)
		}
	}
}
