package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/articles"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/archive"
	"github.com/newsdiff/newsdiff/corpus/story"
)

// harbourText is an article saved into the folder while the reader runs.
const harbourText = "Harbour bridge reopens after repairs\n\nThe harbour bridge reopened to traffic on Monday after two months of repairs to its deck. " +
	"Commuters said the detour had added half an hour to every journey.\n"

// refreshesIn returns the refresh that cmd, run as the runtime would,
// sends, and the messages it sends besides, for the test to deliver.
func refreshesIn(cmd tea.Cmd) (refreshes []refreshedMsg, others []tea.Msg) {
	if cmd == nil {
		return nil, nil
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			r, o := refreshesIn(c)
			refreshes, others = append(refreshes, r...), append(others, o...)
		}
	case refreshedMsg:
		refreshes = append(refreshes, msg)
	default:
		others = append(others, msg)
	}
	return refreshes, others
}

// titlesOf returns the titles of the articles lib lists.
func titlesOf(lib Library) []string {
	var out []string
	for _, a := range lib.Corpus().Articles() {
		out = append(out, a.Title)
	}
	return out
}

// TestReloadListsWhatWasSaved: ctrl+r refreshes the archive as the reader
// does as it opens: an article saved into the folder while the reader
// runs is listed once the refresh lands, the status saying what changed;
// pressed again while the refresh runs, it starts none; pressed when
// nothing changed, it says so. Before, the reader refreshed only as it
// opened, and the article was listed only once it was started again.
func TestReloadListsWhatWasSaved(t *testing.T) {
	lib := staleListing(t, func(string) {})
	m, start := refreshHeld(t, lib, 120, 40)
	m = send(m, start()) // nothing changed as the reader opened
	if !m.keys.Reload.Enabled() {
		t.Fatal("ctrl+r is off on an archive that can be refreshed")
	}
	left, right := m.left.Source, m.right.Source
	writeText(t, lib.dir, "harbour.txt", harbourText)

	tm, cmd := m.Update(keyMsg("ctrl+r"))
	m = tm.(Model)
	if s := screen(m); !strings.Contains(s, "checking the archive's files") {
		t.Errorf("while the refresh runs, the status does not say so:\n%s", s)
	}
	tm, again := m.Update(keyMsg("ctrl+r"))
	m = tm.(Model)
	if s := screen(m); !strings.Contains(s, "already checking") {
		t.Errorf("ctrl+r pressed again while the refresh runs does not say it is under way:\n%s", s)
	}
	if refreshes, _ := refreshesIn(again); len(refreshes) > 0 {
		t.Errorf("ctrl+r pressed again while the refresh runs started %d more", len(refreshes))
	}
	refreshes, others := refreshesIn(cmd)
	if len(refreshes) != 1 {
		t.Fatalf("ctrl+r started %d refreshes, want 1", len(refreshes))
	}
	for _, msg := range others {
		m = send(m, msg)
	}
	m = send(m, refreshes[0])
	if !slices.Contains(titlesOf(m.lib), "Harbour bridge reopens after repairs") {
		t.Fatalf("after ctrl+r, the article saved is not listed: %q", titlesOf(m.lib))
	}
	s := screen(m)
	if !strings.Contains(s, "list refreshed: 1 added") {
		t.Errorf("after ctrl+r, the status does not say what changed:\n%s", s)
	}
	if !strings.Contains(s, "Harbour bridge") {
		t.Errorf("after ctrl+r, the list does not show the article saved:\n%s", s)
	}
	if m.left.Source != left || m.right.Source != right || m.lib.Listed(m.left) != m.left {
		t.Errorf("pair after ctrl+r %s | %s, want %s | %s of the new listing", m.left.Source, m.right.Source, left, right)
	}

	// The listing the refresh made reloads too; with nothing changed,
	// it says so and keeps the listing.
	was := m.lib
	tm, cmd = m.Update(keyMsg("ctrl+r"))
	m = runCmd(tm.(Model), cmd)
	if s := screen(m); !strings.Contains(s, "nothing changed") || m.lib != was {
		t.Errorf("ctrl+r with nothing changed replaced the listing (%v) or did not say so:\n%s", m.lib != was, s)
	}
}

