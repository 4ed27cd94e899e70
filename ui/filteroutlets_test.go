package ui

import (
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
)

// TestOutletKeysFollowTheFilter is a regression test: ] and [ stepped
// through every outlet of the story while the list's filter showed some,
// and put on the right articles the reader had filtered out. Under a
// filter they step through the articles it lists, and where it lists no
// other, say so; cleared, they step through the story again.
func TestOutletKeysFollowTheFilter(t *testing.T) {
	filter := func(m Model, q string) Model {
		m = press(m, "/")
		m = typeText(m, q)
		return press(m, "enter")
	}
	m := newModel(t, seed(t), 160, 45)  // Swell Digest vs Hacked.com
	m = filter(press(m, "tab"), "hack") // not Al Jazeera's title
	for _, step := range []struct{ key, want string }{
		{"]", "Press TV"}, {"]", "TRT World"}, {"]", "Hacked.com"}, {"[", "TRT World"}, {"[", "Press TV"}, {"[", "Hacked.com"},
	} {
		m = press(m, step.key)
		if m.right.Outlet != step.want || m.left.Outlet != "Swell Digest" {
			t.Fatalf("%s under the filter \"hack\": %s vs %s, want Swell Digest vs %s", step.key, m.left.Outlet, m.right.Outlet, step.want)
		}
	}

	m = filter(press(m, "esc"), "world")
	for _, k := range []string{"]", "[", "]"} {
		m = press(m, k)
		if m.right.Outlet != "TRT World" {
			t.Fatalf("%s under the filter \"world\": %s on the right, want TRT World", k, m.right.Outlet)
		}
	}
	if status := screenLines(m)[43]; !strings.Contains(status, noOtherListed) {
		t.Errorf("] with TRT World, the one article listed, on the right: status %q", status)
	}

	// Cleared, the filter no longer narrows them.
	if m = press(m, "esc", "]"); m.right.Outlet != "Hacked.com" {
		t.Errorf("] with the filter cleared put %s on the right, want Hacked.com", m.right.Outlet)
	}
}

// TestOutletKeysFollowTheFilterBesideALoneArticle: beside an article
// that is a story of its own, ] and [ step through the other articles
// of the list, and under a filter through those it lists.
func TestOutletKeysFollowTheFilterBesideALoneArticle(t *testing.T) {
	m, _ := openArchive(t, sampleArchive(t), 0, analysis.NewCache())
	var zoo *corpus.Article
	for _, e := range m.compare.articles.entries {
		if e.article != nil && e.article.Outlet == "zoo" {
			zoo = e.article
		}
	}
	if zoo == nil || len(m.storyArticles(zoo)) != 1 {
		t.Fatal("the zoo article is not a story of its own")
	}
	m = send(m, setPairMsg{left: zoo, right: m.left})
	m = press(m, "tab", "/")
	m = typeText(m, "kerala") // the rain article's title
	m = press(m, "enter")
	for _, k := range []string{"]", "[", "]"} {
		if m = press(m, k); m.right.Outlet != "rain" || m.left != zoo {
			t.Fatalf("%s under the filter \"kerala\": %s vs %s, want zoo vs rain", k, m.left.Outlet, m.right.Outlet)
		}
	}
	if !strings.Contains(m.flash, noOtherListedAtAll) {
		t.Errorf("] with rain, the one article listed, on the right: %q", m.flash)
	}
}
