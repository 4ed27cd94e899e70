package archive

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// fullListing reads every row of the index at dir, bypassing the listing
// blob.
func fullListing(t *testing.T, dir string) []Entry {
	t.Helper()
	es, err := mustStore(t, dir).entryRows(context.Background(), `SELECT `+entryColumns+` FROM articles`)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// sameListing fails unless got and want hold the same entries.
func sameListing(t *testing.T, step string, got, want []Entry) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: listing of %d entries, the rows hold %d", step, len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if !g.ModTime.Equal(w.ModTime) {
			t.Fatalf("%s: %s: time %v, the row has %v", step, g.Path, g.ModTime, w.ModTime)
		}
		g.ModTime, w.ModTime = time.Time{}, time.Time{}
		if g != w {
			t.Fatalf("%s: listing has\n%+v\nthe row has\n%+v", step, g, w)
		}
	}
}

// TestListingFollowsEveryChange checks the listing an opening returns, read
// from the blob or brought up to date from the rows the refresh wrote,
// against every row read afresh, after each kind of change.
func TestListingFollowsEveryChange(t *testing.T) {
	dir := writeArchive(t)
	// Enough other files that a step's changed rows are few, and the
	// listing is brought up to date row by row rather than read whole.
	for i := range 60 {
		writeFile(t, dir, fmt.Sprintf("other-%02d.txt", i), fmt.Sprintf("Report number %d\n\nNothing happened on day %d of the quiet season.\n", i, i))
	}
	later := time.Now().Add(time.Hour)
	for _, step := range []struct {
		name   string
		change func()
	}{
		{"first build", func() {}},
		{"unchanged", func() {}},
		{"added", func() {
			writeFile(t, dir, "volcano.txt", "Volcano erupts near Reykjavik\n\nLava fountains lit the sky over the Reykjanes peninsula as a fissure opened.\n")
		}},
		{"changed in place, same size", func() {
			writeFile(t, dir, "zoo.txt", strings.Replace(unrelated["zoo.txt"], "Panda", "Koala", 1))
			if err := os.Chtimes(filepath.Join(dir, "zoo.txt"), later, later); err != nil {
				t.Fatal(err)
			}
		}},
		{"touched", func() {
			if err := os.Chtimes(filepath.Join(dir, "rain.txt"), later, later); err != nil {
				t.Fatal(err)
			}
		}},
		{"sidecar changed", func() {
			b, err := os.ReadFile(filepath.Join(dir, "meta.json"))
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, dir, "meta.json", strings.Replace(string(b), "Al Jazeera", "Al Jazeera English", 1))
		}},
		{"deleted", func() {
			if err := os.Remove(filepath.Join(dir, "volcano.txt")); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		step.change()
		a := open(t, dir, Options{})
		sameListing(t, step.name, a.entries, fullListing(t, dir))
		a.Close()
		// The next opening reads the blob the last one wrote.
		a = open(t, dir, Options{NoRefresh: true})
		sameListing(t, step.name+", reopened", a.entries, fullListing(t, dir))
		a.Close()
	}
	a := open(t, dir, Options{})
	titles := map[string]string{}
	outlets := map[string]string{}
	for _, e := range a.Entries() {
		titles[e.Path], outlets[e.Path] = e.Title, e.Outlet
	}
	if got := titles["zoo.txt"]; got != "Koala cub born at Edinburgh zoo" {
		t.Errorf("title changed in place, same size: got %q", got)
	}
	if got := outlets["003_95bcf1536ed6ca96.txt"]; got != "Al Jazeera English" {
		t.Errorf("outlet from a changed meta.json: got %q", got)
	}
}

// TestListingIgnoresAnotherWriter is a store whose index another process
// wrote to since its last listing: re-reading only its own rows would miss
// the other's, so it reads them all.
func TestListingIgnoresAnotherWriter(t *testing.T) {
	dir := writeArchive(t)
	open(t, dir, Options{}).Close()
	ctx := context.Background()
	mine, other := mustStore(t, dir), mustStore(t, dir)
	before, err := mine.Entries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := other.Delete(ctx, []string{"rain.txt"}); err != nil {
		t.Fatal(err)
	}
	if err := mine.Touch(ctx, []FileState{{Path: "zoo.txt", Size: 1, ModTime: time.Unix(1, 0)}}); err != nil {
		t.Fatal(err)
	}
	after, err := mine.Entries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sameListing(t, "after another writer", after, fullListing(t, dir))
	if len(after) != len(before)-1 {
		t.Errorf("%d entries after another store deleted one of %d", len(after), len(before))
	}
}

func TestDamagedListingIsReadFromRows(t *testing.T) {
	dir := writeArchive(t)
	open(t, dir, Options{}).Close()
	if _, err := mustStore(t, dir).db.Exec(`UPDATE listing SET data = x'01ff00'`); err != nil {
		t.Fatal(err)
	}
	a := open(t, dir, Options{})
	if got, want := shape(a), []string{sampleStory, "alone:rain.txt", "alone:zoo.txt"}; !slices.Equal(got, want) {
		t.Errorf("with a damaged listing:\ngot  %q\nwant %q", got, want)
	}
	if w := a.Warnings(nil); len(w) != 0 {
		t.Errorf("a damaged listing is only a cache; warnings %q", w)
	}
	a.Close()
	if _, _, ok, err := mustStore(t, dir).savedListing(context.Background()); !ok || err != nil {
		t.Errorf("the listing was not written again: ok %v, %v", ok, err)
	}
}

func FuzzDecodeListing(f *testing.F) {
	f.Add(encodeListing(nil))
	f.Add(encodeListing([]Entry{
		{ID: 1, Path: "a/b.txt", Article: "b", Outlet: "BBC", Title: "T", URL: "https://x", Date: "2016-07-27", Words: 300, Story: "a", Size: 1200, ModTime: time.Unix(0, 1e18)},
		{ID: -2, Path: "c.html", Group: 7, Problem: "no title", Skipped: true, Size: -1},
	}))
	f.Add([]byte{listingFormat, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, blob []byte) {
		es, err := decodeListing(string(blob))
		if err != nil {
			return
		}
		again, err := decodeListing(string(encodeListing(es)))
		if err != nil {
			t.Fatalf("a decoded listing does not decode once encoded again: %v", err)
		}
		if !reflect.DeepEqual(again, es) {
			t.Fatalf("round trip changed the listing:\n%+v\n%+v", es, again)
		}
	})
}

// TestLazyDocFreqMatchesFull checks the frequencies grouping reads term by
// term, when a few articles join a large archive, against the whole table.
func TestLazyDocFreqMatchesFull(t *testing.T) {
	dir := writeArchive(t)
	open(t, dir, Options{}).Close()
	ctx := context.Background()
	s := mustStore(t, dir)
	full, _, err := s.DocFreq(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, e := range fullListing(t, dir) {
		if e.Group != 0 {
			ids = append(ids, e.ID)
		}
	}
	sigs, err := s.Signatures(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	w := &weights{df: map[uint32]int32{}, store: s}
	if err := w.need(ctx, sigs...); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, sig := range sigs {
		for _, term := range sig.Terms {
			if got, ok := w.df[term]; !ok || got != full[term] {
				t.Fatalf("term %d: lazily %d (known %v), the table has %d", term, got, ok, full[term])
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no term checked")
	}
}

// age dates every file of dir, and dir, an hour ago, so that a refresh
// trusts the directory's time.
func age(t *testing.T, dir string) {
	t.Helper()
	past := time.Now().Add(-time.Hour)
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if !strings.HasPrefix(e.Name(), ".") {
			if err := os.Chtimes(filepath.Join(dir, e.Name()), past, past); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.Chtimes(dir, past, past); err != nil {
		t.Fatal(err)
	}
}

// readsOf opens dir with opts and returns the paths read.
func readsOf(t *testing.T, dir string, opts Options) []string {
	t.Helper()
	var read []string
	opts.Progress = func(p Progress) {
		if p.Phase == "reading" {
			read = append(read, "")
		}
	}
	a := open(t, dir, opts)
	a.Close()
	return read
}

func TestFocusedRefresh(t *testing.T) {
	dir := writeArchive(t)
	// Made by the first opening, the index's folder leaves the archive's
	// time too recent to trust: the files and the folder are dated an
	// hour ago, and a second opening records that time.
	open(t, dir, Options{}).Close()
	age(t, dir)
	open(t, dir, Options{}).Close()
	edit := func(name, from, to string) {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		// Same size, a new time, and the directory's time unchanged, as
		// an editor that writes in place leaves them.
		dirInfo, err := os.Stat(dir)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, dir, name, strings.Replace(string(b), from, to, 1))
		now := time.Now()
		if err := os.Chtimes(filepath.Join(dir, name), now, now); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(dir, dirInfo.ModTime(), dirInfo.ModTime()); err != nil {
			t.Fatal(err)
		}
	}
	story := Options{Focus: FocusStory("donald")}

	// A file of the story, edited in place: read again.
	edit("003_95bcf1536ed6ca96.txt", "Trump", "Trunp")
	if got := readsOf(t, dir, story); len(got) != 1 {
		t.Errorf("story file edited in place: %d files read, want 1", len(got))
	}
	// A file of another story, edited in place: not looked at by a
	// focused refresh, read by the next full one.
	edit("zoo.txt", "Panda", "Koala")
	if got := readsOf(t, dir, story); len(got) != 0 {
		t.Errorf("another story's file edited in place: %d files read by a focused refresh, want 0", len(got))
	}
	a := open(t, dir, story)
	if s, err := a.FindStory("donald"); err != nil || len(s.Entries) != 5 {
		t.Errorf("focused on the story: %v, %v", s, err)
	}
	a.Close()
	if got := readsOf(t, dir, Options{}); len(got) != 1 {
		t.Errorf("full refresh after an edit in place: %d files read, want 1", len(got))
	}

	// A file added: the directory's time changed, so the focused refresh
	// is a full one, and sees it.
	writeFile(t, dir, "volcano.txt", "Volcano erupts near Reykjavik\n\nLava fountains lit the sky over the Reykjanes peninsula.\n")
	if got := readsOf(t, dir, story); len(got) != 1 {
		t.Errorf("file added: %d files read by a focused refresh, want 1", len(got))
	}
	// That refresh found the directory changed a moment ago, a time it
	// does not trust: the next focused refresh is a full one too.
	edit("rain.txt", "Heavy", "Hefty")
	if got := readsOf(t, dir, story); len(got) != 1 {
		t.Errorf("edit in place after a racy directory time: %d files read, want 1", len(got))
	}
	// A file deleted, in a directory dated an hour ago again.
	age(t, dir)
	open(t, dir, Options{}).Close()
	if err := os.Remove(filepath.Join(dir, "volcano.txt")); err != nil {
		t.Fatal(err)
	}
	a = open(t, dir, story)
	for _, e := range a.Entries() {
		if e.Path == "volcano.txt" {
			t.Errorf("deleted file still listed after a focused refresh")
		}
	}
	a.Close()
}
