package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/archive"

	"github.com/newsdiff/newsdiff/corpus/archive/archivetest"
)

// rebuildingArchive is an archive's listing that rebuilds its index when
// a search finds it damaged, by opening it again as the command line's
// reader does; rebuilds counts the rebuilds asked for.
type rebuildingArchive struct {
	*archive.Listing
	t        *testing.T
	dir      string
	rebuilds *int
}

func (r rebuildingArchive) Damaged(err error) (string, bool) {
	if !archive.IsCorrupt(err) {
		return "", false
	}
	return r.Archive().IndexPath(), true
}

func (r rebuildingArchive) Rebuild(ctx context.Context) (Library, []string, error) {
	*r.rebuilds++
	ar, err := archive.Open(ctx, r.dir, archive.Options{})
	if err != nil {
		return nil, nil, err
	}
	r.t.Cleanup(func() { ar.Close() })
	return rebuildingArchive{Listing: ar.Listing(0), t: r.t, dir: r.dir, rebuilds: r.rebuilds}, ar.Warnings(nil), nil
}

// runHolding runs cmd as runCmd does, but holds back, rather than
// delivers, the messages of rebuilds and refreshes, and returns them.
func runHolding(m Model, cmd tea.Cmd) (Model, []refreshedMsg) {
	var held []refreshedMsg
	var run func(cmd tea.Cmd)
	run = func(cmd tea.Cmd) {
		if cmd == nil {
			return
		}
		switch msg := cmd().(type) {
		case nil, tea.QuitMsg:
		case tea.BatchMsg:
			for _, c := range msg {
				run(c)
			}
		case refreshedMsg:
			held = append(held, msg)
		default:
			tm, next := m.Update(msg)
			m = tm.(Model)
			run(next)
		}
	}
	run(cmd)
	return m, held
}

// TestSearchOfDamagedIndexRebuildsIt is a regression test: a search of
// the archive's text that found its full-text index damaged said "the
// archive's text could not be searched: the filter matched titles,
// outlets and stories only", which named no index, and left it damaged
// for the session, every search failing, until the next opening rebuilt
// it. The index is rebuilt in the background, once, as one the reader's
// check finds damaged is, the status line naming it meanwhile; then the
// archive is listed anew, with the warning that it was rebuilt, and its
// text is searched.
func TestSearchOfDamagedIndexRebuildsIt(t *testing.T) {
	ctx := context.Background()
	dir := sampleArchive(t)
	ar, err := archive.Open(ctx, dir, archive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ar.Close()
	p := filepath.Join(dir, archive.IndexDir, "index.db")
	archivetest.DamagePages(t, p, `name = 'fts_data'`)
	ar, err = archive.Open(ctx, dir, archive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ar.Close() })
	if w := ar.Warnings(nil); len(w) != 0 {
		t.Fatalf("the damage was found opening the archive: %q", w)
	}
	rebuilds := 0
	lib := rebuildingArchive{Listing: ar.Listing(0), t: t, dir: dir, rebuilds: &rebuilds}
	m := New(nil, analysis.NewCache(), Options{Renderer: renderer(termenv.Ascii), Loading: "the archive",
		Open: func(context.Context) (Library, []string, error) { return lib, nil, nil }})
	m = runCmd(m, m.Init())
	m = send(m, tea.WindowSizeMsg{Width: 240, Height: 30})

	// The query rests, and the archive is searched.
	m = press(m, "tab", "/")
	tm, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("zookeepers"), Paste: true})
	m, held := runHolding(tm.(Model), cmd)
	s := screen(m)
	if want := "text could not be searched (index " + p + " is damaged; rebuilding it)"; !strings.Contains(s, want) {
		t.Errorf("filter zookeepers on a damaged full text: want %q said:\n%s", want, s)
	}
	if rebuilds != 1 || len(held) != 1 {
		t.Fatalf("%d rebuilds, %d messages; want the index rebuilt once", rebuilds, len(held))
	}
	// Another search while the index is rebuilt fails too, and asks for
	// no second rebuild.
	tm, cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(" cub"), Paste: true})
	m, more := runHolding(tm.(Model), cmd)
	if rebuilds != 1 || len(more) != 0 {
		t.Errorf("a search during the rebuild: %d rebuilds, %d messages; want no other", rebuilds, len(more))
	}

	m = send(m, held[0])
	s = screen(m)
	if want := "warning: index " + p + " was damaged or out of date (its full text unreadable); rebuilt"; !strings.Contains(s, want) {
		t.Errorf("after the rebuild, want %q said:\n%s", want, s)
	}
	if !strings.Contains(s, "index was rebuilt") {
		t.Errorf("after the rebuild, the status line does not say so:\n%s", s)
	}
	// The filter typed is kept: typed again, the text is searched.
	m = press(m, "ctrl+u")
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("zookeepers"), Paste: true})
	s = screen(m)
	if strings.Contains(s, "could not be searched") || !strings.Contains(s, "Panda cub born") {
		t.Errorf("filter zookeepers on the rebuilt index: want the text searched, the panda's article found:\n%s", s)
	}
	if rebuilds != 1 {
		t.Errorf("%d rebuilds, want 1", rebuilds)
	}
}
