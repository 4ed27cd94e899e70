package ui

import (
	"context"
	"errors"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus"
)

// TestHelpOnlyWhereShown: on the screens that show a message and no
// reader (loading, a failed load, no articles), ? opens no help and q
// still quits. ? opened a help those screens never draw, and q then
// closed it, unseen, rather than quit: "Press q to quit." did nothing,
// and a help scrolled by keys pressed during the load was on screen the
// moment the articles came.
func TestHelpOnlyWhereShown(t *testing.T) {
	opts := func(load func(ctx context.Context) (*corpus.Corpus, []string, error)) Options {
		return Options{Renderer: renderer(termenv.Ascii), Loading: "~/news", Load: load}
	}
	for _, tc := range []struct {
		name string
		make func() Model
	}{
		{"loading", func() Model {
			return New(nil, testCache, opts(func(ctx context.Context) (*corpus.Corpus, []string, error) {
				return seed(t), nil, nil // never run: the test does not call Init
			}))
		}},
		{"failed", func() Model {
			m := New(nil, testCache, opts(func(ctx context.Context) (*corpus.Corpus, []string, error) {
				return nil, nil, errors.New("open ~/news: permission denied")
			}))
			return runCmd(m, m.Init())
		}},
		{"empty", func() Model { return New(&corpus.Corpus{}, testCache, Options{Renderer: renderer(termenv.Ascii)}) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := send(tc.make(), tea.WindowSizeMsg{Width: 100, Height: 30})
			before := screen(m)
			m = press(m, "?")
			if m.showHelp {
				t.Error("? opened a help the screen does not show")
			}
			if s := screen(m); s != before {
				t.Errorf("? changed the screen:\n%s", s)
			}
			if _, cmd := m.Update(keyMsg("q")); cmd == nil || cmd() != tea.Quit() {
				t.Error("q after ? does not quit")
			}
		})
	}
	// Loaded, the reader opens the help as ever.
	if m := press(newModel(t, seed(t), 100, 30), "?"); !m.showHelp {
		t.Error("? does not open the help in the reader")
	}
}
