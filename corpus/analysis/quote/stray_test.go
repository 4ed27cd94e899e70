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
// request`); and a mark left open within the writer's sentence carried
// the sentences after it, and the next paragraph's quote with its
// attribution, as one quote running over two paragraphs. A quote opened
// within a sentence that runs to its paragraph's end goes on over the
// next paragraph as before; in a cased text, one left open within a
// sentence the paragraph goes on after ran on over the writer's
// sentences to the paragraph's end, where a lower-cased text, which
// writes its quotes' sentences so too, still does. A guillemet standing apart as a link's arrow
// ("More »") made a paragraph of spaced marks be paired by each mark's
// neighbours, which read none of its " no " as a quote.
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
			text: `Ankour was taken off the plane after an air france employee asked whether she had an israeli passport and then, when she replied " no ", whether she was jewish. When the 30-year-old answered “no” again she was escorted from the flight.`,
			want: []string{"no"},
		},
		{
			name: "spaced marks in a paragraph ending in a link's arrow",
			text: `Ankour was taken off the plane after an air france employee asked whether she had an israeli passport and then, when she replied " no ", whether she was jewish. When the 30-year-old answered " no " again she was escorted from the flight. More »`,
			want: []string{"no|she", "no|she"},
		},
		{
			name: "a curly opening mark before a full stop",
			text: "Snap has now closed that pop-up, and tells me “Snapbots will continue to land in surprising locations around the U.S. following a brief “nap” :) “. Buyers should expect to wait two to four weeks for their Spectacles to ship, and households are limited to 6 pairs.",
			want: []string{"Snapbots will continue to land in surprising locations around the U.S. following a brief “nap” :)|Snap"},
		},
		{
			name: "a possessive after a mark",
			text: `The white house will be archiving twitter user "shithead "'s request that president obama and former president bill clinton all "slay him. " along with every one of these.`,
			want: []string{"shithead", "slay him."},
		},
		{
			name: "a mark left open within a sentence before a continued quote",
			text: `Bloomberg, who said he'll "probably not endorse a candidate in the 2012 election, also weighed in on the GOP presidential nominating contest, saying that he's troubled by some anti-science positions in the Republican field. But Bloomberg did praise Perry for his 2007 executive order and said Romney's health care plan for Massachusetts worked.` + "\n\n" +
				`"To accuse Perry of doing something wrong with the vaccine when he probably did what's right" is not right, Bloomberg said.`,
			want: []string{
				"+probably not endorse a candidate in the 2012 election, also weighed in on the GOP presidential nominating contest, saying that he's troubled by some anti-science positions in the Republican field.|Bloomberg",
				"To accuse Perry of doing something wrong with the vaccine when he probably did what's right|Bloomberg",
			},
		},
		{
			name: "a mark left open within a sentence of a paragraph that goes on",
			text: `Under state law, Cosby was declared a "sexually violent predator' just before his sentencing, which requires him to get monthly counseling for life. The prison at Laurel Highlands opened in 1996 on the site of a former state hospital. At last count it held nearly 1,600 inmates.`,
			want: []string{"+sexually violent predator' just before his sentencing, which requires him to get monthly counseling for life."},
		},
		{
			name: "a mark left open within a sentence of a lower-cased text",
			text: `The crowd cheered. trump added that "this is the last big speech i ' m making in new york. We're going to win at every element of what we`,
			want: []string{"+this is the last big speech i ' m making in new york. We're going to win at every element of what we|trump"},
		},
		{
			name: "a quote opened within a sentence running to its paragraph's end",
			text: `House Minority Leader Nancy Pelosi disagreed, tweeting that the memos "are further proof of [Trump's] contempt for the rule of law.` + "\n\n" +
				`"His attempts to intimidate, circumvent the law & undermine integrity of law enforcement investigations demand immediate action," she said.`,
			want: []string{"are further proof of [Trump's] contempt for the rule of law. His attempts to intimidate, circumvent the law & undermine integrity of law enforcement investigations demand immediate action|Nancy Pelosi"},
		},
		{
			name: "a name that opens with an apostrophe and s",
			text: `She wrote: "'s-Hertogenbosch was where we met and where we stayed for ten years."`,
			want: []string{"'s-Hertogenbosch was where we met and where we stayed for ten years.|she"},
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
