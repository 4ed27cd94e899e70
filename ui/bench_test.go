package ui

import (
	"context"
	"slices"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
)

// benchModel is a reader at 200×60 in true colour, comparing Swell Digest
// with TRT World, scrolled into the middle.
func benchModel(b *testing.B) Model {
	m := newModelOpts(b, seed(b), 200, 60, Options{Renderer: renderer(termenv.TrueColor)})
	return press(m, "]", "]", "]", "ctrl+d", "ctrl+d")
}

func updateModel(m Model, msg tea.Msg) Model {
	tm, _ := m.Update(msg)
	return tm.(Model)
}

// pressInTurn is b's loop over one keypress and its frame, Update and
// View, the keys there and back in turn so that the view stays put; it
// returns the model and its last frame.
func pressInTurn(b *testing.B, m Model, there, back string) (Model, string) {
	keys := []tea.Msg{keyMsg(there), keyMsg(back)}
	b.ReportAllocs()
	i := 0
	frame := ""
	for b.Loop() {
		m = updateModel(m, keys[i%2])
		frame = m.View()
		i++
	}
	return m, frame
}

// BenchmarkScroll is one keypress of scrolling: Update and View. It also
// reports the frame's size in bytes and cells, since Bubble Tea's renderer
// copies, splits, measures and writes every frame once more.
func BenchmarkScroll(b *testing.B) {
	m, frame := pressInTurn(b, benchModel(b), "j", "k")
	b.ReportMetric(float64(len(frame)), "frame-B")
	b.ReportMetric(float64(len(frame))/float64(m.width*m.height), "B/cell")
}

// BenchmarkNewPair is switching to a pair never shown before: alignment,
// word diff, wrapping and painting, then the first View. Each iteration
// starts from an empty comparison cache and no laid-out rows.
func BenchmarkNewPair(b *testing.B) {
	m := benchModel(b)
	next := keyMsg("]")
	b.ReportAllocs()
	for b.Loop() {
		m.cache = analysis.NewCache()
		m.compare.pane.layouts = nil
		m = send(m, next)
		_ = m.View()
	}
}

// BenchmarkResize is a change of terminal width: re-wrapping and painting
// the comparison for a width it has not been laid out at, then View.
func BenchmarkResize(b *testing.B) {
	m := benchModel(b)
	sizes := []tea.Msg{tea.WindowSizeMsg{Width: 180, Height: 55}, tea.WindowSizeMsg{Width: 200, Height: 60}}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		m.compare.pane.layouts = nil
		m = updateModel(m, sizes[i%2])
		_ = m.View()
		i++
	}
}

// BenchmarkView is View alone: slicing painted rows.
func BenchmarkView(b *testing.B) {
	m := benchModel(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkNewPairLongest is BenchmarkNewPair for the two longest seed
// articles, Al Jazeera and TRT World, swapping sides each time.
func BenchmarkNewPairLongest(b *testing.B) {
	m := newModelOpts(b, seed(b), 200, 60, Options{Renderer: renderer(termenv.TrueColor)})
	m = press(m, "tab", "j", "j", "j", "enter", "j", "enter")
	swap := keyMsg("s")
	b.ReportAllocs()
	for b.Loop() {
		m.cache = analysis.NewCache()
		m.compare.pane.layouts = nil
		m = send(m, swap)
		_ = m.View()
	}
}

// storyViews are the views of a story, by key.
var storyViews = []struct{ name, key string }{{"quotes", "2"}, {"matrix", "3"}, {"passages", "4"}}

// BenchmarkAnalysis is a story's analysis, as the reader asks for it off
// the UI goroutine: with the pairs already aligned in the shared cache, as
// on a server where another session has read the story, and from cold.
func BenchmarkAnalysis(b *testing.B) {
	st := seed(b).Stories[0]
	b.Run("warm", func(b *testing.B) {
		cache := analysis.NewCache()
		analyseStory(context.Background(), st, cache, nil)
		b.ReportAllocs()
		for b.Loop() {
			analyseStory(context.Background(), st, cache, nil)
		}
	})
	b.Run("cold", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			analyseStory(context.Background(), st, analysis.NewCache(), nil)
		}
	})
}

// BenchmarkFirstView is the first switch to each view of the story, at
// 200×60 in true colour: the analysis is in (Init asked for it), the view
// lays it out and paints it, then View.
func BenchmarkFirstView(b *testing.B) {
	for _, v := range storyViews {
		b.Run(v.name, func(b *testing.B) {
			base := benchModel(b)
			key := keyMsg(v.key)
			b.ReportAllocs()
			for b.Loop() {
				m := base
				m.views = freshStoryViews(m)
				m = updateModel(m, key)
				_ = m.View()
			}
		})
	}
}

// freshStoryViews returns m's views with the views of the story made anew,
// as they are before they are first shown.
func freshStoryViews(m Model) []storyView {
	v := slices.Clone(m.views)
	pt := m.compare.pane.painter
	v[pageQuotes] = newQuotesPane(m.styles, m.keys, pt, false)
	cv := m.compare
	v[pageMatrix] = newMatrixPane(m.styles, m.keys, false, func() mode { return cv.pane.Mode() })
	v[pagePassages] = newPassagesPane(m.styles, m.keys, pt)
	return v
}

// BenchmarkFirstViewWithAnalysis is BenchmarkFirstView when the analysis
// has not come yet and is run on the spot, through a warm pair cache.
func BenchmarkFirstViewWithAnalysis(b *testing.B) {
	for _, v := range storyViews {
		b.Run(v.name, func(b *testing.B) {
			base := benchModel(b)
			key := keyMsg(v.key)
			b.ReportAllocs()
			for b.Loop() {
				m := base
				m.analyses = make(map[*corpus.Story]*storyAnalysis)
				m.analysing = make(map[*corpus.Story]context.CancelFunc)
				m.views = freshStoryViews(m)
				tm, cmd := m.Update(key)
				m = runCmd(tm.(Model), cmd)
				_ = m.View()
			}
		})
	}
}

// BenchmarkViewKey is one keypress in each view of the story, Update and
// View: j and k in the quotes (a new utterance's wordings, painted the
// first time and then from the cache) and the passages, l and h in the
// matrix.
func BenchmarkViewKey(b *testing.B) {
	moves := map[string][2]string{"quotes": {"j", "k"}, "matrix": {"l", "h"}, "passages": {"j", "k"}}
	for _, v := range storyViews {
		b.Run(v.name, func(b *testing.B) {
			pressInTurn(b, press(benchModel(b), v.key), moves[v.name][0], moves[v.name][1])
		})
	}
}
