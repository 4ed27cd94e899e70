package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
)

// Joints: how the parts of a quote split across paragraphs or around its
// attribution read when joined.
//
// An outlet that splits an utterance ends the first part with a comma
// inside its closing mark, the convention before an attribution:
// “…against his political opponent,” Sullivan said. / “This has gone…”.
// The scan trims that comma, and the parts joined by a space read as one
// run-on sentence (“…his political opponent This has gone…”). Joined, the
// comma stands for what the speaker said there: a full stop when the next
// part starts a sentence (a capital), else the comma itself (“We will
// win,” he said, “and soon.”).

// settleJoints brings the comma that ends each part but the last back
// into the part, and notes in q.FullStops those that read as a full stop
// because the next part starts with a capital. It may be called again on
// parts already settled: a part ending in its comma keeps it.
func settleJoints(q *Quote) {
	q.FullStops = nil
	if len(q.Parts) < 2 {
		return
	}
	raw := q.Article.Raw
	for k := range q.Parts[:len(q.Parts)-1] {
		p := &q.Parts[k]
		comma := -1
		switch {
		case p.End > p.Start && raw[p.End-1] == ',':
			comma = p.End - 1
		case p.End < len(raw) && raw[p.End] == ',':
			comma = p.End
			p.End++
		}
		if comma < 0 {
			continue
		}
		if startsSentence(raw[q.Parts[k+1].Start:q.Parts[k+1].End]) {
			q.FullStops = append(q.FullStops, comma)
		}
	}
	q.Span = corpus.Span{Start: q.Parts[0].Start, End: q.Parts[len(q.Parts)-1].End}
}

// startsSentence reports whether the first letter of b, past any bracket
// or mark ("[Trump] paused", "‘We…"), is a capital.
func startsSentence(b []byte) bool {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.IsUpper(r) || unicode.IsTitle(r)
		}
		b = b[n:]
	}
	return false
}

// TextIn returns the bytes of s in q's article as the quote reads them:
// a comma that ends a part before a new sentence reads as a full stop
// (see FullStops). Unsanitised: use termsafe for a terminal.
func (q Quote) TextIn(s corpus.Span) string {
	text := q.Article.Text(s)
	if len(q.FullStops) == 0 {
		return text
	}
	var sb strings.Builder
	from := s.Start
	for _, at := range q.FullStops {
		if at < s.Start || at >= s.End {
			continue
		}
		sb.WriteString(q.Article.Text(corpus.Span{Start: from, End: at}))
		sb.WriteByte('.')
		from = at + 1
	}
	if from == s.Start {
		return text
	}
	sb.WriteString(q.Article.Text(corpus.Span{Start: from, End: s.End}))
	return sb.String()
}

// readsAsFullStop reports whether the token at span s is a comma of q
// that reads as a full stop.
func (q Quote) readsAsFullStop(s corpus.Span) bool {
	for _, at := range q.FullStops {
		if at == s.Start && s.End == at+1 {
			return true
		}
	}
	return false
}
