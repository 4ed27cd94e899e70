package ui

import (
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/newsdiff/newsdiff/corpus"
)

// movedCorpus is two articles whose one sentence puts a clause in
// different places.
func movedCorpus(tb testing.TB) *corpus.Corpus {
	tb.Helper()
	return pairCorpus(tb, "moved",
		"Flood on the coast\n\nThe mayor of the coastal town ordered an evacuation on Friday after heavy rain flooded the harbour district overnight.\n",
		"Flooding hits the coast\n\nAfter heavy rain flooded the harbour district overnight, the mayor of the coastal town ordered an evacuation on Friday.\n")
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
	c := pairCorpus(t, "split",
		"Inquiry widens\n\nThe inquiry covers the mayor's dealings with a property developer over the harbour land sale; it also asks whether the police chief destroyed records of the night shift arrests.\n",
		"City hall inquiry\n\nInvestigators are examining the mayor's dealings with a property developer over the harbour land sale.\n\nThe weather was fine.\n\nThey also want to know whether the police chief destroyed records of the night shift arrests.\n")
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

// TestReaderShowsParaphrasePairs checks that a paraphrase pair is shown as
// its two passages with the content words they share marked, as plain
// output shows it, rather than as a word diff striking through nearly
// every word: Al Jazeera's "US Republican presidential candidate Donald
// Trump has urged Russia to find the missing emails…" against TRT World's
// "The hacking of Democratic National Committee emails took a new turn…".
func TestReaderShowsParaphrasePairs(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	m = press(m, "tab", "j", "j", "j", "enter", "j", "enter")
	if m.left.Outlet != "Al Jazeera" || m.right.Outlet != "TRT World" {
		t.Fatalf("comparing %q and %q", m.left.Outlet, m.right.Outlet)
	}
	for _, mode := range []string{"side by side", "inline"} {
		s := screen(m)
		for _, want := range []string{"{=Republican=} {=presidential=} {=candidate=}", "has urged {=Russia=} to find"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s: no %q:\n%s", mode, want, s)
			}
		}
		if strings.Contains(s, "[-candidate Donald Trump") {
			t.Errorf("%s: the paraphrase pair is shown as a word diff:\n%s", mode, s)
		}
		m = press(m, "v")
	}

	// With colour, the shared words are drawn in their own style.
	m = newModelOpts(t, seed(t), 160, 45, Options{Renderer: renderer(termenv.TrueColor)})
	m = press(m, "tab", "j", "j", "j", "enter", "j", "enter")
	shared := m.compare.pane.painter.brushes[clsShared].pre
	if shared == "" {
		t.Fatalf("no shared brush")
	}
	found := false
	for _, r := range m.compare.pane.lay.painted {
		found = found || strings.Contains(r, shared+"Republican")
	}
	if !found {
		t.Errorf("\"Republican\" is not painted as a shared word")
	}
}
