package analysis

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestRelativeDays checks days written relative to the article's date,
// placed by the articles' dates: two such days, or one and a day of the
// week or of a month, disagree when they name two days (weeks, months);
// with no date to place them they are compared with nothing, and with
// only their story folder's date, by weeks, months and years, and a day
// of the week against a date.
func TestRelativeDays(t *testing.T) {
	const (
		replaced  = "Dowd, the president's lawyer, was replaced %s by the former mayor of New York, Rudy Giuliani, who joined the legal team."
		filed     = "The challenge to the tax on streaming services was filed %s in the county court by a group of residents of the city."
		announced = "The company announced %s that it would close its factory in the north of the country and cut four hundred jobs."
	)
	for _, tc := range []struct {
		name         string
		form         string
		left, right  string // what fills form
		dateL, dateR string
		want         string // the values reported, or none
	}{
		{"a week and the week before, on one day", replaced, "last week", "two weeks ago", "2018-04-30", "2018-04-30", "last week|two weeks ago"},
		{"a week and the week before, undated", replaced, "last week", "two weeks ago", "", "", ""},
		{"one week from two days", filed, "last week", "this week", "2015-09-14", "2015-09-09", ""},
		{"two weeks from one day", filed, "last week", "this week", "2015-09-14", "2015-09-14", "last week|this week"},
		{"yesterday and its weekday", announced, "yesterday", "on Wednesday", "2016-07-28", "2016-07-28", ""},
		{"yesterday and another weekday", announced, "yesterday", "on Tuesday", "2016-07-28", "2016-07-28", "yesterday|Tuesday"},
		{"yesterday and its date", announced, "yesterday", "on July 27", "2016-07-28", "2016-07-28", ""},
		{"yesterday and another date", announced, "yesterday", "on July 26", "2016-07-28", "2016-07-28", "yesterday|July 26"},
		{"yesterday and a weekday, undated", announced, "yesterday", "on Tuesday", "", "", ""},
		{"a weekday and its date", announced, "on Thursday", "on April 26", "2018-04-27", "2018-04-27", ""},
		{"a weekday and another date", announced, "on Thursday", "on April 25", "2018-04-27", "2018-04-27", "Thursday|April 25"},
		{"a weekday and a date weeks away", announced, "on Thursday", "on April 4", "2018-04-27", "2018-04-27", ""},
		{"a weekday and a date, undated", announced, "on Thursday", "on April 25", "", "", ""},
		{"the last year is no day", announced, "over the last year", "this year", "2018-04-27", "2018-04-27", ""},
		// A story folder's date is the event's, not each article's.
		{"a week and the week before, in a dated folder", replaced, "last week", "two weeks ago", "folder", "folder", "last week|two weeks ago"},
		{"yesterday and today, in a dated folder", announced, "yesterday", "today", "folder", "folder", ""},
		{"yesterday and another weekday, in a dated folder", announced, "yesterday", "on Tuesday", "folder", "folder", ""},
		{"a weekday and another date, in a dated folder", announced, "on Thursday", "on April 25", "folder", "folder", "Thursday|April 25"},
		{"a weekday and its date, in a dated folder", announced, "on Thursday", "on April 26", "folder", "folder", ""},
	} {
		l := corpus.Parse("a", []byte("A title\n\n"+strings.Replace(tc.form, "%s", tc.left, 1)+"\n"))
		r := corpus.Parse("b", []byte("Another title\n\n"+strings.Replace(tc.form, "%s", tc.right, 1)+"\n"))
		l.Date, r.Date = tc.dateL, tc.dateR
		if tc.dateL == "folder" {
			l.Date, r.Date = "", ""
			l.Story, r.Story = "2018-04-27-factory-closes", "2018-04-27-factory-closes"
		}
		an := mustAnalyze(&corpus.Story{Name: "test", Articles: []*corpus.Article{l, r}})
		var got []string
		for _, d := range an.Disagreements() {
			if d.Kind == FactDay {
				for _, m := range d.Mentions {
					got = append(got, m.Value)
				}
			}
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("%s: reported %q, want %q:\n%s", tc.name, g, tc.want, describe(an.Disagreements()))
		}
	}
}

// TestRelativeDaysOnTheStories checks the development gold's mueller-E38:
// HuffPost's "Dowd was replaced last week by … Rudy Giuliani" against
// Breitbart's "Two weeks ago, Trump recruited … Rudy Giuliani", in a
// folder named by the story's date.
func TestRelativeDaysOnTheStories(t *testing.T) {
	root := testcorpus.Shared(t, "corpora/stories")
	dir := "2018-04-30-mueller-questions-for-trump"
	an := analysedFiles(t, root, dir, "01_huffpost.txt", "05_breitbart.txt")
	for _, d := range an.Disagreements() {
		if d.Kind == FactDay && len(d.Mentions) == 2 && d.Mentions[0].Value == "last week" && d.Mentions[1].Value == "Two weeks ago" {
			// The words around "Two weeks ago" are what it shares with
			// "last week", not its own "weeks ago", which "last week"
			// has none of: the fact was headed by nothing.
			if d.About == "" {
				t.Errorf("the day is about nothing")
			}
			return
		}
	}
	t.Errorf("\"last week\" against \"Two weeks ago\" not reported:\n%s", describe(an.Disagreements()))
}

// TestDayHeadedByWhatItIsAbout is a regression test: "last week" against
// "Two weeks ago" of Giuliani's joining Trump's lawyers was headed "day ·
// former", the one lower-case word the words around the two days share,
// which says of whom and not what; "New", the other, is a piece of a name
// that goes on.
func TestDayHeadedByWhatItIsAbout(t *testing.T) {
	root := testcorpus.Shared(t, "corpora/stories")
	dir := "2018-04-30-mueller-questions-for-trump"
	an := analysedFiles(t, root, dir, "01_huffpost.txt", "05_breitbart.txt")
	for _, d := range an.Disagreements() {
		if d.Kind == FactDay && len(d.Mentions) == 2 && d.Mentions[0].Value == "last week" {
			if d.About != "Giuliani" {
				t.Errorf("the day is about %q, want %q", d.About, "Giuliani")
			}
			return
		}
	}
	t.Errorf("\"last week\" against \"Two weeks ago\" not reported:\n%s", describe(an.Disagreements()))
}

// TestTimeNotHeadedByANumber checks that a fact headed by a word its two
// sentences share, their contexts sharing none, is not headed by a
// number: "11:15 p.m." against "10:40 p.m." of a fall, both sentences
// giving the man's age ("Connor Cummings, 20,"), would be "time · 20".
func TestTimeNotHeadedByANumber(t *testing.T) {
	root := testcorpus.Shared(t, "corpora/multinews")
	an := analysedFiles(t, root, "longbench-multinews-068", "01.txt", "03.txt")
	for _, d := range an.Disagreements() {
		if r, _ := utf8.DecodeRuneInString(d.About); d.About != "" && !unicode.IsLetter(r) {
			t.Errorf("the %s is about %q:\n%s", d.Kind, d.About, describe([]Disagreement{d}))
		}
	}
}
