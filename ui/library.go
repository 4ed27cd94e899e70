package ui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
)

// Library is where a reader on an archive finds its articles: a corpus of
// listed articles, each with the metadata the list shows and no text, the
// text read only when an article is compared, analysed or shown, and a
// full-text search over the whole archive for the list's filter.
// corpus/archive's Listing is one.
//
// The reader holds listed articles (its list, its pair, its stories);
// everything made of the text (comparisons, analyses) holds the articles
// Text returns, and Listed leads back.
type Library interface {
	// Corpus returns the listed articles, in stories.
	Corpus() *corpus.Corpus
	// Listed returns the listed article that a, with its text or listed,
	// stands for; nil when it stands for none.
	Listed(a *corpus.Article) *corpus.Article
	// Peek returns the text of a listed article if it is in memory,
	// without reading anything: for the UI goroutine.
	Peek(listed *corpus.Article) (*corpus.Article, bool)
	// Text returns a listed article with its text, reading it if need be.
	Text(ctx context.Context, listed *corpus.Article) (*corpus.Article, error)
	// Story returns the first max articles of a listed story with their
	// text.
	Story(ctx context.Context, listed *corpus.Story, max int) (*corpus.Story, error)
	// Search returns the listed articles whose title or text match query,
	// best first, at most limit.
	Search(ctx context.Context, query string, limit int) ([]*corpus.Article, error)
	// StoryBytes returns the size of the files of the first max articles
	// of a listed story, whose articles have no text to measure.
	StoryBytes(listed *corpus.Story, max int) int
}

// searchDelay is how long the list's filter waits after the last edit
// before it searches the archive: typing a word costs one search, not one
// a letter. Under it, a search would start while the reader still types;
// much over it, the list lags behind the query.
const searchDelay = 150 * time.Millisecond

// maxSearchHits is the most articles an archive search adds to the list:
// more would not be read, and the list is built from them on the UI
// goroutine.
const maxSearchHits = 2000

// maxSimilarities is the most articles of a story on an archive whose
// similarity to the left article the list shows: each is read and
// compared, and an archive's named story may hold thousands.
const maxSimilarities = 64

type (
	// filterDueMsg says that the filter has rested searchDelay at query:
	// gen tells whether it has changed since.
	filterDueMsg struct {
		gen   int
		query string
	}

	// filterFoundMsg carries the listed articles an archive search found
	// for query, or why it failed.
	filterFoundMsg struct {
		gen   int
		query string
		found []*corpus.Article
		err   error
	}
)

// searcher runs the list's filter over an archive for the articles pane.
type searcher struct {
	ctx context.Context
	lib Library
}

// due returns the command that says, after searchDelay, that the filter
// gen has rested.
func (s *searcher) due(gen int, query string) tea.Cmd {
	return tea.Tick(searchDelay, func(time.Time) tea.Msg { return filterDueMsg{gen, query} })
}

// search returns the command that searches the archive for query.
func (s *searcher) search(gen int, query string) tea.Cmd {
	ctx, lib := s.ctx, s.lib
	return recovering("searching the archive", func() tea.Msg {
		found, err := lib.Search(ctx, query, maxSearchHits)
		return filterFoundMsg{gen: gen, query: query, found: found, err: err}
	})
}

// listed returns the listed article that a stands for: a itself but on an
// archive.
func (m Model) listed(a *corpus.Article) *corpus.Article {
	if m.lib == nil || a == nil {
		return a
	}
	if l := m.lib.Listed(a); l != nil {
		return l
	}
	return a
}

// textReader returns how the reader's commands get an article's text:
// on an archive, from the library; else the article is its text.
func (m Model) textReader() func(context.Context, *corpus.Article) (*corpus.Article, error) {
	lib := m.lib
	if lib == nil {
		return func(_ context.Context, a *corpus.Article) (*corpus.Article, error) { return a, nil }
	}
	return lib.Text
}

// peekText returns a's text if it is at hand without reading.
func (m Model) peekText(a *corpus.Article) (*corpus.Article, bool) {
	if m.lib == nil {
		return a, true
	}
	return m.lib.Peek(a)
}

// analyseListed analyses a listed story of an archive: its articles are
// read for it, at most analysis.MaxArticles of them.
func analyseListed(ctx context.Context, st *corpus.Story, cache *analysis.Cache, lib Library) (*analysis.Analysis, error) {
	return cache.AnalyzeRead(ctx, st, func(ctx context.Context) (*corpus.Story, error) {
		return lib.Story(ctx, st, analysis.MaxArticles)
	})
}

// maxKeptAnalyses is how many stories' analyses a reader keeps at hand;
// the cache they come from keeps more, within its budget.
const maxKeptAnalyses = 8

// forgetAnalyses drops the analyses kept past maxKeptAnalyses, but the
// left and right articles' stories', so that a reader's memory does not
// grow with the stories it visits.
func (m *Model) forgetAnalyses() {
	if len(m.analyses) <= maxKeptAnalyses {
		return
	}
	keep := map[*corpus.Story]bool{m.storyOf[m.left]: true, m.storyOf[m.right]: true}
	for st := range m.analyses {
		if len(m.analyses) <= maxKeptAnalyses {
			return
		}
		if !keep[st] {
			delete(m.analyses, st)
		}
	}
}
