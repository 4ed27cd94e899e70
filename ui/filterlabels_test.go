package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// labelsCorpus returns n listed articles in stories of 50, every one from
// one of three outlets, with titles in capitals and, every third, a
// character beyond ASCII: an archive's listing as the filter sees it.
func labelsCorpus(n int) *corpus.Corpus {
	c := &corpus.Corpus{}
	var st *corpus.Story
	for i := range n {
		if i%50 == 0 {
			st = &corpus.Story{Name: fmt.Sprintf("Story %d: The Spokesman For The Illinois Lottery Says", i/50)}
			c.Stories = append(c.Stories, st)
		}
		title := fmt.Sprintf("Article %d About The Mega Millions Jackpot", i)
		if i%3 == 0 {
			title += " — Leer En Español"
		}
		st.Articles = append(st.Articles, &corpus.Article{ID: fmt.Sprint(i), Outlet: fmt.Sprintf("Outlet %d", i%3), Title: title})
	}
	return c
}

// TestFilterLabelsCostAnAllocationAnArticle checks that the first letter
// of a filter, which makes every entry's label, folds each outlet and
// story name once rather than once an article: typed into the list of a
// 100,000-article archive, that letter took most of a second to show.
func TestFilterLabelsCostAnAllocationAnArticle(t *testing.T) {
	const n = 2000
	s := NewStyles(renderer(0))
	keys := DefaultKeyMap()
	p := newArticlesPane(labelsCorpus(n), &s, &keys)
	allocs := testing.AllocsPerRun(3, func() {
		q := p
		q.labelled = false
		q.setFilter("m")
	})
	// One for each label, and a few for the folded names and the list.
	if max := 1.2 * n; allocs > max {
		t.Errorf("labelling %d articles: %.0f allocations, want at most %.0f", n, allocs, max)
	}
}

// TestFilterLabels checks what the filter looks in: outlet, title and
// story, one line each, lowercased as strings.ToLower does, invalid
// UTF-8 included; Latin letters without their accents, and quotes,
// apostrophes and dashes of one style (see filterRune).
func TestFilterLabels(t *testing.T) {
	tests := []struct{ outlet, title, story, want string }{
		{"Outlet 1", "Plain ASCII Title", "A Story", ""},
		{"AL JAZEERA", "Leer en ESPAÑOL: Última Hora", "ÉTÉ", "al jazeera\nleer en espanol: ultima hora\nete"},
		{"x", "İstanbul ΣΊΣΥΦΟΣ", "Straße", ""},
		{"Bad\xffByte", "A \xe2\x80 Title\xff", "s\xc3", ""},
		{"Two\nLines", "  spaced   out  ", "tab\there", ""},
		{"Le Monde", "Trump’s “Wall” — Peña’s Answer", "Mayor's week", "le monde\ntrump's \"wall\" - pena's answer\nmayor's week"},
		{"", "", "", ""},
	}
	for _, tt := range tests {
		st := &corpus.Story{Name: tt.story}
		a := &corpus.Article{Outlet: tt.outlet, Title: tt.title}
		st.Articles = []*corpus.Article{a}
		var l labeller
		got := l.label(entry{story: st, article: a})
		want := tt.want
		if want == "" {
			want = strings.ToLower(termsafe.OneLine(tt.outlet) + "\n" + termsafe.OneLine(tt.title) + "\n" + termsafe.OneLine(tt.story))
		}
		if got != want {
			t.Errorf("label(%q, %q, %q) = %q, want %q", tt.outlet, tt.title, tt.story, got, want)
		}
	}
}

