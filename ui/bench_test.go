package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus"
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

// BenchmarkScroll is one keypress of scrolling: Update and View.
func BenchmarkScroll(b *testing.B) {
	m := benchModel(b)
	keys := []tea.Msg{keyMsg("j"), keyMsg("k")}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		m = updateModel(m, keys[i%2])
		_ = m.View()
		i++
	}
}

// BenchmarkNewPair is switching to a pair never shown before: alignment,
// word diff, wrapping and painting, then the first View. Each iteration
// starts from an empty comparison cache and no laid-out rows.
func BenchmarkNewPair(b *testing.B) {
	m := benchModel(b)
	next := keyMsg("]")
	b.ReportAllocs()
	for b.Loop() {
		m.cache = corpus.NewCache()
		m.comparePane.layouts = nil
		m = updateModel(m, next)
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
		m.comparePane.layouts = nil
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
		m.cache = corpus.NewCache()
		m.comparePane.layouts = nil
		m = updateModel(m, swap)
		_ = m.View()
	}
}
