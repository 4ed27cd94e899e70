package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

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
	if _, ok := fresh.(ui.Refresher); ok {
		t.Errorf("a listing made after refreshing refreshes again")
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
	if _, ok := lib.(ui.Refresher); ok {
		t.Errorf("a listing made by indexing refreshes again")
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
	if _, ok := lib.(ui.Refresher); ok {
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
