package ui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestLoadingSaysHowToQuit is a regression test: while a folder loads,
// which on a large archive takes a while, the screen said only "loading
// ~/news…", with no help line and ? off, though q quits there; the
// screens of a terminal too small and of a failed load say so.
func TestLoadingSaysHowToQuit(t *testing.T) {
	for _, size := range [][2]int{{160, 45}, {80, 24}, {60, 12}} {
		m := New(nil, testCache, Options{
			Renderer: renderer(termenv.Ascii),
			Loading:  "the articles in ~/news",
			Load: func(ctx context.Context) (*corpus.Corpus, []string, error) {
				return seed(t), nil, nil
			},
		})
		m = send(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		s := screen(m)
		if !strings.Contains(s, "loading the articles in ~/news…") || !strings.Contains(s, "q quits") {
			t.Errorf("%dx%d while loading:\n%s", size[0], size[1], s)
		}
		checkFits(t, m, size[0], size[1])
		if _, cmd := m.Update(keyMsg("q")); cmd == nil || cmd() != tea.Quit() {
			t.Errorf("%dx%d: q does not quit while loading", size[0], size[1])
		}
	}
}
