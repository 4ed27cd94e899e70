package compare

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestControlsMakeNoChange is a regression test: a text file whose
// passages read the same as another's once its control characters,
// escape sequences, bidi controls and soft hyphens are left out (as every
// view of it leaves them out) was compared with them, and each passage
// that held one was a change ("~" in the reader) of nothing to be seen.
func TestControlsMakeNoChange(t *testing.T) {
	plain := "Council repairs bridge\n\nThe council met on Monday to discuss the old bridge over the river.\n\nEngineers told members that the steel frame had rusted through.\n"
	for _, tt := range []struct{ name, text string }{
		{"an escape sequence", "Council repairs bridge\n\nThe council met on\x1b[31m Monday to discuss the old bridge over the river.\x1b[0m\n\nEngineers told members that the steel frame had rusted through.\n"},
		{"C0 controls", "Council repairs\x07 bridge\n\nThe council met on Monday to discuss the old bridge over the\x01 river.\n\nEngineers told members that the steel frame\x08 had rusted through.\n"},
		{"C1 controls", "Council repairs bridge\n\nThe council met on Monday\u0085 to discuss the old \u009b31mbridge over the river.\n\nEngineers told members that the steel frame had rusted through.\n"},
		{"bidi controls", "Council repairs bridge\n\nThe council met on \u202eMonday\u202c to discuss the old bridge over the river.\n\nEngineers told members\u200f that the steel frame had \u2066rusted\u2069 through.\n"},
		{"soft hyphens", "Council re\u00adpairs bridge\n\nThe coun\u00adcil met on Monday to dis\u00adcuss the old bridge over the river.\n\nEngi\u00adneers told members that the steel frame had rusted through.\u00ad\n"},
	} {
		c, _, err := corpus.LoadFS(fstest.MapFS{"a.txt": {Data: []byte(plain)}, "b.txt": {Data: []byte(tt.text)}}, "s")
		if err != nil {
			t.Fatal(err)
		}
		as := c.Articles()
		if len(as) != 2 {
			t.Fatalf("%s: %d articles", tt.name, len(as))
		}
		if string(as[1].Raw) != plain {
			t.Errorf("%s: the text keeps its controls: %q", tt.name, as[1].Raw)
		}
		cmp, err := Compare(context.Background(), as[0], as[1])
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range cmp.Blocks {
			if b.Kind != Aligned {
				t.Errorf("%s: a %s block", tt.name, b.Kind)
			}
			for _, op := range b.Ops {
				if op.Kind != OpEqual {
					t.Errorf("%s: %v %q against %q", tt.name, op.Kind, as[0].Text(op.Left), as[1].Text(op.Right))
				}
			}
		}
	}
}
