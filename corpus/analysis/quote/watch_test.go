package quote

import (
	"slices"
	"testing"
)

// TestWatchLineIsFurniture checks where a quote under a "WATCH:" or
// "Video:" label stands. A short line so labelled is page furniture, a
// video's teaser or a programme's title (`WATCH: "48 Hours:" Cold as
// Ice`), and gives no quote: the words it quotes are the story's own
// quote, which the prose gives with its attribution. A paragraph that
// opens with such a label and runs on into the story, as text that lost
// its line breaks writes it, is prose, and its quotes are found.
func TestWatchLineIsFurniture(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"a programme's title", `WATCH: "48 Hours:" Cold as Ice`, nil},
		{"a teaser quoting the story", `WATCH: Sheriff Salazar says "we will find whoever did this"`, nil},
		{"a label run into the story",
			`Video: watch paul van osdol's report one of the patients had lichtheimia and died in october 2014, said upmc chief quality officer tami minnier. "Although the role that the mold may have played in their deaths is unclear, we took every step to protect patients," she said.`,
			[]string{"Although the role that the mold may have played in their deaths is unclear, we took every step to protect patients"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range Extract(quoteArticle("a", "T\n\nThe sheriff spoke on Friday.\n\n"+tt.text+"\n\nThe inquiry goes on.\n")) {
				got = append(got, q.Text())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("quotes %q, want %q", got, tt.want)
			}
		})
	}
}
