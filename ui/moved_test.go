package ui

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsdiff/newsdiff/corpus"
)

// movedCorpus is two articles whose one sentence puts a clause in
// different places.
func movedCorpus(tb testing.TB) *corpus.Corpus {
	tb.Helper()
	c, _, err := corpus.LoadFS(fstest.MapFS{
		"a.txt": {Data: []byte("Flood on the coast\n\nThe mayor of the coastal town ordered an evacuation on Friday after heavy rain flooded the harbour district overnight.\n")},
		"b.txt": {Data: []byte("Flooding hits the coast\n\nAfter heavy rain flooded the harbour district overnight, the mayor of the coastal town ordered an evacuation on Friday.\n")},
	}, "moved")
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// TestReaderShowsMovedFragment is the reader's half of issue 9's sixth
// defect: a fragment placed differently inside a pair is bracketed as
// moved ([~…~] where it left, {~…~} where it went), in both modes.
func TestReaderShowsMovedFragment(t *testing.T) {
	m := newModel(t, movedCorpus(t), 160, 30)
	for _, mode := range []string{"side by side", "inline"} {
		s := screen(m)
		if !strings.Contains(s, "overnight~]") || !strings.Contains(s, "overnight~}") {
			t.Errorf("%s: the moved fragment is not bracketed as moved:\n%s", mode, s)
		}
		m = press(m, "v")
	}
}

// TestReaderShowsTwoPartners is the reader's half of issue 9's fourth
// defect: each of the two blocks pairing part of one sentence notes where
// the rest of it pairs, in both modes.
func TestReaderShowsTwoPartners(t *testing.T) {
	c, _, err := corpus.LoadFS(fstest.MapFS{
		"a.txt": {Data: []byte("Inquiry widens\n\nThe inquiry covers the mayor's dealings with a property developer over the harbour land sale; it also asks whether the police chief destroyed records of the night shift arrests.\n")},
		"b.txt": {Data: []byte("City hall inquiry\n\nInvestigators are examining the mayor's dealings with a property developer over the harbour land sale.\n\nThe weather was fine.\n\nThey also want to know whether the police chief destroyed records of the night shift arrests.\n")},
	}, "split")
	if err != nil {
		t.Fatal(err)
	}
	m := newModel(t, c, 160, 40)
	for _, mode := range []string{"side by side", "inline"} {
		s := screen(m)
		for _, want := range []string{"the rest pairs with right ¶4", "the rest pairs with right ¶2"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s: no note %q:\n%s", mode, want, s)
			}
		}
		m = press(m, "v")
	}
}
