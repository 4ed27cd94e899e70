package quote

import (
	"slices"
	"testing"
)

// TestMarkBeforeEllipsis is a regression test: in text with spaced marks, a
// mark set against an ellipsis (`"...`) was taken for one set against a
// word, which opens a quote for sure, so the quote it closed ran on into
// the prose after it (`" deep fault lines "... ( associated press )
// president barack obama addresses …`) and flipped every pair after it.
// After a word it may close, and it opens only where a word follows the
// ellipsis; after a stop or a comma it opens as before.
func TestMarkBeforeEllipsis(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{
			name: "a cut credit after the mark",
			text: "The president warned that the forces of globalization have exposed \" deep fault lines \"... ( associated press ) president barack obama addresses the 71st session of the united nations general assembly, tuesday, sept. 20, 2016. The president warned that the forces of globalization have exposed \" deep fault lines \" across the globe, calling for a \"",
			want: []string{"deep fault lines"},
		},
		{
			name: "a word after the ellipsis, the paragraph cut",
			text: "The singer previously told lucky magazine there's a reason she keeps her belly button hidden. \" when you start showing your belly button then you're really committing to the midriff thing. I only partially commit to the midriff thing, \" swift said. Besides dropping her fear of commitment to the midriff, the singer also got in some \" hiking with the squad \"... Got her",
			want: []string{"when you start showing your belly button then you're really committing to the midriff thing. I only partially commit to the midriff thing", "hiking with the squad"},
		},
		{
			name: "the pairs after it stay the right way round",
			text: "At least according to the church.a rep for the church tells tmz, \" we are saddened that mr. Tebow felt pressure to back out of his long-planned commitment. \" rev. Jeffress has been quoted as saying, \" 70 percent of the gay population \" has aids -- and has described judaism, islam and mormonism as religions from the \" pit of hell. \" according to the church, tebow called dr. Jeffress wednesday evening to say that for \" personal and professional reasons he needed to avoid controversy \"... And would be canceling the appearance which was scheduled for april 28.the church says tebow told rev. Jeffress he'd still like to come speak at first baptist dallas sometime in the future -- and adds, \" dr. Jeffress shares a message of hope, not hate. \"",
			want: []string{"we are saddened that mr. Tebow felt pressure to back out of his long-planned commitment.", "70 percent of the gay population", "pit of hell.", "personal and professional reasons he needed to avoid controversy", "dr. Jeffress shares a message of hope, not hate."},
		},
		{
			name: "after a comma the mark opens",
			text: "She went on to write, \" thank you for not judging. Sincerely, kristin. \" in another letter dated july 14, 1999, she wrote, \"... You felt like everyone hates you. Words could never tell you how sorry i am that you feel like anyone hates you. It completely",
			want: []string{"thank you for not judging. Sincerely, kristin.", "... You felt like everyone hates you. Words could never tell you how sorry i am that you feel like anyone hates you. It completely"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range Extract(quoteArticle("a", "T\n\n"+tt.text+"\n")) {
				got = append(got, q.Text())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("quotes %q, want %q", got, tt.want)
			}
		})
	}
}
