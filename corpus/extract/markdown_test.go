package extract_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/extract"
)

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		title string
		paras []string
	}{
		{"heading is the title", "# Trump urges *Russia*\n\nHe said it.\n",
			"Trump urges Russia", []string{"He said it."}},
		{"setext heading", "Title line\n==========\n\nBody.\n",
			"Title line", []string{"Body."}},
		{"no heading first", "Just text.\n\n## Later heading\n\nMore.\n",
			"", []string{"Just text.", "Later heading", "More."}},
		{"emphasis, links, code", "A **bold** and _light_ [link text](https://x.example \"t\") with `code()` and <https://auto.example>.\n",
			"", []string{"A bold and light link text with code() and https://auto.example."}},
		{"soft and hard breaks", "one\ntwo  \nthree\\\nfour\n",
			"", []string{"one two\nthree\nfour"}},
		{"lists: one paragraph per item", "- first item\n- second *item*\n\n1. one\n2. two\n",
			"", []string{"first item", "second item", "one", "two"}},
		{"loose list item with two paragraphs", "- para one\n\n  para two\n",
			"", []string{"para one", "para two"}},
		{"block quote", "> “I hope you’re able to find them,”\n> he said.\n",
			"", []string{"“I hope you’re able to find them,” he said."}},
		{"entities and escapes", "AT&amp;T &copy; &#8217; \\*not emphasis\\* 5 \\> 3\n",
			"", []string{"AT&T © ’ *not emphasis* 5 > 3"}},
		{"images and inline HTML dropped", "Before ![a photo](p.jpg) <span>after</span>.\n",
			"", []string{"Before after."}},
		{"HTML block keeps its text", "<div>\n<p>In a div.</p><script>x()</script>\n</div>\n\nAfter.\n",
			"", []string{"In a div.", "After."}},
		{"thematic break and code block", "Text.\n\n---\n\n    indented code\n\n```go\nfenced\n```\n",
			"", []string{"Text.", "indented code", "fenced"}},
		// GitHub's extensions, everyday Markdown: their markup was read
		// as text ("| a | b | |---|---| | 1 | 2 |", "Footnote[^1].").
		{"table: a row a paragraph", "Votes:\n\n| Party | Seats |\n|-------|------:|\n| *Labour* | 412 |\n| Conservative | |\n",
			"", []string{"Votes:", "Party; Seats", "Labour; 412", "Conservative"}},
		{"strikethrough keeps its words", "He ~~denied~~ admitted it.\n",
			"", []string{"He denied admitted it."}},
		{"footnote: the mark dropped, the note kept", "The figure rose[^1].\n\n[^1]: Official data.\n",
			"", []string{"The figure rose.", "Official data."}},
		{"table: an escaped pipe stays in its cell", "| Quote | Source |\n| --- | :-: |\n| a \\| b | AP |\n",
			"", []string{"Quote; Source", "a | b; AP"}},
		{"no table: the delimiter row has another width", "| a | b |\n|---|\n",
			"", []string{"| a | b | |---|"}},
		{"no table: text with a pipe over a setext rule", "one | two\n---\n",
			"one | two", nil},
		{"a bracket that is no footnote mark stays", "See [^ not a mark] and [^].\n",
			"", []string{"See [^ not a mark] and [^]."}},
		{"empty", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := extract.Markdown([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if p.Title != tt.title || !slices.Equal(p.Paragraphs, tt.paras) {
				t.Errorf("got title %q paragraphs %q\nwant %q %q", p.Title, p.Paragraphs, tt.title, tt.paras)
			}
		})
	}
}

func TestMarkdownTooLarge(t *testing.T) {
	if _, err := extract.Markdown([]byte(strings.Repeat("a", extract.MaxSize+1))); err != extract.ErrTooLarge {
		t.Errorf("got %v, want ErrTooLarge", err)
	}
}
