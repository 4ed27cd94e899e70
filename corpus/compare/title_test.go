package compare

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestTitlesPairByScoring is issue 9's fifth defect: the titles were
// always paired, even sharing no word, and a lead that restates the other
// article's headline was never paired with it. The title is now a passage
// that pairs, by the same scoring, with the other title or with a lead.
func TestTitlesPairByScoring(t *testing.T) {
	body := "\n\nThe council will vote on the new budget next week, a spokesman said.\n\nLibrary hours are to be cut by a third under the plan.\n"
	for _, tc := range []struct {
		name        string
		left, right string
		// want is the right sentence paired with the left title, -1 for
		// none.
		want int
	}{
		{
			name:  "titles sharing no word",
			left:  "Storm closes schools" + body,
			right: "Markets rally on hopes" + body,
			want:  -1,
		},
		{
			name: "a lead restating the other headline",
			left: "Mayor orders evacuation of harbour district after overnight flooding" + body,
			right: "Weekend roundup\n\nThe mayor ordered an evacuation of the harbour district on Friday after overnight flooding, officials said." +
				body,
			want: 1,
		},
		{
			name:  "the same headline reworded",
			left:  "Mayor orders evacuation of harbour district after overnight flooding" + body,
			right: "Harbour district evacuated on mayor's orders after flooding overnight" + body,
			want:  0,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b, c := compareTexts(t, tc.left, tc.right)
			got := -1
			for _, blk := range c.Blocks {
				if (blk.Kind == Aligned || blk.Kind == Moved) && blk.LeftSentences.Start == 0 {
					got = blk.RightSentences.Start
					if blk.Role != corpus.RoleTitle {
						t.Errorf("block pairing the left title has role %v, want title", blk.Role)
					}
				}
			}
			if got != tc.want {
				t.Errorf("left title paired with right sentence %d, want %d", got, tc.want)
				for _, blk := range c.Blocks {
					t.Logf("%v %v~%v %q | %q", blk.Kind, blk.LeftSentences, blk.RightSentences, a.Text(blk.Left), b.Text(blk.Right))
				}
			}
		})
	}
}
