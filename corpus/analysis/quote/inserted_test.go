package quote

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestWordsInsertedAreOneQuote checks that a quote made mostly of function
// words groups with the same words as another outlet gives them, or with a
// word or two more inserted, and that one more changed, moved or
// inserted, another speaker, or a longer quote that only shares the words
// as a phrase keeps them apart.
func TestWordsInsertedAreOneQuote(t *testing.T) {
	article := func(id, sentence string) *corpus.Article {
		return corpus.Parse(id, []byte("Title "+id+"\n\nThe fire spread through the valley overnight. "+sentence+"\n"))
	}
	tests := []struct {
		name   string
		a, b   string
		groups int
	}{
		{"same words",
			"“We are doing everything we can,” the chief said.",
			"“We are doing everything we can,” the chief said.", 1},
		{"an adverb inserted",
			"“We are doing everything we can,” the chief said.",
			"“We are doing everything we possibly can,” the chief said.", 1},
		{"two words inserted apart",
			"“I am not going to do that,” Ms. Lee said.",
			"“I am really not going to do that now,” Ms. Lee said.", 1},
		{"a word dropped, the speaker named in one only",
			"“They will have to wait for us,” she said.",
			"“They will have to wait,” said Ann Ortiz.", 1},
		{"three words inserted",
			"“We are doing everything we can,” the chief said.",
			"“We are truly doing everything that we possibly can,” the chief said.", 2},
		{"a word changed",
			"“We have numerous witnesses here,” the chief said.",
			"“We have numerous detectives here,” the chief said.", 2},
		{"words in another order",
			"“We are doing everything we can,” the chief said.",
			"“Everything we can, we are doing,” the chief said.", 2},
		{"two speakers",
			"“We are doing everything we can,” Mayor Ann Ortiz said.",
			"“We are doing everything we can,” Chief Tom Lee said.", 2},
		{"a longer quote sharing the phrase",
			"“We are doing everything we can,” the chief said.",
			"“The families want answers, and we are doing everything we can to give them that,” the chief said.", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := []*corpus.Article{article("a", tt.a), article("b", tt.b)}
			gs := Groups(arts)
			if err := checkQuoteGroups(arts, gs); err != nil {
				t.Fatal(err)
			}
			if len(gs) != tt.groups {
				for i, g := range gs {
					for _, q := range g.Quotes {
						t.Logf("group %d: %s %q", i, q.Article.ID, q.Text())
					}
				}
				t.Errorf("%d groups, want %d", len(gs), tt.groups)
			}
		})
	}
}
