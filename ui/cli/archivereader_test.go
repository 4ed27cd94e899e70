package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsdiff/newsdiff/corpus/archive"
	"github.com/newsdiff/newsdiff/ui"
)

// titles returns the titles a library lists.
func titles(lib ui.Library) []string {
	var out []string
	for _, a := range lib.Corpus().Articles() {
		out = append(out, a.Title)
	}
	return out
}

// refreshesOnOpen reports whether the reader refreshes lib in the
// background as it shows it: a ui.Refresher that is not listed from its
// files as they are (ui.Current).
func refreshesOnOpen(lib ui.Library) bool {
	if _, ok := lib.(ui.Refresher); !ok {
		return false
	}
	c, ok := lib.(ui.Current)
	return !ok || !c.Current()
}

// TestReaderOpensBeforeRefreshing: the reader on an indexed archive is
// given the listing of the index as it was, before its files are looked
// at; an article rewritten on disk before opening is listed anew once the
// background refresh has run, and a refresh that finds nothing changed
// lists nothing anew.
func TestReaderOpensBeforeRefreshing(t *testing.T) {
	ctx := context.Background()
	dir := archiveDir(t, 2)
	ar, err := archive.Open(ctx, dir, archive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ar.Close()
	const title = "Harbour bridge reopens after repairs"
	text := title + "\n\nThe harbour bridge reopened to traffic on Monday after two months of repairs to its deck.\n"
	if err := os.WriteFile(filepath.Join(dir, "z00.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}

	o := &archiveOpener{a: &app{}, dir: dir}
	defer o.close()
	lib, _, err := o.open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	r, ok := lib.(ui.Refresher)
	if !ok {
		t.Fatalf("the reader's library %T does not refresh in the background", lib)
	}
	if slices.Contains(titles(lib), title) {
		t.Fatalf("the first listing already holds the rewritten article: the files were looked at before it was shown")
	}
	fresh, _, err := r.Refresh(ctx)
	if err != nil || fresh == nil {
		t.Fatalf("Refresh = %v, %v; want the archive listed anew", fresh, err)
	}
	if !slices.Contains(titles(fresh), title) {
		t.Errorf("after refreshing, the list lacks the rewritten article: %q", titles(fresh))
	}
	if refreshesOnOpen(fresh) {
		t.Errorf("a listing made after refreshing refreshes again as the reader shows it")
	}

	// Opened again, nothing has changed: the refresh lists nothing anew.
	o2 := &archiveOpener{a: &app{}, dir: dir}
	defer o2.close()
	lib, _, err = o2.open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(titles(lib), title) {
		t.Errorf("the index lacks the rewritten article after a refresh: %q", titles(lib))
	}
	if fresh, _, err := lib.(ui.Refresher).Refresh(ctx); fresh != nil || err != nil {
		t.Errorf("Refresh of an unchanged archive = %v, %v; want nil", fresh, err)
	}
}

// TestReaderOnUnindexedArchive: a folder never indexed has no listing to
// show at once: it is indexed before the reader shows it.
func TestReaderOnUnindexedArchive(t *testing.T) {
	o := &archiveOpener{a: &app{}, dir: archiveDir(t, 2)}
	defer o.close()
	lib, _, err := o.open(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n := len(lib.Corpus().Articles()); n < 7 {
		t.Errorf("%d articles listed, want the 5 of the sample and 2 more", n)
	}
	if refreshesOnOpen(lib) {
		t.Errorf("a listing made by indexing refreshes again as the reader shows it")
	}
}

// TestReaderOnUnfinishedIndex: an index whose build was stopped before
// it grouped its articles (Ctrl-C during newsdiff index) is built before
// the reader shows it, as a folder never indexed is: listed as it was,
// every article sat under one story named after the first, and the pair
// opened on it was two unrelated articles.
func TestReaderOnUnfinishedIndex(t *testing.T) {
	dir := archiveDir(t, 2)
	ctx, cancel := context.WithCancel(context.Background())
	_, err := archive.Open(ctx, dir, archive.Options{Progress: func(p archive.Progress) {
		if p.Phase == "grouping" {
			cancel()
		}
	}})
	cancel()
	if err == nil {
		t.Fatal("the build was not stopped")
	}
	o := &archiveOpener{a: &app{}, dir: dir}
	defer o.close()
	lib, _, err := o.open(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if refreshesOnOpen(lib) {
		t.Errorf("the unfinished index was shown as it was, to refresh in the background")
	}
	var grouped []string
	for _, s := range lib.Corpus().Stories {
		if !s.Ungrouped {
			grouped = append(grouped, fmt.Sprintf("%s: %d", s.Name, len(s.Articles)))
		}
	}
	if len(grouped) != 1 || !strings.HasSuffix(grouped[0], ": 5") {
		t.Errorf("stories %q, want the sample's five articles alone in one", grouped)
	}
}

// TestReaderSaysIndexRebuilt is a regression test: the reader's first
// look at an archive rebuilt a damaged index and warned so, then opened
// the archive again to index it, and showed only the second opening's
// warnings, which found the index sound: a damaged index was rebuilt
// without a word. A warning both openings give is shown once.
func TestReaderSaysIndexRebuilt(t *testing.T) {
	for _, tt := range []struct {
		name   string
		damage func(t *testing.T, index string)
		want   string
	}{
		{"garbage", func(t *testing.T, index string) {
			if err := os.WriteFile(index, []byte("this is not a database, only text"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "was damaged or out of date (not an index); rebuilt"},
		{"a folder", func(t *testing.T, index string) {
			if err := os.Mkdir(index, 0o755); err != nil {
				t.Fatal(err)
			}
		}, "was damaged or out of date (a folder, not a file); rebuilt"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := archiveDir(t, 2)
			ar, err := archive.Open(context.Background(), dir, archive.Options{})
			if err != nil {
				t.Fatal(err)
			}
			ar.Close()
			index := filepath.Join(dir, archive.IndexDir, "index.db")
			for _, suffix := range []string{"", "-wal", "-shm"} {
				os.Remove(index + suffix)
			}
			tt.damage(t, index)
			o := &archiveOpener{a: &app{}, dir: dir}
			defer o.close()
			lib, lines, err := o.open(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(lines) != 1 || !strings.Contains(lines[0], tt.want) {
				t.Errorf("lines %q, want one saying %q", lines, tt.want)
			}
			if n := len(lib.Corpus().Articles()); n < 7 {
				t.Errorf("%d articles listed, want the 5 of the sample and 2 more", n)
			}
		})
	}
}

// TestReaderReloads: the reader's listing refreshes when the reader asks
// (ctrl+r), whether it was made by indexing the folder as the reader
// opened or by a refresh: an article saved into the folder, one rewritten
// and one removed while the reader runs are listed anew, and counted.
// Before, only a listing made from the index as it was refreshed, once,
// as the reader opened.
func TestReaderReloads(t *testing.T) {
	ctx := context.Background()
	dir := archiveDir(t, 2)
	o := &archiveOpener{a: &app{}, dir: dir}
	defer o.close()
	lib, _, err := o.open(ctx) // never indexed: indexed as it opens
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, title string) {
		t.Helper()
		text := title + "\n\nThe harbour bridge reopened to traffic on Monday after two months of repairs to its deck.\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// retime gives a file a modification time of its own, as saving it
	// again a moment later would: a file written twice within the clock's
	// step keeps its time.
	stamp := time.Now().Add(-time.Hour)
	retime := func(name string) {
		t.Helper()
		stamp = stamp.Add(time.Minute)
		if err := os.Chtimes(filepath.Join(dir, name), stamp, stamp); err != nil {
			t.Fatal(err)
		}
	}
	arts := lib.Corpus().Articles()
	if len(arts) < 3 {
		t.Fatalf("%d articles listed, want 3 or more", len(arts))
	}
	rewritten, removed := arts[0], arts[1]
	for i, step := range []struct {
		change      func()
		title, gone string
		want        ui.Changes
	}{
		{func() {
			write("saved.txt", "Harbour bridge reopens after repairs")
			write(filepath.Base(rewritten.Source), "Harbour bridge reopens, rewritten")
			if err := os.Remove(removed.Source); err != nil {
				t.Fatal(err)
			}
		}, "Harbour bridge reopens after repairs", removed.Title, ui.Changes{Added: 1, Changed: 1, Removed: 1}},
		// The listing the refresh made refreshes too.
		{func() { write("saved2.txt", "Second bridge reopens") }, "Second bridge reopens", "", ui.Changes{Added: 1}},
		// Saved again with the same bytes: resaved, not changed. The
		// reader said "list refreshed: 1 changed" of it.
		{func() { retime("saved2.txt") }, "Second bridge reopens", "", ui.Changes{Resaved: 1}},
		// The same length and a new time, other bytes: changed.
		{func() {
			write("saved2.txt", "Second bridge repairs")
			retime("saved2.txt")
		}, "Second bridge repairs", "Second bridge reopens", ui.Changes{Changed: 1}},
	} {
		r, ok := lib.(ui.Refresher)
		if !ok {
			t.Fatalf("reload %d: the reader's library %T does not refresh", i, lib)
		}
		if fresh, _, err := r.Refresh(ctx); fresh != nil || err != nil {
			t.Fatalf("reload %d: Refresh with nothing changed = %v, %v; want nil", i, fresh, err)
		}
		step.change()
		fresh, _, err := r.Refresh(ctx)
		if err != nil || fresh == nil {
			t.Fatalf("reload %d: Refresh = %v, %v; want the archive listed anew", i, fresh, err)
		}
		got := titles(fresh)
		if !slices.Contains(got, step.title) || (step.gone != "" && slices.Contains(got, step.gone)) {
			t.Errorf("reload %d: listed %q, want %q and not %q", i, got, step.title, step.gone)
		}
		if c, ok := fresh.(ui.ChangeCounter); !ok {
			t.Errorf("reload %d: %T counts no changes", i, fresh)
		} else if c.Changes() != step.want {
			t.Errorf("reload %d: changes counted %#v, want %#v", i, c.Changes(), step.want)
		}
		lib = fresh
	}
}

// TestServedReaderDoesNotReload: a reader served over SSH reads the
// listing every session shares, which the server refreshes for the
// sessions that come: it is no ui.Refresher, so its ctrl+r is off.
func TestServedReaderDoesNotReload(t *testing.T) {
	var lib ui.Library = servedListing{}
	if _, ok := lib.(ui.Refresher); ok {
		t.Errorf("a served session's listing refreshes on its own")
	}
}
