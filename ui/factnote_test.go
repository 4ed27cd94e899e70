package ui

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
)

// TestFactNoteNamesOneValueOnce is a regression test: outlets giving
// one value in another case ("Three", "three") were listed as two
// values, "≠ a: Three · b: three", beside the outlet giving "Four".
func TestFactNoteNamesOneValueOnce(t *testing.T) {
	var ms []analysis.Mention
	for _, v := range []struct{ outlet, value string }{{"a", "Three"}, {"b", "three"}, {"c", "Four"}, {"d", "four"}, {"e", "5"}} {
		a := corpus.Parse(v.outlet, []byte("T\n\n"+v.value+" people were killed.\n"))
		a.Outlet = v.outlet
		ms = append(ms, analysis.Mention{Article: a, Value: v.value})
	}
	d := analysis.Disagreement{Kind: analysis.FactNumber, About: "people", Act: "killed", Mentions: ms}
	sa := &storyAnalysis{}
	for _, tc := range []struct {
		i    int
		want string
	}{
		{2, "≠ a, b: Three · e: 5"},
		{0, "≠ c, d: Four · e: 5"},
		{4, "≠ a, b: Three · c, d: Four"},
	} {
		if got := sa.factNote(d, tc.i); got != tc.want {
			t.Errorf("note beside %s: got %q, want %q", ms[tc.i].Value, got, tc.want)
		}
	}
}
