package ui

import (
	"strings"
	"testing"
)

// TestSameTextsOfferNoChangeKeys is a regression test: two outlets that
// print the same wire text word for word have no change between them,
// and the help line offered "n next change" all the same; pressed, n
// only said so. Like n while no match is found, n and N are off, and say
// why; a pair with a change still offers them.
func TestSameTextsOfferNoChangeKeys(t *testing.T) {
	text := "Harbour council approves new ferry timetable\n\nThe harbour council approved a new ferry timetable for the islands on Monday.\n\nThe council will meet again in March.\n"
	m := newModel(t, pairCorpus(t, "wire", text, text), 120, 30)
	if m.compare.Comparison() == nil {
		t.Fatal("no comparison on screen")
	}
	if footer := helpBar(m); strings.Contains(footer, "n next change") {
		t.Errorf("the help line offers n beside a pair with no change: %q", footer)
	}
	for _, k := range []string{"n", "N"} {
		m = press(m, k)
		if status := screenLines(m)[28]; !strings.Contains(status, "no differences: the texts are the same") {
			t.Errorf("%s beside a pair with no change: status %q", k, status)
		}
	}
	// The figures say it once: "-0 +0 words · 0 moved · 0 left only · 0
	// right only" was four ways of saying nothing.
	m = press(m, "j")
	if status := screenLines(m)[28]; !strings.Contains(status, "100% similar · no word changed") || strings.Contains(status, "-0 +0") || strings.Contains(status, "0 moved") {
		t.Errorf("a pair with no change: status %q", status)
	}

	changed := strings.Replace(text, "in March", "in April", 1)
	m = newModel(t, pairCorpus(t, "wire", text, changed), 120, 30)
	if footer := helpBar(m); !strings.Contains(footer, "n next change") {
		t.Errorf("the help line does not offer n beside a pair with a change: %q", footer)
	}
}

// TestTwoArticlesOfferNoOtherOutlet is a regression test: beside a story
// of two articles (and in every reader of two files, newsdiff a.txt
// b.txt), the help line offered "] next outlet", and ] and [ only said
// there was no other article to put on the right. They are off there,
// and say why; a story of three offers them.
func TestTwoArticlesOfferNoOtherOutlet(t *testing.T) {
	text := "Harbour council approves new ferry timetable\n\nThe harbour council approved a new ferry timetable for the islands on Monday.\n\nThe council will meet again in March.\n"
	changed := strings.Replace(text, "in March", "in April", 1)
	m := newModel(t, pairCorpus(t, "pair", text, changed), 120, 30)
	for _, focus := range []string{"compare", "articles"} {
		if footer := helpBar(m); strings.Contains(footer, "next outlet") {
			t.Errorf("%s: the help line offers ] beside a story of two: %q", focus, footer)
		}
		m = press(m, "tab")
	}
	for _, k := range []string{"]", "["} {
		m = press(m, k)
		if status := screenLines(m)[28]; !strings.Contains(status, "no other article in this story to compare with") {
			t.Errorf("%s beside a story of two: status %q", k, status)
		}
	}

	m = newModel(t, filesCorpus(t, "three", "a.txt", text, "b.txt", changed, "c.txt", text+"\nMore ferries will run in summer.\n"), 120, 30)
	if footer := helpBar(m); !strings.Contains(footer, "] next outlet") {
		t.Errorf("the help line does not offer ] beside a story of three: %q", footer)
	}
	right := m.right
	if m = press(m, "]"); m.right == right {
		t.Errorf("] beside a story of three left %s on the right", right.Outlet)
	}
}
