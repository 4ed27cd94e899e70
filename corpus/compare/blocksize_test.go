package compare

import (
	"context"
	"testing"
	"unsafe"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestBlockSize keeps a block and an op small: the bounded comparison of
// two 5 MiB files of two-word sentences has 283,000 blocks, each with an
// op, and the reader holds them with the two articles and their layout in
// 256 MiB (issue 13, item 1). With int kinds and indexes a block took 144
// bytes and an op 48.
func TestBlockSize(t *testing.T) {
	if got := unsafe.Sizeof(Block{}); got > 120 {
		t.Errorf("a Block takes %d bytes, want at most 120", got)
	}
	if got := unsafe.Sizeof(Op{}); got > 40 {
		t.Errorf("an Op takes %d bytes, want at most 40", got)
	}
}

// TestOneSidedOpsStandAlone checks that the ops of one-sided blocks,
// which share a slab, stay each block's own: appending to one block's
// ops leaves its neighbour's as they were.
func TestOneSidedOpsStandAlone(t *testing.T) {
	a := corpus.Parse("a", []byte("Title\n\nThe bridge closed on Monday.\n\nRain fell all week.\n\nThe mayor spoke."))
	b := corpus.Parse("b", []byte("Title\n\nA school opened in May.\n\nPrices rose again.\n\nThe team won."))
	c, err := Compare(context.Background(), a, b)
	if err != nil {
		t.Fatal(err)
	}
	var one []int
	for i, blk := range c.Blocks {
		if blk.Kind == LeftOnly || blk.Kind == RightOnly {
			one = append(one, i)
			if len(blk.Ops) != 1 || cap(blk.Ops) != 1 {
				t.Fatalf("block %d (%v): %d ops, capacity %d; want one, full", i, blk.Kind, len(blk.Ops), cap(blk.Ops))
			}
		}
	}
	if len(one) < 2 {
		t.Fatalf("%d one-sided blocks, want several", len(one))
	}
	first, second := &c.Blocks[one[0]], c.Blocks[one[1]].Ops[0]
	first.Ops = append(first.Ops, Op{Kind: OpEqual})
	if got := c.Blocks[one[1]].Ops[0]; got != second {
		t.Errorf("appending to block %d's ops changed block %d's: %+v, was %+v", one[0], one[1], got, second)
	}
}
