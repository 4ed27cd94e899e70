package ui

import (
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis/quote"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

// TestQuoteWordingSpacesAsTheDiffDoes: a wording whose outlet dropped a
// comma and wrote a word in its place is shown with the space the
// comparison pane puts between a deletion and the insertion after it.
// The quotes pane asked for that space only after a deleted word, so a
// deleted comma ran into the inserted word ("win[-,-]{+big+}"), where the
// comparison of the same words reads "win[-,-] {+big+}".
func TestQuoteWordingSpacesAsTheDiffDoes(t *testing.T) {
	common := corpus.Parse("common", []byte("We will win, folks"))
	other := corpus.Parse("other", []byte("We will winbig folks"))
	g := &quote.Group{
		Quotes: []quote.Quote{
			{Article: common, Parts: []corpus.Span{{Start: 0, End: 18}}},
			{Article: other, Parts: []corpus.Span{{Start: 0, End: 20}}},
		},
		Common: 0,
	}
	g.Ops = [][]compare.Op{nil, {
		{Kind: compare.OpEqual, Left: corpus.Span{Start: 0, End: 11}, Right: corpus.Span{Start: 0, End: 11}},
		{Kind: compare.OpDelete, Left: corpus.Span{Start: 11, End: 12}, Minor: true},
		{Kind: compare.OpInsert, Right: corpus.Span{Start: 11, End: 14}},
		{Kind: compare.OpEqual, Left: corpus.Span{Start: 12, End: 18}, Right: corpus.Span{Start: 14, End: 20}},
	}}
	p := &quotesPane{markers: true}
	var sb strings.Builder
	for _, f := range p.quoteFrags(g, 1) {
		sb.WriteString(f.text)
	}
	if got, want := sb.String(), "We will win[-,-] {+big+} folks"; got != want {
		t.Errorf("wording %q, want %q", got, want)
	}
}
