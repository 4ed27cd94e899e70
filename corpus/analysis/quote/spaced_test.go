package quote

import (
	"slices"
	"testing"
)

// TestSpacedStraightMarks pairs straight marks that tokenised text sets
// apart by spaces, as a reader pairs them: a mark opens before a space and a
// word, closes after a word and a space, and where one mark is odd the
// passage stays unquoted rather than the writer's prose being quoted.
func TestSpacedStraightMarks(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{
			name: "every mark spaced",
			text: "T\n\nThe cables say the leader's nurse is a \" hot blond \". The chancellor is called angela \" teflon \" merkel and the president is \" driven by paranoia \", the documents claim.\n",
			want: []string{"hot blond", "teflon", "driven by paranoia"},
		},
		{
			name: "opening mark set against its word, closing mark spaced",
			text: "T\n\nThe psychiatrist said that suicide was now an \"almost certain inevitability \". Details of the report emerged on thursday. His mother said the government \" should hang their heads in shame \" over the extradition.\n",
			want: []string{"almost certain inevitability", "should hang their heads in shame"},
		},
		{
			name: "a spaced closing mark after a stop",
			text: "T\n\nOfficials called him \" alpha male, \" while the president is \" afraid, hesitant. \" der spiegel also quoted the department.\n",
			want: []string{"alpha male", "afraid, hesitant."},
		},
		{
			name: "a quote going on in the next paragraph",
			text: "T\n\nShe recalled: \" my stepmom was in the room with me and she was holding my hand.\n\n\" it was the last time i talked to him, \" matrau-belt said.\n",
			want: []string{"my stepmom was in the room with me and she was holding my hand. it was the last time i talked to him"},
		},
		{
			name: "an odd mark leaves the passage after it unquoted",
			text: "T\n\nThe ship found what officials called a \"great lead \". The navy said \" the search goes on, with more ships on their way to the area.\n\nThe families wait.\n",
			want: []string{"great lead"},
		},
		{
			name: "a paragraph opening inside a quote quotes nothing",
			text: "T\n\ni just didn't know that it was them. \" her fiance had been driving to the hospital when he lost control of the car. \" losing two people at once is the most heartbreaking thing, \" matrau-belt said in an interview.\n",
			want: nil,
		},
		{
			name: "a mark before the attribution closes, in a paragraph opening and ending inside quotes",
			text: "T\n\nThat's scary, \" witness james pitelli said. The doctor who was shot died on tuesday. The hospital released a statement. \" dr. Davidson was a wonderful surgeon, \" the hospital said. \" it is truly devastating that his life was taken\n",
			want: []string{"dr. Davidson was a wonderful surgeon"},
		},
		{
			name: "a paragraph going on within the last one's quote",
			text: "T\n\nThe suspect told the court: \" they never asked me about the coffee. They asked about my friends.\n\nI was only told to give more details. \" the statements came amid suspicions about her role in the death. \" i suffer from\n",
			want: nil,
		},
		{
			// The quotes before the last one paired the other way
			// round from the end, as if the text had ended outside a
			// quote.
			name: "a paragraph cut short within a quote introduced so",
			text: "T\n\nMurray brings it up in his letter announcing his plan to contest lucas ' election writing \"... It is widely known rep. Frank d. Lucas is no longer alive and has been displayed by a look alike. \" oklahoma station kfor tried contacting murray numerous times. But his campaign website goes into detail about his theory that lucas was hanged \"... Executed by the world court on or about jan. 11, 2011... \" in ukraine. For the past 20 years, lucas has been in congress. Lucas said, \" he was the democratic nominee for congress two years ago. This time, he chose to run as\n",
			want: []string{"... It is widely known rep. Frank d. Lucas is no longer alive and has been displayed by a look alike.", "... Executed by the world court on or about jan. 11, 2011...", "he was the democratic nominee for congress two years ago. This time, he chose to run as"},
		},
		{
			// A cut text may end outside a quote as well: the mark
			// before the cut is taken to open one only after a colon
			// or "said,", and otherwise pairing back as if the text
			// ended outside a quote keeps the prose after an odd mark
			// unquoted.
			name: "a paragraph cut short after an odd mark",
			text: "T\n\nNewman resident beau woolcock said he watched on as the plane was towed away. \" on the way back through [ town ]... Here's a plane parked outside the purple pub, \" he said. \" even more special [ was ] seeing one of the local coppers poking his head in the door of the plane looking like he was asking for a licence. \" even though no-one was in the plane at the time, i was like, what the hell? \" police have charged the 37-year-old plane's owner with an act likely to endanger the life, health or safety of a person. He also had his plane impound\n",
			want: []string{"on the way back through [ town ]... Here's a plane parked outside the purple pub"},
		},
		{
			name: "the quote's own words may say said",
			text: "T\n\nThe boy's mother was there. \" we told him many times that we did not want to go, \" the girl said. \" i told him it will take two hours, \" he said.\n",
			want: []string{"we told him many times that we did not want to go", "i told him it will take two hours"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range Extract(quoteArticle("a", tt.text)) {
				got = append(got, q.Text())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("quotes %q, want %q", got, tt.want)
			}
		})
	}
}
