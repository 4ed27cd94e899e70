package quote

import (
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestJoinedPartsReadAsTheOutletWrote is a regression test: the parts of
// a quote an outlet split were joined by a space, dropping the comma that
// ended the first part, so Swell Digest's Sullivan quote read "…his
// political opponent This has gone…". The comma reads as a full stop
// before a new sentence and stays a comma otherwise, and an outlet that
// wrote the full stop has the same words there.
func TestJoinedPartsReadAsTheOutletWrote(t *testing.T) {
	tests := []struct {
		name, split, whole string
		want               string // the split outlet's joined text
	}{
		{
			name:  "a new sentence after the comma",
			split: "T\n\n“Alpha team members crossed the border at dawn,” Smith told reporters.\n\n“They will return with the whole convoy next week.”\n",
			whole: "T\n\nSmith said: \"Alpha team members crossed the border at dawn. They will return with the whole convoy next week.\"\n",
			want:  "Alpha team members crossed the border at dawn. They will return with the whole convoy next week.",
		},
		{
			name:  "the sentence goes on after the comma",
			split: "T\n\n“Alpha team members crossed the border at dawn,” Smith told reporters, “and they will return with the whole convoy next week.”\n",
			whole: "T\n\nSmith said: \"Alpha team members crossed the border at dawn, and they will return with the whole convoy next week.\"\n",
			want:  "Alpha team members crossed the border at dawn, and they will return with the whole convoy next week.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			split, whole := quoteArticle("split", tt.split), quoteArticle("whole", tt.whole)
			arts := []*corpus.Article{split, whole}
			gs := Groups(arts)
			if err := checkQuoteGroups(arts, gs); err != nil {
				t.Fatal(err)
			}
			if len(gs) != 1 || len(gs[0].Quotes) != 2 {
				t.Fatalf("%d groups, want the two quotes in one", len(gs))
			}
			g := gs[0]
			for i, q := range g.Quotes {
				if q.Article != split {
					continue
				}
				if len(q.Parts) != 2 {
					t.Fatalf("split quote has %d parts, want 2", len(q.Parts))
				}
				if got := q.Text(); got != tt.want {
					t.Errorf("Text() = %q, want %q", got, tt.want)
				}
				for _, op := range g.Ops[i] {
					if op.Kind != compare.OpEqual && !onlySpaceText(q, g.Quotes[g.Common], op) {
						t.Errorf("the two wordings differ at %v %q/%q; want the same words", op.Kind,
							g.Quotes[g.Common].TextIn(op.Left), q.TextIn(op.Right))
					}
				}
			}
		})
	}
}

// onlySpaceText reports whether op changes spacing alone, as the joint of
// two parts does.
func onlySpaceText(q, common Quote, op compare.Op) bool {
	for _, s := range []string{common.TextIn(op.Left), q.TextIn(op.Right)} {
		for _, r := range s {
			if r != ' ' {
				return false
			}
		}
	}
	return true
}

// TestSwellDigestSullivanQuote checks the case as the sample has it.
func TestSwellDigestSullivanQuote(t *testing.T) {
	as := testcorpus.Seeds(t)
	g := quoteGroupWith(t, Groups(as), "000", "political opponent")
	for _, q := range g.Quotes {
		if q.Article.ID[:3] != "000" {
			continue
		}
		const want = "against his political opponent. This has gone"
		if got := q.Text(); !strings.Contains(got, want) {
			t.Errorf("Swell Digest's quote reads %q, want it to contain %q", got, want)
		}
	}
}
