package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unsafe"
)

// TestShortSentencesMemory bounds the heap an article of two-word
// sentences keeps, the text model's most sentences for its size: the
// reader on two 5 MiB files of them must fit 256 MiB (issue 13, item 1).
// With a Sentence of 40 bytes (int offsets and indexes) such an article
// kept 12.9 bytes per byte of text; at 20 bytes it keeps 10.3.
func TestShortSentencesMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("parses 2 MiB")
	}
	if got := unsafe.Sizeof(Sentence{}); got > 20 {
		t.Errorf("a Sentence takes %d bytes, want at most 20", got)
	}
	const maxLivePerByte = 11.5
	text := twoWordSentences(2 << 20)
	if got := liveBytesPerByte(text); got > maxLivePerByte {
		t.Errorf("an article of %d bytes of two-word sentences keeps %.1f bytes live per byte of text, want at most %.1f", len(text), got, maxLivePerByte)
	} else {
		t.Logf("%.1f bytes live per byte of text", got)
	}
}

// TestSentenceFields checks that a sentence gives back the span, paragraph
// and tokens it was made of, up to the largest offset an article's
// tokens address.
func TestSentenceFields(t *testing.T) {
	for _, c := range []struct {
		span   Span
		para   int
		tokens Range
	}{
		{Span{0, 0}, 0, Range{0, 0}},
		{Span{7, 19}, 3, Range{2, 9}},
		{Span{maxTokenized - 1, maxTokenized}, maxTokenized - 1, Range{maxTokenized - 1, maxTokenized}},
	} {
		s := newSentence(c.span, c.para, c.tokens)
		if s.Span() != c.span || s.Para() != c.para || s.Tokens() != c.tokens {
			t.Errorf("newSentence(%v, %d, %v) gives back %v, %d, %v", c.span, c.para, c.tokens, s.Span(), s.Para(), s.Tokens())
		}
	}
	a := Parse("a", []byte("Title\n\nOne two. Three four.\n\nFive six."))
	var got []string
	for _, s := range a.Sentences {
		got = append(got, fmt.Sprintf("%q ¶%d %d", a.Text(s.Span()), s.Para(), a.Tokens.In(s.Tokens()).Len()))
	}
	want := []string{`"Title" ¶0 1`, `"One two." ¶1 4`, `"Three four." ¶1 4`, `"Five six." ¶2 4`}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("sentences %q, want %q", got, want)
	}
}

// twoWordSentences returns about n bytes of two-word sentences, five to a
// paragraph (see scripts/hostile.sh).
func twoWordSentences(n int) []byte {
	r := rand.New(rand.NewPCG(8, 8))
	var sb strings.Builder
	sb.WriteString("Short sentences\n\n")
	for s := 0; sb.Len() < n; s++ {
		fmt.Fprintf(&sb, "%c%c %c%c. ", 'A'+r.IntN(26), 'a'+r.IntN(26), 'a'+r.IntN(26), 'a'+r.IntN(26))
		if s%5 == 4 {
			sb.WriteString("\n\n")
		}
	}
	return []byte(sb.String())
}
