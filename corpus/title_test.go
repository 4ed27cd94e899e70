package corpus_test

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestFirstParagraphTitleOrLead checks which first paragraphs are titles:
// with no title in the metadata the first line always is (see isTitle),
// but under front matter that gives the headline, a first line that ends
// as a sentence does and is not that headline is the lead: prose, split
// into sentences and compared as a sentence.
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
		{"lead sentence as the first line, no metadata", "a.txt",
			`SCHERTZ, Texas - The Bexar County Sheriff says it appears a deadly deputy-involved shooting that claimed the lives of a suspect and a 6-year-old boy was a "tragic accident."` + body, true, 1},
		{"lead under a front matter headline", "a.txt",
			"---\ntitle: Police clear the streets\n---\nThe LAPD early Monday declared an unlawful assembly on the streets around City Hall. Police ordered the protesters to disperse or face arrest." + body, false, 2},
		{"front matter headline, body from the lead", "a.md",
			"---\ntitle: Storm hits coast\n---\nA storm hit the coast on Tuesday, officials said." + body, false, 1},
		{"front matter headline repeated in the body", "a.md",
			"---\ntitle: Storm hits coast.\n---\n# Storm Hits Coast.\n\nA storm hit the coast on Tuesday, officials said." + body, true, 1},
		{"front matter headline, body starts with another headline", "a.txt",
			"---\ntitle: Storm hits coast\n---\nStorm batters the coast" + body, true, 1},
		{"lead ending on an ellipsis under a front matter headline", "a.txt",
			"---\ntitle: Storm hits coast\n---\nThe storm hit the coast on Tuesday and then…" + body, false, 1},
		{"lead ending on three points under a front matter headline", "a.txt",
			"---\ntitle: Storm hits coast\n---\nThe storm hit the coast on Tuesday and then..." + body, false, 1},
		{"front matter headline ending on an ellipsis repeated in the body", "a.txt",
			"---\ntitle: \"Storm hits coast, and then…\"\n---\nStorm hits coast, and then…" + body, true, 1},
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

// TestOneParagraphIsTheBody is a regression test: a file of one line was
// read as a title alone, an article with no body: no prose word, so its
// quotes were not looked for and its passages not listed. The only
// paragraph of an article is its body, whatever it reads as, and the
// list still shows its first line for a title.
func TestOneParagraphIsTheBody(t *testing.T) {
	for _, tc := range []struct{ name, file, text, title string }{
		{"one line", "a.txt", "The mayor said \"we will rebuild the bridge\" on Monday.\n",
			`The mayor said "we will rebuild the bridge" on Monday.`},
		{"one line, no full stop", "a.txt", "Storm hits coast", "Storm hits coast"},
		{"one paragraph over two lines", "a.txt", "The storm hit the coast on Tuesday,\nofficials said.\n",
			"The storm hit the coast on Tuesday,"},
		{"one line under a front matter title", "a.md", "---\ntitle: Storm hits coast\n---\nStorm hits coast\n", "Storm hits coast"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := only(t, files(tc.file, tc.text))
			if len(a.Paragraphs) != 1 || a.Paragraphs[0].Role != corpus.RoleProse {
				t.Fatalf("paragraphs %+v, want one of prose", a.Paragraphs)
			}
			if a.ProseWords() != a.Words || a.Words == 0 {
				t.Errorf("%d prose words of %d, want all", a.ProseWords(), a.Words)
			}
			if a.Title != tc.title {
				t.Errorf("title %q, want %q", a.Title, tc.title)
			}
		})
	}
}