// TestFilterOpenedMakesLabelsInBackground checks that opening the filter
// starts making the labels off the UI goroutine, so that the first letter
// typed finds them made: on a 100,000-article archive that letter waited
// a third of a second or more for them.
func TestFilterOpenedMakesLabelsInBackground(t *testing.T) {
	const n = 2000
	s := NewStyles(renderer(0))
	keys := DefaultKeyMap()
	p := newArticlesPane(labelsCorpus(n), &s, &keys)
	p.Focus()
	p, cmd := p.Update(keyMsg("/"))
	if !p.Filtering() {
		t.Fatal("/ did not open the filter")
	}
	if cmd == nil {
		t.Fatal("opening the filter started nothing: the first letter will make every label")
	}
	if p.labelled {
		t.Fatal("the labels were made on the UI goroutine as the filter opened")
	}
	msg, ok := cmd().(labelsMsg)
	if !ok {
		t.Fatalf("opening the filter's command returned %T, want labelsMsg", cmd())
	}
	p.handleLabels(msg)
	if !p.labelled {
		t.Fatal("the labels made in the background were not taken")
	}
	// The first letter now only filters: no label is made.
	allocs := testing.AllocsPerRun(3, func() {
		q := p
		q.setFilter("m")
	})
	if allocs > n/10 {
		t.Errorf("the first letter after the labels came: %.0f allocations, want at most %d", allocs, n/10)
	}
	// And the labels are the ones setFilter would have made.
	want := newArticlesPane(labelsCorpus(n), &s, &keys)
	for _, q := range []string{"outlet 1", "español", "story 7:", "article 1999 about"} {
		p.setFilter(q)
		want.setFilter(q)
		if got, w := p.list.shown, want.list.shown; len(got) != len(w) {
			t.Errorf("filter %q: %d entries shown with the background's labels, %d with setFilter's", q, len(got), len(w))
		}
	}
	// The filter opened again starts nothing more.
	p.filtering = false
	if _, cmd := p.Update(keyMsg("/")); cmd != nil {
		t.Error("opening the filter again, labels made, started another command")
	}
}

// TestFilterLabelsForOthersDropped checks that labels made for another
// list's entries change nothing.
func TestFilterLabelsForOthersDropped(t *testing.T) {
	s := NewStyles(renderer(0))
	keys := DefaultKeyMap()
	p := newArticlesPane(labelsCorpus(300), &s, &keys)
	p.Focus()
	p, cmd := p.Update(keyMsg("/"))
	other := newArticlesPane(labelsCorpus(300), &s, &keys)
	other.Focus()
	other, otherCmd := other.Update(keyMsg("/"))
	if cmd == nil || otherCmd == nil {
		t.Fatal("opening the filter started nothing")
	}
	// Another list's labels, all empty: taken, every entry would be
	// filtered out.
	foreign := otherCmd().(labelsMsg)
	for i := range foreign.labels {
		foreign.labels[i] = ""
	}
	p.handleLabels(foreign)
	if p.labelled {
		t.Fatal("labels made for another list's entries were taken")
	}
	p.handleLabels(cmd().(labelsMsg))
	p.setFilter("outlet 2")
	if len(p.list.shown) == 0 {
		t.Fatal(`filter "outlet 2" shows nothing`)
	}
}

