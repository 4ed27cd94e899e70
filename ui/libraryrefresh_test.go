package ui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/archive"
)

// refreshingArchive is an archive listed from its index as it was, which
// refreshes by opening it again as the command line's reader does; so
// does the listing a refresh makes, when ctrl+r asks.
type refreshingArchive struct {
	*archive.Listing
	t   *testing.T
	dir string
}

func (r refreshingArchive) Refresh(ctx context.Context) (Library, []string, error) {
	ar, err := archive.Open(ctx, r.dir, archive.Options{})
	if err != nil {
		return nil, nil, err
	}
	r.t.Cleanup(func() { ar.Close() })
	if !ar.Changed() {
		return nil, nil, nil
	}
	return refreshingArchive{Listing: ar.Listing(0), t: r.t, dir: r.dir}, nil, nil
}

// staleListing indexes the sample archive, lets change alter its files,
// and returns it listed from the index as it was, to refresh.
func staleListing(t *testing.T, change func(dir string)) refreshingArchive {
	t.Helper()
	ctx := context.Background()
	dir := sampleArchive(t)
	ar, err := archive.Open(ctx, dir, archive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ar.Close()
	change(dir)
	ar, err = archive.Open(ctx, dir, archive.Options{NoRefresh: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ar.Close() })
	return refreshingArchive{Listing: ar.Listing(0), t: t, dir: dir}
}

// TestReaderRefreshesInBackground: on a library listed from its index as
// it was, the reader shows the list at once, saying that it checks the
// files; an article rewritten on disk is listed anew once the refresh has
// come, the pair on screen staying where it was.
func TestReaderRefreshesInBackground(t *testing.T) {
	lib := staleListing(t, func(dir string) {
		writeText(t, dir, "zoo.txt", strings.Replace(zooText, "Panda cub born", "Twin panda cubs born", 1))
	})

	m := New(nil, analysis.NewCache(), Options{Renderer: renderer(termenv.Ascii), Loading: "the archive",
		Open: func(context.Context) (Library, []string, error) { return lib, nil, nil }})
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 30})
	tm, cmd := m.Update(loadedMsg{c: lib.Corpus(), lib: lib})
	m = tm.(Model)
	s := screen(m)
	if m.state != stateReady || !strings.Contains(s, "Panda cub born") || strings.Contains(s, "Twin panda") {
		t.Fatalf("before the refresh, want the index's list shown:\n%s", s)
	}
	if !strings.Contains(s, "checking the archive") {
		t.Errorf("before the refresh, the status does not say the files are being checked:\n%s", s)
	}
	left, right := m.left.Source, m.right.Source

	m = runCmd(m, cmd)
	s = screen(m)
	if !strings.Contains(s, "Twin panda") || m.lib == Library(lib) {
		t.Fatalf("after the refresh, the rewritten article is not listed:\n%s", s)
	}
	if !strings.Contains(s, "list refreshed") {
		t.Errorf("after the refresh, the status does not say the list was refreshed:\n%s", s)
	}
	if m.left.Source != left || m.right.Source != right || m.lib.Listed(m.left) != m.left {
		t.Errorf("pair after refresh %s | %s, want %s | %s of the new listing", m.left.Source, m.right.Source, left, right)
	}
	if c := m.compare.Comparison(); c == nil || m.lib.Listed(c.Left) != m.left {
		t.Errorf("after the refresh, the comparison shown is not of the pair")
	}
}

// TestReaderRefreshFindsNothing: when the files are as the index holds
// them, the refresh leaves the reader as it was, the note gone.
func TestReaderRefreshFindsNothing(t *testing.T) {
	lib := staleListing(t, func(string) {})
	m := New(nil, analysis.NewCache(), Options{Renderer: renderer(termenv.Ascii), Loading: "the archive",
		Open: func(context.Context) (Library, []string, error) { return lib, nil, nil }})
	m = runCmd(m, m.Init())
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 30})
	if m.lib != Library(lib) || m.flash != "" {
		t.Errorf("library replaced (%v) or note left (%q) after a refresh that found nothing", m.lib != Library(lib), m.flash)
	}
}

// TestRefreshKeepsTheSimilarities is a regression test: after a refresh
// that listed the archive anew, keeping the first pair, the list showed
// "…" for the similarity of every other article of the story for good:
// the command asking for them was dropped with the pair install set.
func TestRefreshKeepsTheSimilarities(t *testing.T) {
	lib := staleListing(t, func(dir string) {
		writeText(t, dir, "zoo.txt", strings.Replace(zooText, "Panda cub born", "Twin panda cubs born", 1))
	})
	m := New(nil, analysis.NewCache(), Options{Renderer: renderer(termenv.Ascii), Loading: "the archive",
		Open: func(context.Context) (Library, []string, error) { return lib, nil, nil }})
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 30})
	m = send(m, loadedMsg{c: lib.Corpus(), lib: lib})
	if !strings.Contains(screen(m), "list refreshed") {
		t.Fatalf("the archive was not refreshed:\n%s", screen(m))
	}
	p := m.compare.articles
	if p.simsFor != m.left {
		t.Fatalf("after the refresh, no similarities to the left article:\n%s", screen(m))
	}
	for _, a := range m.storyArticles(m.left) {
		if _, ok := p.sims[a]; !ok && a != m.left {
			t.Errorf("after the refresh, no similarity for %s", a.Outlet)
		}
	}
}
