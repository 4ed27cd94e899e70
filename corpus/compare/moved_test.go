package compare

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestMovedRunInsidePair is issue 9's sixth defect: a fragment the two
// outlets put in different places of one sentence showed as a deletion
// and an insertion of the same words. Both halves are now flagged Moved,
// and only they.
func TestMovedRunInsidePair(t *testing.T) {
	for _, tc := range []struct{ left, right, moved string }{
		{
			"Flood on the coast\n\nThe mayor of the coastal town ordered an evacuation on Friday after heavy rain flooded the harbour district overnight.",
			"Flooding hits the coast\n\nAfter heavy rain flooded the harbour district overnight, the mayor of the coastal town ordered an evacuation on Friday.",
			"heavy rain flooded the harbour district overnight",
		},
		{
			"Court ruling\n\nA 34-year-old man from Ohio was charged on Tuesday with wire fraud, prosecutors said in a statement.",
			"Court ruling\n\nProsecutors said in a statement that a 34-year-old man from Ohio was charged on Tuesday with wire fraud.",
			"said in a statement",
		},
	} {
		a, b, c := compareTexts(t, tc.left, tc.right)
		var delMoved, insMoved []string
		paired := false
		for _, blk := range c.Blocks {
			if blk.Role != corpus.RoleProse || blk.Kind == LeftOnly || blk.Kind == RightOnly {
				continue
			}
			paired = true
			for _, op := range blk.Ops {
				switch {
				case op.Moved && op.Kind == OpDelete:
					delMoved = append(delMoved, a.Text(op.Left))
				case op.Moved && op.Kind == OpInsert:
					insMoved = append(insMoved, b.Text(op.Right))
				case op.Moved:
					t.Errorf("equal op flagged moved: %q", a.Text(op.Left))
				}
			}
		}
		if !paired {
			t.Fatalf("%q and %q: no paired prose block", tc.left, tc.right)
		}
		if !containsFold(delMoved, tc.moved) || !containsFold(insMoved, tc.moved) {
			t.Errorf("moved runs: deleted %q, inserted %q; want both holding %q", delMoved, insMoved, tc.moved)
		}
		for _, s := range append(delMoved, insMoved...) {
			if !strings.Contains(strings.ToLower(tc.moved), strings.ToLower(s)) && !strings.Contains(strings.ToLower(s), strings.ToLower(tc.moved)) {
				t.Errorf("run %q flagged moved, want only %q", s, tc.moved)
			}
		}
	}
}

func containsFold(ss []string, want string) bool {
	for _, s := range ss {
		if strings.Contains(strings.ToLower(s), strings.ToLower(want)) {
			return true
		}
	}
	return false
}

// TestMovedRunsKeepCover checks that splitting ops at moved runs keeps
// the diff's promise: equal and delete ops cover the left side in order,
// equal and insert ops the right.
func TestMovedRunsKeepCover(t *testing.T) {
	a := corpus.Parse("l", []byte("T\n\nOne two three four five six seven eight nine ten eleven twelve."))
	b := corpus.Parse("r", []byte("T\n\nSeven eight nine ten one two three four five six eleven twelve."))
	ops := NewDiffer().Diff(a, corpus.Range{Start: 0, End: a.Tokens.Len()}, b, corpus.Range{Start: 0, End: b.Tokens.Len()})
	moved := markMovedRuns(a, b, ops)
	n := 0
	var lt, rt strings.Builder
	for _, op := range moved {
		if op.Moved {
			n++
		}
		if op.Kind != OpInsert {
			lt.WriteString(a.Text(op.Left))
		}
		if op.Kind != OpDelete {
			rt.WriteString(b.Text(op.Right))
		}
	}
	if n < 2 {
		t.Errorf("no moved run flagged in %v", moved)
	}
	if lt.String() != a.Text(corpus.Span{Start: 0, End: len(a.Raw)}) && lt.String() != strings.TrimSpace(a.Text(corpus.Span{Start: 0, End: len(a.Raw)})) {
		t.Errorf("left cover %q", lt.String())
	}
	if rt.String() != b.Text(corpus.Span{Start: 0, End: len(b.Raw)}) && rt.String() != strings.TrimSpace(b.Text(corpus.Span{Start: 0, End: len(b.Raw)})) {
		t.Errorf("right cover %q", rt.String())
	}
}

// TestMoverKeepsNoBlockState marks moved runs in the diffs of many
// passages of two seed articles with one mover, as a comparison does
// block after block, and checks each against a fresh mover's: what the
// mover keeps from one block to the next must not change the next's.
func TestMoverKeepsNoBlockState(t *testing.T) {
	seeds := testcorpus.Seeds(t)
	a, b := seeds[3], seeds[4]
	d := NewDiffer()
	var mv mover
	moved := 0
	for _, pa := range a.Paragraphs {
		for _, pb := range b.Paragraphs {
			lt := corpus.Range{Start: a.Sentences[pa.Sentences.Start].Tokens().Start, End: a.Sentences[pa.Sentences.End-1].Tokens().End}
			rt := corpus.Range{Start: b.Sentences[pb.Sentences.Start].Tokens().Start, End: b.Sentences[pb.Sentences.End-1].Tokens().End}
			ops := d.Diff(a, lt, b, rt)
			want := markMovedRuns(a, b, ops)
			got := mv.mark(a, b, ops)
			if !slices.Equal(got, want) {
				t.Fatalf("paragraphs at %d and %d: a kept mover gives\n%v\na fresh one\n%v", pa.Start, pb.Start, got, want)
			}
			for _, op := range got {
				if op.Moved {
					moved++
				}
			}
		}
	}
	if moved == 0 {
		t.Fatal("no moved run in the paragraphs: the test tests nothing")
	}
}
