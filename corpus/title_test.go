package corpus_test

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestFirstParagraphTitleOrLead checks which first paragraphs are titles:
// a headline is, however it ends, but an article that starts on its lead
// sentence (27 of the development stories' 69 articles do; a Markdown
// file whose front matter holds the headline) has no title paragraph, and
// its lead is prose, split into sentences and compared as a sentence.
func TestFirstParagraphTitleOrLead(t *testing.T) {
	const body = "\n\nThousands were left without power. Schools closed.\n"
	tests := []struct {
		name, file, text string
		title            bool
		sentences        int // in the first paragraph
	}{
		{"headline", "a.txt", "Storm hits coast" + body, true, 1},
		{"headline ending on a full stop", "a.txt", "Gay Marriages Get Recognition From the I.R.S." + body, true, 1},
		{"question", "a.txt", "Will the storm reach the coast before Friday?" + body, true, 1},
		{"lead sentence as the first line", "a.txt",
			`SCHERTZ, Texas - The Bexar County Sheriff says it appears a deadly deputy-involved shooting that claimed the lives of a suspect and a 6-year-old boy was a "tragic accident."` + body, false, 1},
		{"lead of two sentences", "a.txt",
			"The LAPD early Monday declared an unlawful assembly on the streets around City Hall. Police ordered the protesters to disperse or face arrest." + body, false, 2},
		{"front matter headline, body from the lead", "a.md",
			"---\ntitle: Storm hits coast\n---\nA storm hit the coast on Tuesday, officials said." + body, false, 1},
		{"front matter headline repeated in the body", "a.md",
			"---\ntitle: Storm hits coast.\n---\n# Storm Hits Coast.\n\nA storm hit the coast on Tuesday, officials said." + body, true, 1},
		{"front matter headline, body starts with another headline", "a.txt",
			"---\ntitle: Storm hits coast\n---\nStorm batters the coast" + body, true, 1},
		{"a saved page's text: its headline in front matter and body", "a.txt",
			"---\ntitle: \"Storm hits coast, officials say.\"\noutlet: Alpha\n---\nStorm hits coast, officials say.\n\nA storm hit the coast on Tuesday." + body, true, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := only(t, files(tc.file, tc.text))
			first := a.Paragraphs[0]
			if got := first.Role == corpus.RoleTitle; got != tc.title {
				t.Errorf("first paragraph %q: title = %v, want %v (role %v)", a.Text(first.Span), got, tc.title, first.Role)
			}
			if got := first.Sentences.Len(); got != tc.sentences {
				t.Errorf("first paragraph %q: %d sentences, want %d", a.Text(first.Span), got, tc.sentences)
			}
		})
	}
}
