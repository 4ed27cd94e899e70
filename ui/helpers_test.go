package ui

import (
	"io"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/articles"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
)

var (
	seedOnce   sync.Once
	seedCorpus *corpus.Corpus
)

// seed returns the embedded sample corpus, loaded once.
func seed(tb testing.TB) *corpus.Corpus {
	tb.Helper()
	seedOnce.Do(func() {
		c, _, err := corpus.LoadFS(articles.FS, "seed")
		if err != nil {
			panic(err)
		}
		seedCorpus = c
	})
	if len(seedCorpus.Articles()) < 5 {
		tb.Fatalf("seed corpus has %d articles, want 5", len(seedCorpus.Articles()))
	}
	return seedCorpus
}

// pairCorpus loads a corpus named id of two articles, a.txt and b.txt,
// with the texts a and b.
func pairCorpus(tb testing.TB, id, a, b string) *corpus.Corpus {
	tb.Helper()
	return filesCorpus(tb, id, "a.txt", a, "b.txt", b)
}

// filesCorpus loads the story id from files given as name, text, name,
// text….
func filesCorpus(tb testing.TB, id string, nameText ...string) *corpus.Corpus {
	tb.Helper()
	fsys := fstest.MapFS{}
	for i := 0; i+1 < len(nameText); i += 2 {
		fsys[nameText[i]] = &fstest.MapFile{Data: []byte(nameText[i+1])}
	}
	c, _, err := corpus.LoadFS(fsys, id)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// article returns the seed article from outlet.
func article(tb testing.TB, outlet string) *corpus.Article {
	tb.Helper()
	for _, a := range seed(tb).Articles() {
		if a.Outlet == outlet {
			return a
		}
	}
	tb.Fatalf("no seed article from %q", outlet)
	return nil
}

// renderer returns a renderer with the given colour profile that writes
// nowhere and never queries a terminal.
func renderer(p termenv.Profile) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(p)
	r.SetHasDarkBackground(true)
	return r
}

// newModel returns a reader of c at width×height, drawing in plain text,
// with its first commands run.
func newModel(tb testing.TB, c *corpus.Corpus, width, height int) Model {
	tb.Helper()
	return newModelOpts(tb, c, width, height, Options{Renderer: renderer(termenv.Ascii)})
}

// testCache is shared by the readers of the tests, as a server's sessions
// share one: each pair is aligned once for the whole run.
var testCache = analysis.NewCache()

func newModelOpts(tb testing.TB, c *corpus.Corpus, width, height int, opts Options) Model {
	tb.Helper()
	m := New(c, testCache, opts)
	m = runCmd(m, m.Init())
	return send(m, tea.WindowSizeMsg{Width: width, Height: height})
}

// send delivers msg and then whatever the commands it returns produce,
// as the runtime would (quitting aside).
func send(m Model, msg tea.Msg) Model {
	tm, cmd := m.Update(msg)
	return runCmd(tm.(Model), cmd)
}

func runCmd(m Model, cmd tea.Cmd) Model {
	if cmd == nil {
		return m
	}
	switch msg := cmd().(type) {
	case nil, tea.QuitMsg:
		return m
	case tea.BatchMsg:
		for _, c := range msg {
			m = runCmd(m, c)
		}
		return m
	default:
		return send(m, msg)
	}
}

// press sends keys, each named as key.Matches would name it: "j", "enter",
// "ctrl+d", "esc". A name that is not a special key is typed as runes.
func press(m Model, keys ...string) Model {
	for _, k := range keys {
		m = send(m, keyMsg(k))
	}
	return m
}

// typeText types s, one rune at a time.
func typeText(m Model, s string) Model {
	for _, r := range s {
		m = send(m, keyMsg(string(r)))
	}
	return m
}

var specialKeys = map[string]tea.KeyType{
	"enter": tea.KeyEnter, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab, "esc": tea.KeyEsc,
	"backspace": tea.KeyBackspace, "up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft,
	"right": tea.KeyRight, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome,
	"end": tea.KeyEnd, "ctrl+c": tea.KeyCtrlC, "ctrl+u": tea.KeyCtrlU, "ctrl+d": tea.KeyCtrlD,
	"ctrl+w": tea.KeyCtrlW, "ctrl+h": tea.KeyCtrlH, " ": tea.KeySpace,
	"delete": tea.KeyDelete, "ctrl+a": tea.KeyCtrlA, "ctrl+e": tea.KeyCtrlE, "ctrl+b": tea.KeyCtrlB,
	"ctrl+f": tea.KeyCtrlF, "ctrl+k": tea.KeyCtrlK, "ctrl+left": tea.KeyCtrlLeft, "ctrl+right": tea.KeyCtrlRight,
	"ctrl+r": tea.KeyCtrlR,
}

// keyMsg returns the key named k; "alt+" before a name holds alt with it:
// "alt+left", "alt+b".
func keyMsg(k string) tea.KeyMsg {
	if rest, ok := strings.CutPrefix(k, "alt+"); ok && rest != "" {
		msg := keyMsg(rest)
		msg.Alt = true
		return msg
	}
	if t, ok := specialKeys[k]; ok {
		if t == tea.KeySpace {
			return tea.KeyMsg{Type: t, Runes: []rune{' '}}
		}
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// screen returns what the reader shows, without styling.
func screen(m Model) string { return ansi.Strip(m.View()) }

// screenLines returns the screen's lines.
func screenLines(m Model) []string { return strings.Split(screen(m), "\n") }

// topBlock returns the block at the comparison pane's top row.
func topBlock(m Model) int {
	p := m.compare.pane
	return int(p.lay.rows[p.scroll.top].block)
}

// quotesOf, matrixOf and passagesOf return the views of the story.
func quotesOf(m Model) *quotesPane     { return m.views[pageQuotes].(*quotesPane) }
func matrixOf(m Model) *matrixPane     { return m.views[pageMatrix].(*matrixPane) }
func passagesOf(m Model) *passagesPane { return m.views[pagePassages].(*passagesPane) }
