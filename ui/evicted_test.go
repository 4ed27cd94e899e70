package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
)

// TestEvictedPairReusesItsLayout: a pair opened again after its
// comparison left the comparison cache is shown from the layout the pane
// still keeps, with the comparison that layout was made of. The reader
// compared the pair again and laid the new comparison out, although the
// layout it kept showed the same articles: a long pair, a second of work
// (or two) to show what was on screen a moment before.
func TestEvictedPairReusesItsLayout(t *testing.T) {
	for _, kind := range []string{"short", "long", "archive"} {
		t.Run(kind, func(t *testing.T) {
			// A cache that keeps no pair.
			cache := analysis.NewCacheBytes(1, analysis.DefaultCacheBytes)
			if kind == "long" {
				// Laid out off the key.
				saved := offKeyBytes
				offKeyBytes = 0
				t.Cleanup(func() { offKeyBytes = saved })
			}
			// An archive's reader keeps no text either: the articles are
			// read again, and are the articles the kept layout holds.
			m, arts := storyReader(t, kind == "archive", cache)
			m = send(m, setPairMsg{left: arts[0], right: arts[1]})
			first, firstLay := m.compare.pane.cmp, m.compare.pane.lay
			if first == nil || firstLay == nil {
				t.Fatal("no pair shown")
			}
			m = send(m, setPairMsg{left: arts[0], right: arts[2]})
			if m.compare.pane.cmp == first {
				t.Fatal("the second pair is the first")
			}
			if !m.compare.pane.keepsLayout(first) {
				t.Fatal("the first pair's layout was dropped; the test needs it kept")
			}
			if _, cached := m.cache.Get(first.Left, first.Right); cached {
				t.Fatal("the first pair's comparison is cached; the test needs it gone")
			}
			m = send(m, setPairMsg{left: arts[0], right: arts[1]})
			p := m.compare.pane
			if p.cmp != first {
				t.Error("the pair reopened was compared again")
			}
			if p.lay != firstLay {
				t.Error("the pair reopened was laid out again")
			}
			if m.pending.active() {
				t.Error("the pair reopened is still being compared")
			}
		})
	}
}

// storyReader opens a reader at 160x45 with cache, of the sample archive
// if archive, else of the seed corpus, and returns it with the articles
// of a story of three or more.
func storyReader(t *testing.T, archive bool, cache *analysis.Cache) (Model, []*corpus.Article) {
	t.Helper()
	var m Model
	var arts []*corpus.Article
	if archive {
		m, _ = openArchive(t, sampleArchive(t), 1, cache)
		for _, a := range m.articles {
			if len(m.storyArticles(a)) >= 3 {
				arts = append(arts, a)
			}
		}
	} else {
		m = New(seed(t), cache, Options{Renderer: renderer(termenv.Ascii)})
		m = runCmd(m, m.Init())
		m = send(m, tea.WindowSizeMsg{Width: 160, Height: 45})
		arts = seed(t).Articles()
	}
	if len(arts) < 3 {
		t.Fatalf("%d articles in a story, the test needs 3", len(arts))
	}
	return m, arts
}
