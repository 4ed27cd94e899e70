package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsdiff/newsdiff/articles"
)

// unrelated are articles on events of their own, each sharing nothing with
// the sample story or each other.
var unrelated = map[string]string{
	"zoo.txt": "Panda cub born at Edinburgh zoo\n\nKeepers at Edinburgh zoo said a giant panda cub was born overnight, the first in Scotland. " +
		"The cub weighed about 150 grams and is feeding well, zookeepers reported. Visitors will wait several months before seeing the bamboo-loving newborn.\n",
	"rain.txt": "Monsoon floods cut roads in Kerala\n\nHeavy monsoon rain flooded low-lying villages across Kerala, washing out bridges and cutting highways. " +
		"Fishermen rowed boats through waterlogged streets to rescue stranded families. Meteorologists forecast further downpours through the weekend.\n",
}

// writeArchive makes a flat folder with the sample story's five articles
// (and their meta.json) and the unrelated articles.
func writeArchive(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(articles.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(articles.FS, p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, p), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range unrelated {
		writeFile(t, dir, name, text)
	}
	return dir
}

func writeFile(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func open(t *testing.T, dir string, opts Options) *Archive {
	t.Helper()
	a, err := Open(context.Background(), dir, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { a.Close() })
	return a
}

// shape describes the stories of an archive: each story's file names,
// sorted, with "alone:" before a story of one found by content.
func shape(a *Archive) []string {
	var out []string
	for _, s := range a.Stories() {
		var names []string
		for _, e := range s.Entries {
			names = append(names, e.Path)
		}
		slices.Sort(names)
		prefix := ""
		if s.Alone {
			prefix = "alone:"
		}
		out = append(out, prefix+strings.Join(names, ","))
	}
	slices.Sort(out)
	return out
}

const sampleStory = "000_bcfc8e1eaa4c1094.txt,001_9395587074693dba.txt,002_c1f76316b70f05c9.txt,003_95bcf1536ed6ca96.txt,004_b32972e7c9273033.txt"

func TestOpenGroupsWithoutCatchAll(t *testing.T) {
	dir := writeArchive(t)
	a := open(t, dir, Options{})
	want := []string{sampleStory, "alone:rain.txt", "alone:zoo.txt"}
	if got := shape(a); !slices.Equal(got, want) {
		t.Errorf("stories:\ngot  %q\nwant %q", got, want)
	}
	stories := a.Stories()
	if last := stories[len(stories)-1]; !last.Alone {
		t.Errorf("the articles that group with nothing should be listed last, got %q last", last.Name)
	}
	if _, err := os.Stat(filepath.Join(dir, IndexDir, indexFile)); err != nil {
		t.Errorf("index not beside the archive: %v", err)
	}
	for _, e := range a.Entries() {
		if e.Path == "003_95bcf1536ed6ca96.txt" && e.Outlet != "Al Jazeera" {
			t.Errorf("outlet from meta.json: got %q, want %q", e.Outlet, "Al Jazeera")
		}
	}
}

func TestRefreshIsIncremental(t *testing.T) {
	dir := writeArchive(t)
	open(t, dir, Options{}).Close()

	// Nothing changed: nothing is read.
	var reads []Progress
	progress := func(p Progress) {
		if p.Phase == "reading" {
			reads = append(reads, p)
		}
	}
	open(t, dir, Options{Progress: progress}).Close()
	if len(reads) != 0 {
		t.Errorf("unchanged archive: %d files read, want 0", len(reads))
	}

	// Added: an edited copy of a sample article joins its story; a new
	// unrelated article is alone.
	seed, err := os.ReadFile(filepath.Join(dir, "003_95bcf1536ed6ca96.txt"))
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(seed), "Trump", "Donald Trump", 3)
	writeFile(t, dir, "005_copy.txt", edited)
	writeFile(t, dir, "volcano.txt", "Volcano erupts near Reykjavik\n\nLava fountains lit the sky over the Reykjanes peninsula as a fissure opened, "+
		"and Icelandic authorities evacuated Grindavik. Geologists measured sulphur plumes drifting towards the capital.\n")
	reads = nil
	a := open(t, dir, Options{Progress: progress})
	if len(reads) == 0 || reads[len(reads)-1].Total != 2 {
		t.Errorf("two files added: progress %v, want a total of 2", reads)
	}
	want := []string{sampleStory + ",005_copy.txt", "alone:rain.txt", "alone:volcano.txt", "alone:zoo.txt"}
	if got := shape(a); !slices.Equal(got, want) {
		t.Errorf("after adding:\ngot  %q\nwant %q", got, want)
	}
	a.Close()

	// Changed: a new title is picked up; the same bytes with a new time
	// are not re-indexed.
	writeFile(t, dir, "zoo.txt", strings.Replace(unrelated["zoo.txt"], "Panda cub born", "Second panda cub born", 1))
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "rain.txt"), later, later); err != nil {
		t.Fatal(err)
	}
	a = open(t, dir, Options{})
	titles := map[string]string{}
	for _, e := range a.Entries() {
		titles[e.Path] = e.Title
	}
	if got := titles["zoo.txt"]; got != "Second panda cub born at Edinburgh zoo" {
		t.Errorf("changed title: got %q", got)
	}
	// Touched tells the reader which of the two it may leave uncounted.
	for _, tc := range []struct {
		path string
		want bool
	}{{"rain.txt", true}, {"zoo.txt", false}, {"volcano.txt", false}} {
		if got := a.Touched(tc.path); got != tc.want {
			t.Errorf("Touched(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
	a.Close()
	if fs, err := mustStore(t, dir).Files(context.Background()); err != nil {
		t.Fatal(err)
	} else {
		for _, f := range fs {
			if f.Path == "rain.txt" && !f.ModTime.Equal(later) {
				t.Errorf("touched file: stored time %v, want %v", f.ModTime, later)
			}
		}
	}

	// Deleted: gone from the listing, its story, and search.
	if err := os.Remove(filepath.Join(dir, "005_copy.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "volcano.txt")); err != nil {
		t.Fatal(err)
	}
	a = open(t, dir, Options{})
	want = []string{sampleStory, "alone:rain.txt", "alone:zoo.txt"}
	if got := shape(a); !slices.Equal(got, want) {
		t.Errorf("after deleting:\ngot  %q\nwant %q", got, want)
	}
	if got, err := a.Search(context.Background(), "Grindavik", 10); err != nil || len(got) != 0 {
		t.Errorf("search for a deleted article's word: %v, %v", got, err)
	}
}

// mustStore opens the archive's index directly.
func mustStore(t *testing.T, dir string) *SQLite {
	t.Helper()
	return mustOpenSQLite(t, filepath.Join(dir, IndexDir, indexFile))
}

// mustOpenSQLite opens the index at path, closing it when the test ends.
func mustOpenSQLite(t *testing.T, path string) *SQLite {
	t.Helper()
	s, err := OpenSQLite(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestDocumentFrequenciesFollowDeletes(t *testing.T) {
	dir := writeArchive(t)
	open(t, dir, Options{}).Close()
	before, docs, err := mustStore(t, dir).DocFreq(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "volcano.txt", "Volcano erupts near Reykjavik\n\nLava fountains lit the sky over the Reykjanes peninsula.\n")
	open(t, dir, Options{}).Close()
	os.Remove(filepath.Join(dir, "volcano.txt"))
	open(t, dir, Options{}).Close()
	after, docs2, err := mustStore(t, dir).DocFreq(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if docs != docs2 || len(before) != len(after) {
		t.Errorf("after adding and deleting one article: %d articles and %d terms, want %d and %d", docs2, len(after), docs, len(before))
	}
	for term, n := range before {
		if after[term] != n {
			t.Errorf("term %d: df %d, want %d", term, after[term], n)
			break
		}
	}
}

func TestCorruptIndexIsRebuilt(t *testing.T) {
	// Each warning gives the reason in words of the index: SQLite's
	// message, its code in brackets, said "database disk image is
	// malformed (11)", and a folder in the index's place failed every
	// command with "unable to open database file (14)".
	for _, tt := range []struct {
		name   string
		damage func(path string) error
		reason string
	}{
		{"garbage", func(p string) error { return os.WriteFile(p, []byte("this is not a database, only text"), 0o644) }, "not an index"},
		{"truncated", func(p string) error {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(p, b[:len(b)/3], 0o644)
		}, "unreadable"},
		{"other version", func(p string) error {
			db, err := sql.Open("sqlite", p)
			if err != nil {
				return err
			}
			defer db.Close()
			_, err = db.Exec(`UPDATE meta SET value = 'from the future' WHERE key = 'schema'`)
			return err
		}, "made by another version"},
		{"emptied tables", func(p string) error {
			db, err := sql.Open("sqlite", p)
			if err != nil {
				return err
			}
			defer db.Close()
			_, err = db.Exec(`DROP TABLE articles`)
			return err
		}, "tables missing"},
		{"another database", func(p string) error {
			if err := RemoveIndex(p); err != nil {
				return err
			}
			db, err := sql.Open("sqlite", p)
			if err != nil {
				return err
			}
			defer db.Close()
			_, err = db.Exec(`CREATE TABLE articles(x); INSERT INTO articles VALUES (1)`)
			return err
		}, "not an index"},
		{"a folder", func(p string) error {
			if err := RemoveIndex(p); err != nil {
				return err
			}
			return os.Mkdir(p, 0o755)
		}, "a folder, not a file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeArchive(t)
			open(t, dir, Options{}).Close()
			p := filepath.Join(dir, IndexDir, indexFile)
			// Fold the write-ahead log in first, so the damage hits the
			// data itself.
			RemoveIndex(p + "-wal")
			if err := tt.damage(p); err != nil {
				t.Fatal(err)
			}
			a := open(t, dir, Options{})
			want := "index " + p + " was damaged or out of date (" + tt.reason + "); rebuilt"
			if w := a.Warnings(nil); len(w) != 1 || w[0] != want {
				t.Errorf("warnings %q, want [%q]", w, want)
			}
			if got, want := shape(a), []string{sampleStory, "alone:rain.txt", "alone:zoo.txt"}; !slices.Equal(got, want) {
				t.Errorf("after rebuilding:\ngot  %q\nwant %q", got, want)
			}
			a.Close()
			if w := open(t, dir, Options{}).Warnings(nil); len(w) != 0 {
				t.Errorf("the rebuilt index should open cleanly, got %q", w)
			}
		})
	}
}

// A folder in the index's place that holds files is not newsdiff's to
// remove, nor is a link to nothing: the run uses a temporary index, and
// says so. The link failed every command with "unable to open database
// file (14)".
func TestFolderInPlaceOfIndex(t *testing.T) {
	t.Run("a link to nothing", func(t *testing.T) {
		dir := writeArchive(t)
		p := filepath.Join(dir, IndexDir, indexFile)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(filepath.Join(t.TempDir(), "gone", "index.db"), p); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		a := open(t, dir, Options{})
		want := "index " + p + " is not a file; using a temporary index"
		if w := a.Warnings(nil); len(w) != 1 || w[0] != want {
			t.Errorf("warnings %q, want [%q]", w, want)
		}
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("the link: %v", err)
		}
	})
	dir := writeArchive(t)
	p := filepath.Join(dir, IndexDir, indexFile)
	if err := os.MkdirAll(p, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(p, "keep"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	a := open(t, dir, Options{})
	want := "index " + p + " is not a file; using a temporary index"
	if w := a.Warnings(nil); len(w) != 1 || w[0] != want {
		t.Errorf("warnings %q, want [%q]", w, want)
	}
	if got, want := shape(a), []string{sampleStory, "alone:rain.txt", "alone:zoo.txt"}; !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	a.Close()
	if _, err := os.Stat(filepath.Join(p, "keep")); err != nil {
		t.Errorf("the folder's file: %v", err)
	}
}

func TestLockedIndexFallsBackToTemporary(t *testing.T) {
	dir := writeArchive(t)
	open(t, dir, Options{}).Close()
	// Another process holding a write lock looks, to this one, like a
	// connection in an exclusive transaction.
	holder, err := sql.Open("sqlite", filepath.Join(dir, IndexDir, indexFile))
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	conn, err := holder.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), `BEGIN EXCLUSIVE`); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(context.Background(), `ROLLBACK`)
	// Make the held index stale, so that opening must write.
	writeFile(t, dir, "volcano.txt", "Volcano erupts near Reykjavik\n\nLava fountains lit the sky over the Reykjanes peninsula.\n")

	a := open(t, dir, Options{})
	if w := a.Warnings(nil); len(w) != 1 || !strings.Contains(w[0], "in use") {
		t.Errorf("warnings %q, want one saying the index is in use", w)
	}
	want := []string{sampleStory, "alone:rain.txt", "alone:volcano.txt", "alone:zoo.txt"}
	if got := shape(a); !slices.Equal(got, want) {
		t.Errorf("with a temporary index:\ngot  %q\nwant %q", got, want)
	}
	temp := a.IndexPath()
	a.Close()
	if _, err := os.Stat(temp); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("temporary index %s left behind: %v", temp, err)
	}
}

func TestSkippedFilesAreRemembered(t *testing.T) {
	dir := writeArchive(t)
	writeFile(t, dir, "binary.txt", "abc\x00def")
	writeFile(t, dir, "empty.md", "")
	a := open(t, dir, Options{})
	var got []string
	for _, p := range a.Problems() {
		got = append(got, fmt.Sprintf("%s skipped=%v", filepath.Base(p.Path), p.Skipped))
	}
	slices.Sort(got)
	if want := []string{"binary.txt skipped=true", "empty.md skipped=true"}; !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
	a.Close()
	var reads int
	open(t, dir, Options{Progress: func(p Progress) {
		if p.Phase == "reading" {
			reads++
		}
	}})
	if reads != 0 {
		t.Errorf("skipped files read again on an unchanged archive: %d reads", reads)
	}
}

func TestSearch(t *testing.T) {
	a := open(t, writeArchive(t), Options{})
	for _, tc := range []struct {
		query string
		want  string // a path among the results, or "" for none
	}{
		{"mightily", "000_bcfc8e1eaa4c1094.txt"},
		{"panda cub", "zoo.txt"},
		{"monso", "rain.txt"}, // the last word is a prefix
		{`"unbalanced AND (`, ""},
		{"lavrov", "003_95bcf1536ed6ca96.txt"},
	} {
		got, err := a.Search(context.Background(), tc.query, 10)
		if err != nil {
			t.Errorf("Search(%q): %v", tc.query, err)
			continue
		}
		var paths []string
		for _, e := range got {
			paths = append(paths, e.Path)
		}
		if tc.want == "" && len(paths) != 0 || tc.want != "" && !slices.Contains(paths, tc.want) {
			t.Errorf("Search(%q) = %q, want it to hold %q", tc.query, paths, tc.want)
		}
	}
}

func TestOpenCancelled(t *testing.T) {
	dir := writeArchive(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Open(ctx, dir, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Open with a cancelled context: %v, want context.Canceled", err)
	}
}

func TestNamedStoriesAreNotRegrouped(t *testing.T) {
	dir := t.TempDir()
	for _, story := range []string{"a", "b"} {
		if err := os.Mkdir(filepath.Join(dir, story), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// The same text in two story folders stays in two stories.
	writeFile(t, dir, "a/one.txt", unrelated["zoo.txt"])
	writeFile(t, dir, "b/two.txt", unrelated["zoo.txt"])
	writeFile(t, dir, "b/three.md", "---\nstory: elsewhere\n---\n"+unrelated["rain.txt"])
	a := open(t, dir, Options{})
	var names []string
	for _, s := range a.Stories() {
		names = append(names, fmt.Sprintf("%s=%d", s.Name, len(s.Entries)))
	}
	slices.Sort(names)
	if want := []string{"a=1", "b=1", "elsewhere=1"}; !slices.Equal(names, want) {
		t.Errorf("stories %q, want %q", names, want)
	}
}

func TestFindStory(t *testing.T) {
	a := open(t, writeArchive(t), Options{})
	for _, tc := range []struct {
		name, want string // want: the first path of the story found, or "" for an error
	}{
		{"1", "000_bcfc8e1eaa4c1094.txt"},
		{"2", "rain.txt"},
		{"4", ""},
		{"donald", "000_bcfc8e1eaa4c1094.txt"},
		{"Panda cub born at Edinburgh zoo", "zoo.txt"},
		{"edinburgh", "zoo.txt"}, // a part of the name, which no name starts
		{"nothing like it", ""},
	} {
		s, err := a.FindStory(tc.name)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("FindStory(%q) = %q, want an error", tc.name, s.Name)
		case tc.want != "" && err != nil:
			t.Errorf("FindStory(%q): %v", tc.name, err)
		case tc.want != "" && s.Entries[0].Path != tc.want:
			t.Errorf("FindStory(%q) starts with %q, want %q", tc.name, s.Entries[0].Path, tc.want)
		}
	}
}

// TestIndexSideFilesInTheWay is a regression test: a folder where SQLite
// keeps the index's log, shared memory or journal failed every command
// with SQLite's words and code ("unable to open database file (14)",
// "attempt to write a readonly database (8)", "disk I/O error (266)").
// The run uses a temporary index, and one warning says why in words.
func TestIndexSideFilesInTheWay(t *testing.T) {
	for _, tt := range []struct {
		suffix, reason string
	}{
		{"-wal", "it cannot be opened"},
		{"-shm", "it cannot be written"},
		{"-journal", "reading or writing it failed"},
	} {
		t.Run(tt.suffix, func(t *testing.T) {
			dir := writeArchive(t)
			open(t, dir, Options{}).Close()
			p := filepath.Join(dir, IndexDir, indexFile)
			RemoveIndex(p + "-wal")
			if err := os.Mkdir(p+tt.suffix, 0o755); err != nil {
				t.Fatal(err)
			}
			// A file added makes the refresh write.
			writeFile(t, dir, "harbour.txt", "Harbour bridge reopens\n\nThe harbour bridge reopened to traffic on Monday after two months of repairs.\n")
			a := open(t, dir, Options{})
			want := "index " + p + " cannot be used (" + tt.reason + "); using a temporary index"
			if w := a.Warnings(nil); len(w) != 1 || w[0] != want {
				t.Errorf("warnings %q, want [%q]", w, want)
			}
			if got := shape(a); !slices.Contains(got, sampleStory) {
				t.Errorf("stories %q, want %q among them", got, sampleStory)
			}
		})
	}
}

// TestDamagedFullTextRebuilt is a regression test: an index whose full
// text was damaged listed and refreshed as sound, since nothing else
// reads it, and every search of it failed, run after run (newsdiff index
// did not notice either). A search that finds it damaged marks it, and
// the next opening rebuilds it, with a warning.
func TestDamagedFullTextRebuilt(t *testing.T) {
	ctx := context.Background()
	dir := writeArchive(t)
	p := filepath.Join(dir, IndexDir, indexFile)
	a := open(t, dir, Options{})
	db, err := sql.Open("sqlite", p)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`DROP TABLE fts`); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Search(ctx, "zookeepers", 10); err == nil {
		t.Fatal("a search of no full text did not fail")
	}
	if _, err := a.Listing(0).Search(ctx, "zookeepers", 10); err == nil {
		t.Fatal("a listing's search of no full text did not fail")
	}
	a.Close()
	a = open(t, dir, Options{})
	want := "index " + p + " was damaged or out of date (its full text unreadable); rebuilt"
	if w := a.Warnings(nil); len(w) != 1 || w[0] != want {
		t.Errorf("warnings %q, want [%q]", w, want)
	}
	found, err := a.Search(ctx, "zookeepers", 10)
	if err != nil || len(found) != 1 || found[0].Path != "zoo.txt" {
		t.Errorf("search after the rebuild: %v, %v; want zoo.txt", found, err)
	}
	a.Close()
	if w := open(t, dir, Options{}).Warnings(nil); len(w) != 0 {
		t.Errorf("the rebuilt index should open cleanly, got %q", w)
	}
}
