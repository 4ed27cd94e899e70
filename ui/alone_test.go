package ui

import (
	"bytes"
	"context"
	"encoding/base64"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/archive"
)

// TestOnlyArticleOffersNoPairKeys checks the reader of a single article:
// its help line offered n next change, ] next outlet, s swap and v side
// by side, and pressed they said "no differences: the texts are the same"
// and "swapped sides" of the one article facing itself, or stood it
// twice, side by side. They are off, and say why.
func TestOnlyArticleOffersNoPairKeys(t *testing.T) {
	c, _, err := corpus.LoadFS(fstest.MapFS{
		"only.txt": {Data: []byte("A lone headline about the weather\n\nIt rained in Paris on Monday. The streets were wet and people carried umbrellas.\n")},
	}, "one")
	if err != nil {
		t.Fatal(err)
	}
	m := newModel(t, c, 120, 30)
	footer := screenLines(m)[29]
	for _, hint := range []string{"n next change", "] next outlet", "s swap", "v side by side"} {
		if strings.Contains(footer, hint) {
			t.Errorf("the help line offers %q beside the only article: %q", hint, footer)
		}
	}
	const why = "the only article: nothing to compare it with"
	for _, k := range []string{"n", "N", "s", "]", "[", "v"} {
		m = press(m, k)
		if status := screenLines(m)[28]; !strings.Contains(status, why) {
			t.Errorf("%s beside the only article: status %q, want %q", k, status, why)
		}
	}
	if got := m.compare.pane.Mode(); got != inline {
		t.Errorf("v beside the only article: it reads %v, want %v", got, inline)
	}
	if s := screen(m); strings.Count(s, "It rained in Paris") != 1 {
		t.Errorf("v beside the only article: its text stands more than once:\n%s", s)
	}
	// Nor is there another article to pick: enter in the list said
	// "now pick the right side", and waited.
	m = press(m, "tab")
	if footer := screenLines(m)[29]; strings.Contains(footer, "enter") {
		t.Errorf("the list's help line offers enter beside the only article: %q", footer)
	}
	m = press(m, "enter")
	if status := screenLines(m)[28]; !strings.Contains(status, why) || m.compare.Picking() {
		t.Errorf("enter in the list beside the only article: status %q, picking %v", status, m.compare.Picking())
	}
	m = press(m, "tab")
	// A search still steps through its matches with n.
	m = press(m, "/")
	m = typeText(m, "the")
	m = press(m, "enter", "n")
	// The one text's matches count once: "the" is in it 3 times, not
	// once on each side of the article facing itself.
	if status := screenLines(m)[28]; !strings.Contains(status, "match 2/3") || strings.Contains(status, "right") {
		t.Errorf("n after a search beside the only article: status %q, want match 2/3 and no sides", status)
	}
}

// TestOnlyArticleReadsInOneColumn: the only article reads in one column,
// however it was loaded. Loaded after the window's size came (a folder,
// opened in the background as the reader starts), the pane laid out for
// its size before the article came reset the mode, and the one text
// stood twice, side by side.
func TestOnlyArticleReadsInOneColumn(t *testing.T) {
	dir := t.TempDir()
	writeText(t, dir, "only.txt", "A lone headline about the weather\n\nIt rained in Paris on Monday. The streets were wet and people carried umbrellas.\n")
	ar, err := archive.Open(context.Background(), dir, archive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ar.Close() })
	lib := ar.Listing(0)
	m := New(nil, testCache, Options{Renderer: renderer(termenv.Ascii), Loading: "the folder",
		Open: func(context.Context) (Library, []string, error) { return lib, nil, nil }})
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 30}) // before the load, as a terminal sends it
	m = runCmd(m, m.Init())
	if m.compare.Comparison() == nil {
		t.Fatal("the only article is not shown")
	}
	if got := m.compare.pane.Mode(); got != inline {
		t.Errorf("the only article reads %v, want %v", got, inline)
	}
	if s := screen(m); strings.Count(s, "It rained in Paris") != 1 {
		t.Errorf("the only article's text stands more than once:\n%s", s)
	}
}

// TestOnlyArticleNeitherExportsNorCopiesAPair: beside the only article,
// e wrote "newsdiff-only-vs-only.html", a page of the article against
// itself at 100%, where the reader itself says there is nothing to
// compare it with; and y copied its passage twice, as a pair of the same
// words. e is off and says why; y copies the passage once.
func TestOnlyArticleNeitherExportsNorCopiesAPair(t *testing.T) {
	const text = "A lone headline about the weather\n\nIt rained in Paris on Monday. The streets were wet and people carried umbrellas.\n"
	c, _, err := corpus.LoadFS(fstest.MapFS{"only.txt": {Data: []byte(text)}}, "one")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	var out bytes.Buffer
	r := lipgloss.NewRenderer(&out)
	r.SetColorProfile(termenv.Ascii)
	m := newModelOpts(t, c, 120, 30, Options{Renderer: r, WriteHTML: testPage})
	m = press(m, "e")
	if files, _ := filepath.Glob(filepath.Join(dir, "*")); len(files) != 0 {
		t.Errorf("e beside the only article wrote %q", files)
	}
	if status := screenLines(m)[28]; !strings.Contains(status, onlyArticle) {
		t.Errorf("e beside the only article: status %q, want %q", status, onlyArticle)
	}

	m = press(m, "y")
	copied := ""
	if _, b64, ok := strings.Cut(out.String(), "\x1b]52;c;"); ok {
		b64, _, _ = strings.Cut(b64, "\a")
		b64, _, _ = strings.Cut(b64, "\x1b")
		raw, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			t.Fatalf("the OSC 52 payload %q: %v", b64, err)
		}
		copied = string(raw)
	}
	if n := strings.Count(copied, "A lone headline"); n != 1 || strings.Count(copied, "only ¶") != 1 {
		t.Errorf("y beside the only article copied the passage %d times: %q", n, copied)
	}
	if status := screenLines(m)[28]; !strings.Contains(status, "copied the passage to the clipboard") {
		t.Errorf("y beside the only article: status %q", status)
	}
}
