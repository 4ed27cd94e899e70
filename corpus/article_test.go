package corpus

import (
	"fmt"
	"strings"
	"testing"
)

func TestSentenceAt(t *testing.T) {
	a := Parse("a", []byte("Title\n\nOne sentence here. Another one there.\n"))
	for _, tt := range []struct{ off, want int }{
		{0, 0}, {7, 1}, {24, 1}, {25, 2}, {27, 2}, {len(a.Raw) + 5, 2},
	} {
		if got := a.SentenceAt(tt.off); got != tt.want {
			t.Errorf("SentenceAt(%d) = %d, want %d", tt.off, got, tt.want)
		}
	}
	if got := Parse("e", nil).SentenceAt(3); got != -1 {
		t.Errorf("empty article: SentenceAt = %d, want -1", got)
	}
}

// TestProseWordsCountsEachProseParagraph checks ProseWords, which finds
// the paragraphs from one another, against each prose paragraph's words
// found alone, on articles of prose between headings, captions and
// boilerplate.
func TestProseWordsCountsEachProseParagraph(t *testing.T) {
	var long strings.Builder
	long.WriteString("A title of the story\n\n")
	for i := range 40 {
		fmt.Fprintf(&long, "Paragraph %d says one thing. It says “another” too, at length.\n\n", i)
		if i%7 == 0 {
			long.WriteString("Photo: Someone / Agency\n\nRelated\n\n")
		}
	}
	for _, text := range []string{"", "Title only", "Title\n\nOne, two. Three.", long.String()} {
		a := Parse("t", []byte(text))
		want, roles := 0, map[Role]bool{}
		for _, p := range a.Paragraphs {
			roles[p.Role] = true
			if p.Role == RoleProse {
				want += a.WordsIn(p.Span)
			}
		}
		if got := a.ProseWords(); got != want {
			t.Errorf("%q: ProseWords = %d, want %d", text[:min(len(text), 20)], got, want)
		}
		if text == long.String() && (len(roles) < 2 || want == 0) {
			t.Errorf("the long article has paragraphs of roles %v and %d prose words: it tests nothing", roles, want)
		}
	}
}
