package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/archive"
)

// TestRefreshFailureSaysWhySafely is a regression test: a background
// refresh that failed put its error, which names the archive's folder,
// into the status bar as it was, so that a folder named with a terminal
// escape reached the terminal raw. It is made one safe line, as the error
// of a failed load is.
func TestRefreshFailureSaysWhySafely(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "news\x1b]0;owned\a\x1b[2J")
	if err := os.Rename(sampleArchive(t), dir); err != nil {
		t.Fatal(err)
	}
	ar, err := archive.Open(ctx, dir, archive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ar.Close() })
	lib := refreshingArchive{Listing: ar.Listing(0), t: t, dir: dir}
	// The folder goes away under the reader: opening it again fails,
	// naming it.
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}

	m := New(nil, analysis.NewCache(), Options{Renderer: renderer(termenv.Ascii), Loading: "the archive",
		Open: func(context.Context) (Library, []string, error) { return lib, nil, nil }})
	m = send(m, tea.WindowSizeMsg{Width: 200, Height: 30})
	tm, cmd := m.Update(loadedMsg{c: lib.Corpus(), lib: lib})
	m = runCmd(tm.(Model), cmd)
	v := m.View()
	if !strings.Contains(v, "could not check the archive's files") {
		t.Fatalf("the failed refresh is not said:\n%s", v)
	}
	if strings.ContainsAny(v, "\x1b\a") {
		t.Errorf("the status bar carries the folder's escape raw: %q", m.flash)
	}
}