// TestReloadOnlyWhereItCan: ctrl+r is in the full help and works only on
// a library that can be refreshed: not on the articles built into the
// program, which cannot change, nor on a listing that is no Refresher, as
// the one a reader served over SSH shares with every session; there the
// key says why it does nothing.
func TestReloadOnlyWhereItCan(t *testing.T) {
	sample, _, err := story.LoadFS(articles.FS, "")
	if err != nil {
		t.Fatal(err)
	}
	listed := func(t *testing.T) Library {
		ar, err := archive.Open(context.Background(), sampleArchive(t), archive.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ar.Close() })
		return ar.Listing(0)
	}
	onLibrary := func(t *testing.T, lib Library) Model {
		m := New(nil, analysis.NewCache(), Options{Renderer: renderer(termenv.Ascii), Loading: "the archive",
			Open: func(context.Context) (Library, []string, error) { return lib, nil, nil }})
		m = send(m, tea.WindowSizeMsg{Width: 160, Height: 60})
		return send(m, loadedMsg{c: lib.Corpus(), lib: lib})
	}
	for _, tc := range []struct {
		name   string
		reader func(t *testing.T) Model
		on     bool
	}{
		{"a folder's archive", func(t *testing.T) Model { return onLibrary(t, staleListing(t, func(string) {})) }, true},
		{"the built-in articles", func(t *testing.T) Model {
			return send(New(sample, analysis.NewCache(), Options{Renderer: renderer(termenv.Ascii)}), tea.WindowSizeMsg{Width: 160, Height: 60})
		}, false},
		{"a listing that cannot refresh", func(t *testing.T) Model { return onLibrary(t, listed(t)) }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := tc.reader(t)
			if m.state != stateReady {
				t.Fatalf("reader not ready:\n%s", screen(m))
			}
			if got := m.keys.Reload.Enabled(); got != tc.on {
				t.Errorf("ctrl+r enabled %v, want %v", got, tc.on)
			}
			inHelp := false
			for _, sec := range helpSections(m.helpKeyMap()) {
				for _, e := range sec.entries {
					inHelp = inHelp || slices.Contains(e.keys, "ctrl+r")
				}
			}
			if inHelp != tc.on {
				t.Errorf("ctrl+r in the full help %v, want %v", inHelp, tc.on)
			}
			tm, cmd := m.Update(keyMsg("ctrl+r"))
			m = tm.(Model)
			refreshes, _ := refreshesIn(cmd)
			if (len(refreshes) == 1) != tc.on {
				t.Errorf("ctrl+r started %d refreshes, want one: %v (status %q)", len(refreshes), tc.on, m.flash)
			}
			if !tc.on && !strings.Contains(screen(m), reloadOff) {
				t.Errorf("ctrl+r where it is off does not say why:\n%s", screen(m))
			}
			// The keymap is the reader's, shared with m's copies: the
			// help is opened last.
			if s := screen(press(m, "?")); strings.Contains(s, "ctrl+r") != tc.on {
				t.Errorf("the help shown lists ctrl+r %v, want %v:\n%s", !tc.on, tc.on, s)
			}
		})
	}
}

// TestCountChanges: a library that does not count what a refresh changed
// has it counted from the listings: an article listed anew, one listed
// no more, and one whose title changed.
func TestCountChanges(t *testing.T) {
	lib := staleListing(t, func(dir string) {
		writeText(t, dir, "harbour.txt", harbourText)
		writeText(t, dir, "zoo.txt", strings.Replace(zooText, "Panda cub born", "Twin panda cubs born", 1))
		removeFile(t, dir, "rain.txt")
	})
	fresh, _, err := lib.Refresh(context.Background())
	if err != nil || fresh == nil {
		t.Fatalf("Refresh = %v, %v; want the archive listed anew", fresh, err)
	}
	if got, want := countChanges(lib, fresh), (Changes{Added: 1, Changed: 1, Removed: 1}); got != want {
		t.Errorf("countChanges = %+v, want %+v", got, want)
	}
	for _, tc := range []struct {
		c    Changes
		want string
	}{
		{Changes{}, ""},
		{Changes{Added: 1}, "1 added"},
		{Changes{Added: 1, Changed: 1}, "1 added, 1 changed"},
		{Changes{Changed: 2, Removed: 3}, "2 changed, 3 removed"},
	} {
		if got := tc.c.String(); got != tc.want {
			t.Errorf("%+v.String() = %q, want %q", tc.c, got, tc.want)
		}
	}
}

// TestRebuildLandingKeepsRefreshUnderWay: a rebuild of the index (a
// search found it damaged) that lands while a ctrl+r refresh runs does not
// end that refresh: ctrl+r pressed then still says one is under way and
// starts no second.
func TestRebuildLandingKeepsRefreshUnderWay(t *testing.T) {
	lib := staleListing(t, func(string) {})
	m, start := refreshHeld(t, lib, 120, 40)
	m = send(m, start())
	tm, cmd := m.Update(keyMsg("ctrl+r"))
	m = tm.(Model)
	if refreshes, _ := refreshesIn(cmd); len(refreshes) != 1 {
		t.Fatalf("ctrl+r started %d refreshes, want 1", len(refreshes))
	}
	m = send(m, refreshedMsg{rebuilt: true})
	tm, again := m.Update(keyMsg("ctrl+r"))
	m = tm.(Model)
	if refreshes, _ := refreshesIn(again); len(refreshes) > 0 {
		t.Errorf("ctrl+r after a rebuild landed started %d refreshes while one runs", len(refreshes))
	}
	if s := screen(m); !strings.Contains(s, "already checking") {
		t.Errorf("ctrl+r after a rebuild landed does not say a refresh is under way:\n%s", s)
	}
}

// TestRefreshedFlashOfResavedFiles: a refresh that found only files saved
// again with the bytes they had (a folder copied again, its times new)
// says nothing as the reader opens, and "nothing changed" when ctrl+r
// asked; before, it said "the archive changed on disk; list refreshed: 3
// changed" of articles none of which had. Among other changes, the
// resaved files are not counted.
func TestRefreshedFlashOfResavedFiles(t *testing.T) {
	for _, tc := range []struct {
		changes Changes
		asked   bool
		want    string
	}{
		{Changes{Resaved: 3}, false, ""},
		{Changes{Resaved: 3}, true, unchangedFlash},
		{Changes{Changed: 1, Resaved: 2}, false, "the archive changed on disk; list refreshed: 1 changed"},
		{Changes{Added: 1, Resaved: 2}, true, "list refreshed: 1 added"},
		// Nothing counted and nothing resaved: what changed is not
		// what the list shows (a story grouped anew, a byline).
		{Changes{}, true, "list refreshed"},
	} {
		if got := refreshedFlash(refreshedMsg{changes: tc.changes, asked: tc.asked}); got != tc.want {
			t.Errorf("refreshedFlash(%#v, asked %v) = %q, want %q", tc.changes, tc.asked, got, tc.want)
		}
	}
}
