package archive

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/archive/archivetest"
)

// TestCheckRebuildsDamagedPages is a regression test: an index damaged in
// pages a command does not read (its grouping keys, say) opened as sound,
// and `newsdiff index` said nothing of it either, until a refresh wrote
// there. Options.Check reads every page: the damage is found, and the
// index rebuilt with a warning.
func TestCheckRebuildsDamagedPages(t *testing.T) {
	for _, table := range []string{"lsh", "df", "stories", "articles"} {
		t.Run(table, func(t *testing.T) {
			dir := writeArchive(t)
			open(t, dir, Options{}).Close()
			p := filepath.Join(dir, IndexDir, indexFile)
			archivetest.DamagePages(t, p, `name = ? AND pagetype = 'leaf'`, table)
			a := open(t, dir, Options{Check: true})
			want := "index " + p + " was damaged or out of date (a check of its pages found damage); rebuilt"
			if w := a.Warnings(nil); len(w) != 1 || w[0] != want {
				t.Errorf("warnings %q, want [%q]", w, want)
			}
			if got, want := shape(a), []string{sampleStory, "alone:rain.txt", "alone:zoo.txt"}; !slices.Equal(got, want) {
				t.Errorf("after rebuilding:\ngot  %q\nwant %q", got, want)
			}
			a.Close()
			if w := open(t, dir, Options{Check: true}).Warnings(nil); len(w) != 0 {
				t.Errorf("the rebuilt index should check clean, got %q", w)
			}
		})
	}
}

// TestDamagedCacheWriteRebuilds is a regression test: the stories and the
// listing the index keeps are caches, and a failure to write them was
// passed over, damage too, so that an index whose table of stories was
// damaged opened every story through the whole archive, and one whose
// listing's pages were damaged read every row on every opening, without
// a word, run after run. A write that finds the index damaged now has it
// rebuilt, with a warning, as a read that does.
func TestDamagedCacheWriteRebuilds(t *testing.T) {
	for _, tt := range []struct {
		name, where string
	}{
		// Read only to be replaced once the index has changed.
		{"stories", `name = 'stories' AND pagetype = 'leaf'`},
		// Its blob's pages past the first are read only when its
		// generation is the index's, and freed when it is replaced.
		{"listing", `name = 'listing' AND pagetype = 'overflow'`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeArchive(t)
			// Enough articles for a listing of several pages.
			more := filepath.Join(dir, "more")
			if err := os.Mkdir(more, 0o755); err != nil {
				t.Fatal(err)
			}
			for i := range 300 {
				writeFile(t, more, fmt.Sprintf("%03d.txt", i), fmt.Sprintf("Report %d on the harbour\n\nThe harbour board met for the %dth time and said the works go on.\n", i, i))
			}
			// Opened twice: the second saves the listing the first's
			// grouping changed.
			open(t, dir, Options{}).Close()
			a := open(t, dir, Options{})
			before := shape(a)
			a.Close()
			p := filepath.Join(dir, IndexDir, indexFile)
			archivetest.DamagePages(t, p, tt.where)
			// Another process writes the index: the stories and the
			// listing recorded are of a generation past.
			db, err := sql.Open("sqlite", p)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec(`UPDATE state SET gen = gen + 1`); err != nil {
				t.Fatal(err)
			}
			db.Close()
			a = open(t, dir, Options{})
			want := "index " + p + " was damaged or out of date (unreadable); rebuilt"
			if w := a.Warnings(nil); len(w) != 1 || w[0] != want {
				t.Errorf("warnings %q, want [%q]", w, want)
			}
			if got, want := shape(a), before; !slices.Equal(got, want) {
				t.Errorf("after rebuilding:\ngot  %q\nwant %q", got, want)
			}
			a.Close()
			s := mustStore(t, dir)
			if err := s.Check(context.Background()); err != nil {
				t.Errorf("the rebuilt index: %v", err)
			}
			s.Close()
		})
	}
}

// TestProblemVersionsMarkDamage is a regression test: a served folder
// asks the index for the versions of its files with problems after
// opening it, from pages opening need not read; damaged, they failed
// that, and the problems were said again on every refresh, the index
// never rebuilt. The index is now marked, and rebuilt on its next
// opening, with a warning.
func TestProblemVersionsMarkDamage(t *testing.T) {
	dir := writeArchive(t)
	writeFile(t, dir, "broken.txt", "\x00\x01\x02\x03")
	a := open(t, dir, Options{})
	if len(a.Problems()) == 0 {
		t.Fatal("no problem with broken.txt")
	}
	a.Close()
	p := filepath.Join(dir, IndexDir, indexFile)
	archivetest.DamagePages(t, p, `name = 'sqlite_autoindex_articles_1'`)
	a = open(t, dir, Options{})
	if w := a.Warnings(nil); len(w) != 0 {
		t.Fatalf("warnings %q before the versions were asked for", w)
	}
	if _, err := a.ProblemVersions(context.Background()); !IsCorrupt(err) {
		t.Fatalf("ProblemVersions: %v, want the damage", err)
	}
	a.Close()
	a = open(t, dir, Options{})
	want := "index " + p + " was damaged or out of date (unreadable); rebuilt"
	if w := a.Warnings(nil); len(w) != 1 || w[0] != want {
		t.Errorf("warnings %q, want [%q]", w, want)
	}
	if _, err := a.ProblemVersions(context.Background()); err != nil {
		t.Errorf("ProblemVersions of the rebuilt index: %v", err)
	}
}
