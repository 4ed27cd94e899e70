package compare

import (
	"context"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestCJKWordDiff checks that two Chinese sentences differing in one word
// are paired and diffed word by word: the change is the words that
// differ, not the whole run of text between punctuation marks.
func TestCJKWordDiff(t *testing.T) {
	a := corpus.Parse("a", []byte("特朗普要求俄罗斯寻找邮件\n\n特朗普周三在记者会上说，他希望俄罗斯能够找到那三万封失踪的邮件。"))
	b := corpus.Parse("b", []byte("特朗普要求俄罗斯寻找邮件\n\n特朗普周三在记者会上说，他希望俄罗斯可以找到那三万封失踪的邮件。"))
	c, err := Compare(context.Background(), a, b)
	if err != nil {
		t.Fatal(err)
	}
	var deleted, inserted string
	for _, blk := range c.Blocks {
		if blk.Kind == LeftOnly || blk.Kind == RightOnly {
			t.Errorf("%s block %q: the sentences were not paired", blk.Kind, a.Text(blk.Left)+b.Text(blk.Right))
		}
		for _, op := range blk.Ops {
			switch op.Kind {
			case OpDelete:
				deleted += a.Text(op.Left)
			case OpInsert:
				inserted += b.Text(op.Right)
			}
		}
	}
	if deleted != "能够" || inserted != "可以" {
		t.Errorf("deleted %q, inserted %q; want 能够 and 可以", deleted, inserted)
	}
}
