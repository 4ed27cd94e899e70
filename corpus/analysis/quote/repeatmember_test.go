package quote

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestRepeatShownByTheSharedWording is a regression test: an outlet that
// quotes a question twice, once as the other outlets print it and once in
// a fuller form further down, was shown in the group by the longer quote,
// so the quotes view had it rewording a question it prints word for word
// (the questions for President Trump of April 2018: The Times's "What
// efforts were made to reach out to Mr. Flynn…" shown as its later
// "After General Flynn resigned, what calls or efforts…"). Where no other
// outlet's wording tells the two apart, the longer still stands.
func TestRepeatShownByTheSharedWording(t *testing.T) {
	const (
		short = "“What efforts were made to reach out to Mr. Flynn about seeking immunity or possible pardon?” reads one of the queries."
		full  = "“After General Flynn resigned, what calls or efforts were made by people associated with you to reach out to General Flynn or to discuss Flynn seeking immunity or possible pardon?” Mr. Mueller planned to ask."
	)
	tests := []struct {
		name   string
		others []string // the other outlets' paragraphs
		want   string   // the repeating outlet's member, by its opening words
	}{
		{"the others print the question as put",
			[]string{short, short},
			"What efforts were made"},
		{"the others print the fuller form",
			[]string{full, full},
			"After General Flynn resigned"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := []*corpus.Article{quoteArticle("times", "Questions for the president\n\n"+short+"\n\nThe list runs to four dozen questions on an array of subjects.\n\n"+full+"\n")}
			for i, p := range tt.others {
				arts = append(arts, quoteArticle(string(rune('a'+i)), "Questions for the president\n\n"+p+"\n"))
			}
			gs := Groups(arts)
			if err := checkQuoteGroups(arts, gs); err != nil {
				t.Fatal(err)
			}
			for _, g := range gs {
				for _, q := range g.Quotes {
					t.Logf("group of %d: %s %q", len(g.Quotes), q.Article.ID, q.Text())
				}
			}
			if len(gs) == 0 || len(gs[0].Quotes) != 3 {
				t.Fatalf("want one group of the three outlets first")
			}
			for _, q := range gs[0].Quotes {
				if q.Article.ID == "times" {
					if got := q.Text(); len(got) < len(tt.want) || got[:len(tt.want)] != tt.want {
						t.Errorf("the times is shown by %q, want the quote opening %q", got, tt.want)
					}
					return
				}
			}
			t.Errorf("the times is not in the group")
		})
	}
}
