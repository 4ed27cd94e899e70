package quote

import (
	"slices"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestLoneLabelOfASpeaker is a regression test: a label of one word
// ("Cohen: "…"") named its speaker only when the article wrote the word
// elsewhere with a given name or a title, which keeps page furniture
// ("Update:", "Photo:") out. A word the article attributes a quote to
// before the label, or one another report of the story writes as a
// person's surname, is a speaker's surname too; furniture still names no
// one, nor does a word the other report writes only alone, nor one
// within a line, before its colon, that may be whom the line is about.
func TestLoneLabelOfASpeaker(t *testing.T) {
	const transcript = "Title\n\nThe interview turned sharp.\n\nKeilar: \"You say it is not a shake-up, but you guys are down.\"\n\nCohen: \"Says who? Says who? Which polls?\"\n"
	tests := []struct {
		name, text, other string
		want              []string
	}{
		{"surnames another report writes", transcript,
			"Title\n\nCNN's Brianna Keilar interviewed Trump lawyer Michael Cohen on Tuesday.\n",
			[]string{"Keilar", "Cohen"}},
		{"no other report", transcript, "", []string{"", ""}},
		{"lone words in the other report too", transcript,
			"Title\n\nKeilar pressed the point on Tuesday, and Cohen would not give way.\n",
			[]string{"", ""}},
		{"a speaker the article quotes before",
			"Title\n\n\"We are not worried about the polls at all,\" Cohen said on Tuesday.\n\nCohen: \"Says who? Says who? Which polls?\"\n", "",
			[]string{"Cohen", "Cohen"}},
		{"the same in capitals",
			"Title\n\n\"We are not worried about the polls at all,\" Cohen said on Tuesday.\n\nCOHEN: \"Says who? Says who? Which polls?\"\n", "",
			[]string{"Cohen", "Cohen"}},
		{"whom a line is about",
			"Title\n\n\"We are not worried about the polls at all,\" Cohen said on Tuesday.\n\nThe anchor on Cohen: \"He would not say which polls he meant.\"\n", "",
			[]string{"Cohen", ""}},
		{"furniture", "Title\n\nUpdate: \"It must be a slow news day for this video to get attention.\"\n",
			"Title\n\nThe anchor Jane Smith spoke on Tuesday.\n",
			[]string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := []*corpus.Article{quoteArticle("a", tt.text)}
			if tt.other != "" {
				arts = append(arts, quoteArticle("b", tt.other))
			}
			groups, _ := GroupAll(arts)
			var got []string
			for _, g := range groups {
				for _, q := range g.Quotes {
					if q.Article == arts[0] {
						got = append(got, q.Speaker)
					}
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("speakers %q, want %q", got, tt.want)
			}
		})
	}
}
