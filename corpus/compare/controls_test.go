package compare

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestControlsMakeNoChange is a regression test: a text file whose
// passages read the same as another's once its control characters,
// escape sequences, bidi controls, soft hyphens and zero-width characters
// are left out (as every view of it leaves them out) was compared with
// them, and each passage that held one was a change ("~" in the reader)
// of nothing to be seen.
func TestControlsMakeNoChange(t *testing.T) {
	plain := "Council repairs bridge\n\nThe council met on Monday to discuss the old bridge over the river.\n\nEngineers told members that the steel frame had rusted through.\n"
	for _, tt := range []struct{ name, text string }{
		{"an escape sequence", "Council repairs bridge\n\nThe council met on\x1b[31m Monday to discuss the old bridge over the river.\x1b[0m\n\nEngineers told members that the steel frame had rusted through.\n"},
		{"C0 controls", "Council repairs\x07 bridge\n\nThe council met on Monday to discuss the old bridge over the\x01 river.\n\nEngineers told members that the steel frame\x08 had rusted through.\n"},
		{"C1 controls", "Council repairs bridge\n\nThe council met on Monday\u0085 to discuss the old \u009b31mbridge over the river.\n\nEngineers told members that the steel frame had rusted through.\n"},
		{"bidi controls", "Council repairs bridge\n\nThe council met on \u202eMonday\u202c to discuss the old bridge over the river.\n\nEngineers told members\u200f that the steel frame had \u2066rusted\u2069 through.\n"},
		{"soft hyphens", "Council re\u00adpairs bridge\n\nThe coun\u00adcil met on Monday to dis\u00adcuss the old bridge over the river.\n\nEngi\u00adneers told members that the steel frame had rusted through.\u00ad\n"},
		{"zero-width characters", "Council re\u200bpairs bridge\n\nThe coun\u2060cil met on Monday to dis\ufeffcuss the old bridge\u200b over the river.\n\nEngi\u2062neers told members that the steel frame had rusted through.\n"},
	} {
		assertNoChange(t, tt.name, plain, tt.text)
	}
}

// TestComposedAccentsMakeNoChange is a regression test: "café" written
// with a combining accent (e, U+0301) in one outlet's text and as one
// character (U+00E9) in another's looks the same on screen, and was a
// changed word in the comparison of the two.
func TestComposedAccentsMakeNoChange(t *testing.T) {
	composed := "Café reopens\n\nThe café on the Rue de l\u2019Église reopened on Monday, its owner Zoë Müller said.\n\nThe ñandú mural was restored.\n"
	for _, tt := range []struct{ name, text string }{
		{"combining accents", "Cafe\u0301 reopens\n\nThe cafe\u0301 on the Rue de l\u2019E\u0301glise reopened on Monday, its owner Zoe\u0308 Mu\u0308ller said.\n\nThe n\u0303andu\u0301 mural was restored.\n"},
		{"composed already", composed},
	} {
		assertNoChange(t, tt.name, composed, tt.text)
	}
}

// assertNoChange loads plain and text as two articles of one story and
// fails unless text reads as plain once loaded, and the two compare with
// every passage aligned and every word equal.
func assertNoChange(t *testing.T, name, plain, text string) {
	t.Helper()
	c, _, err := corpus.LoadFS(fstest.MapFS{"a.txt": {Data: []byte(plain)}, "b.txt": {Data: []byte(text)}}, "s")
	if err != nil {
		t.Fatal(err)
	}
	as := c.Articles()
	if len(as) != 2 {
		t.Fatalf("%s: %d articles", name, len(as))
	}
	if string(as[1].Raw) != plain {
		t.Errorf("%s: the text is not read as %q: %q", name, plain, as[1].Raw)
	}
	cmp, err := Compare(context.Background(), as[0], as[1])
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range cmp.Blocks {
		if b.Kind != Aligned {
			t.Errorf("%s: a %s block", name, b.Kind)
		}
		for _, op := range b.Ops {
			if op.Kind != OpEqual {
				t.Errorf("%s: %v %q against %q", name, op.Kind, as[0].Text(op.Left), as[1].Text(op.Right))
			}
		}
	}
}
