package quote

import (
	"fmt"
	"slices"
	"testing"
)

// TestStrayMarksQuoteNoProse is a regression test: two marks that
// happened to pair quoted the prose between them. A mark with a stop, a
// comma or a possessive's "'s" after it was read as opening a quote
// (`answered " no ", whether she was jewish. When …`, a curly opening
// mark typed for a closing one before a full stop, `"shithead "'s
// request`).
func TestStrayMarksQuoteNoProse(t *testing.T) {
	tests := []struct {
		name string
		text string
		// want holds each quote as its text, and a "+" before it when it
		// is unclosed, and "|" and its speaker when it has one.
		want []string
	}{
		{
			name: "a comma after a spaced mark",
			text: `Ankour was taken off the plane after an air france employee asked whether she had an israeli passport and then, when she replied " no ", whether she was jewish. When the 30-year-old answered " no " again she was escorted from the flight. More »`,
			want: nil,
		},
		{
			name: "a curly opening mark before a full stop",
			text: "Snap has now closed that pop-up, and tells me “Snapbots will continue to land in surprising locations around the U.S. following a brief “nap” :) “. Buyers should expect to wait two to four weeks for their Spectacles to ship, and households are limited to 6 pairs.",
			want: []string{"+Snapbots will continue to land in surprising locations around the U.S. following a brief|Snap", "nap|Snap"},
		},
		{
			name: "a possessive after a mark",
			text: `The white house will be archiving twitter user "shithead "'s request that president obama and former president bill clinton all "slay him. " along with every one of these.`,
			want: []string{"shithead", "slay him."},
		},
		{
			name: "a closing mark before a full stop",
			text: `The group called the attack a "complete disaster ". It said it would go on.`,
			want: []string{"complete disaster|group"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range Extract(quoteArticle("a", "T\n\n"+tt.text+"\n")) {
				s := q.Text()
				if q.Unclosed {
					s = "+" + s
				}
				if q.Speaker != "" {
					s += "|" + q.Speaker
				}
				got = append(got, s)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("quotes\n%s\nwant\n%s", fmt.Sprintf("%q", got), fmt.Sprintf("%q", tt.want))
			}
		})
	}
}
