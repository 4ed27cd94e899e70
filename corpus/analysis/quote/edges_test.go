package quote

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestAttributionAtTheEdges runs attribution on texts cut where a rule
// reads on past the words it starts from: a list's "and", "according to",
// a party-and-state tag, a relative clause, "with", "one of the", an
// organisation's noun, a document opening a sentence, each at the start
// or the end of a text. Each must extract its quotes whole, without
// reading outside the text.
func TestAttributionAtTheEdges(t *testing.T) {
	for _, txt := range []string{
		"and Nunes said “we like the memos very much indeed.”",
		"Title\n\nand Nunes said “we like the memos very much indeed.”",
		"“We like the memos very much indeed,” they said, according to",
		"The bridge closed, according to\n\n“We like the memos very much indeed,” they said.",
		"The bridge closed, according to a report by\n\n“We like the memos very much indeed,” they said.",
		", R-Va., said “we like the memos very much indeed.”",
		"R-Va., said “we like the memos very much indeed.”",
		"; and Nunes, R-Calif., said “we like the memos very much indeed.”",
		"who declined to be named\n\n“We like the memos very much indeed,” he said.",
		"with Ortiz\n\n“We like the memos very much indeed,” she said.",
		", who they said “we like the memos very much indeed.”",
		"one of the\n\n“We like the memos very much indeed,” another said.",
		"the agency said “we like the memos very much indeed.”",
		"An announcement\n\nIt said “we like the memos very much indeed.”",
	} {
		a := corpus.Parse("a", []byte(txt))
		if err := checkQuotes(a, Extract(a)); err != nil {
			t.Error(err)
		}
	}
}