// TestFilterLetterBeforeLabels checks that letters typed before the
// labels made in the background come echo at once, making no label on
// the UI goroutine (on a 100,000-article archive a letter typed quickly
// after / waited up to half a second for them), and that the list is
// filtered by them, with the archive's finds that came meanwhile, when
// the labels come.
func TestFilterLetterBeforeLabels(t *testing.T) {
	const n = 2000
	s := NewStyles(renderer(0))
	keys := DefaultKeyMap()
	p := newArticlesPane(labelsCorpus(n), &s, &keys)
	p.Focus()
	p, cmd := p.Update(keyMsg("/"))
	if cmd == nil {
		t.Fatal("opening the filter started nothing")
	}
	// A search stands in for the archive's: it found article 5 by its
	// text, before the labels came.
	p.search = &searcher{}
	var q articlesPane
	allocs := testing.AllocsPerRun(3, func() {
		q = p
		q, _ = q.UpdateFilter(keyMsg("o"))
	})
	if allocs > n/10 {
		t.Errorf("a letter typed before the labels came: %.0f allocations, want at most %d (no label made)", allocs, n/10)
	}
	p = q
	p.SetSize(60, 20, false)
	p, _ = p.UpdateFilter(keyMsg("u"))
	p, _ = p.UpdateFilter(keyMsg("t"))
	if view := ansi.Strip(p.View()); !strings.Contains(view, "/ out") {
		t.Errorf("the letters typed do not echo before the labels come:\n%s", view)
	}
	if p.labelled {
		t.Fatal("the letters made the labels on the UI goroutine")
	}
	p.filter = "outlet 2"
	p.input.SetValue(p.filter)
	p.setFilter(p.filter)
	var text *corpus.Article // an article "outlet 2" does not find by its label
	for _, e := range p.entries {
		if e.article != nil && e.article.Outlet == "Outlet 0" {
			text = e.article
			break
		}
	}
	p.handleSearch(filterFoundMsg{gen: p.searchGen, query: p.filter, found: []*corpus.Article{text}})
	p.handleLabels(cmd().(labelsMsg))
	if !p.labelled {
		t.Fatal("the labels that came after the letters were not taken")
	}
	want := newArticlesPane(labelsCorpus(n), &s, &keys)
	want.setFilter("outlet 2")
	if got, w := len(p.list.shown), len(want.list.shown); got != w+1 {
		t.Errorf(`filter "outlet 2" with a find by text: %d entries shown once the labels came, want %d and the find`, got, w)
	}
	found := false
	for _, le := range p.list.shown {
		found = found || !le.heading() && p.entries[le.item].article == text
	}
	if !found {
		t.Error("the archive's find that came before the labels is not listed")
	}
}

// TestFilterAcceptedBeforeLabels checks that enter on a filter typed
// before its labels came filters the list there and then, so that the
// keys that follow act on what the filter lists: a second enter picked
// the first article of the list as it was before the filter, which the
// filter hid.
func TestFilterAcceptedBeforeLabels(t *testing.T) {
	const n = 600
	s := NewStyles(renderer(0))
	keys := DefaultKeyMap()
	p := newArticlesPane(labelsCorpus(n), &s, &keys)
	p.Focus()
	p.SetSize(60, 20, false)
	p, cmd := p.Update(keyMsg("/"))
	if cmd == nil {
		t.Fatal("opening the filter started nothing")
	}
	for _, r := range "article 599 " {
		p, _ = p.UpdateFilter(keyMsg(string(r)))
	}
	p, _ = p.UpdateFilter(keyMsg("enter"))
	if p.Filtering() {
		t.Fatal("enter did not close the filter")
	}
	if _, n := p.Shown(); n != 1 {
		t.Fatalf(`filter "article 599 " accepted before its labels came: %d articles shown, want 1`, n)
	}
	if a := p.Selected(); a == nil || a.ID != "599" {
		t.Errorf("the cursor is on %v, want article 599", a)
	}
	// The labels made in the background, coming late, change nothing.
	p.handleLabels(cmd().(labelsMsg))
	if _, n := p.Shown(); n != 1 {
		t.Errorf("the late labels changed the list: %d articles shown, want 1", n)
	}
}

// TestReaderTakesFilterLabels checks that the reader hands the labels
// made in the background to its list.
func TestReaderTakesFilterLabels(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	if m.compare.focus != focusArticles {
		m = press(m, "tab")
	}
	m = press(m, "/")
	if !m.compare.articles.Filtering() {
		t.Fatal("/ in the list did not open the filter")
	}
	if !m.compare.articles.labelled {
		t.Error("the labels made as the filter opened did not reach the list")
	}
	m = typeText(m, "al jaz")
	if at, n := m.compare.articles.Shown(); n != 1 {
		t.Errorf(`filter "al jaz": %d articles shown (at %d), want 1`, n, at)
	}
}
