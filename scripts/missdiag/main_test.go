package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/corpus/compare/gold"
)

// TestPrintWrong is a regression test: -wrong printed every paired block
// that touched a shared event's passage on one side and not the same
// event on the other, a block whose other side touches no marked passage
// too, so that it listed more blocks than goldscore.py counts as wrong
// pairings. It prints those gold.Wrong counts, and only those.
func TestPrintWrong(t *testing.T) {
	// Three sentences each; the left's first two and the right's first and
	// last are marked.
	left := "The mayor opened the bridge. Rain fell all day. A band played."
	right := "Rain fell on the opening. A band played. The mayor opened it."
	x := &gold.Article{A: &corpus.Article{ID: "left", Raw: []byte(left)}, Events: map[string]gold.Span{"p1": {Start: 0, End: 28}, "p2": {Start: 29, End: 47}}}
	y := &gold.Article{A: &corpus.Article{ID: "right", Raw: []byte(right)}, Events: map[string]gold.Span{"p2": {Start: 0, End: 25}, "p1": {Start: 41, End: 61}}}
	common := gold.CommonEvents(x, y)
	tests := []struct {
		name        string
		left, right corpus.Span
		wrong       bool
	}{
		{"one event on both sides", corpus.Span{Start: 0, End: 28}, corpus.Span{Start: 41, End: 62}, false},
		{"two events", corpus.Span{Start: 0, End: 28}, corpus.Span{Start: 0, End: 25}, true},
		{"right on no marked passage", corpus.Span{Start: 0, End: 28}, corpus.Span{Start: 26, End: 40}, false},
		{"left on no marked passage", corpus.Span{Start: 48, End: 62}, corpus.Span{Start: 0, End: 25}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blk := compare.Block{Kind: compare.Aligned, Left: tt.left, Right: tt.right}
			l, r, both := gold.PairedEvents(x, y, blk, map[string]bool{})
			var out bytes.Buffer
			got := printWrong(&out, x, y, blk, l, r, both, common)
			if got != tt.wrong || got != gold.Wrong(l, r, both, common) {
				t.Errorf("printWrong %v, want %v (gold.Wrong %v)", got, tt.wrong, gold.Wrong(l, r, both, common))
			}
			if printed := strings.HasPrefix(out.String(), "!! wrong left ~ right"); printed != tt.wrong {
				t.Errorf("printed %q", out.String())
			}
		})
	}
}
